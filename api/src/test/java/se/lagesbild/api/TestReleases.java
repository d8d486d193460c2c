package se.lagesbild.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import se.lagesbild.api.release.ReleaseWriter;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The releases of the API tests' warehouse, made once per test run: {@link #current()} of everything
 * loaded (a snapshot taken on a copy, the vintage the warehouse server serves, its tables those the
 * shared server has computed) and {@link #before()} of {@value TestApi#SNAPSHOT} (without the 2027
 * SVF pathways; computed by {@link ReleaseWriter#compute}, a minute or two).
 */
final class TestReleases {
    static final String CURRENT = "release-test";
    private static ReleaseWriter.Release current;
    private static ReleaseWriter.Release before;

    private TestReleases() {
    }

    static synchronized ReleaseWriter.Release current() {
        if (current == null) {
            try {
                Path copy = Files.createTempDirectory("lagesbild-release-test").resolve("warehouse.duckdb");
                try (Warehouse ignored = Warehouse.openReadOnly(TestApi.warehouseFile())) { // no writer half-way while copying
                    Files.copy(TestApi.warehouseFile(), copy);
                }
                try (Warehouse w = Warehouse.openForWriting(copy)) {
                    Snapshots.create(w, CURRENT, "everything the API tests load");
                }
                // the tables the shared warehouse server has computed for the same state (computing them again
                // would only repeat the same function, ReleasedStore.values); the snapshot's own release is computed below
                var store = TestApi.server().store();
                try (Warehouse w = Warehouse.openReadOnly(copy)) {
                    current = ReleaseWriter.assemble(w, CURRENT, line -> { }, (id, catalog) -> store.cube(id));
                }
                Files.delete(copy); // no release server ever sees a warehouse
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    static synchronized ReleaseWriter.Release before() {
        if (before == null) {
            try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
                before = ReleaseWriter.compute(w, TestApi.SNAPSHOT, line -> { });
            }
        }
        return before;
    }
}
