package se.lagesbild.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import se.lagesbild.api.release.ReleaseWriter;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The releases of the API tests' warehouse, computed once per test run (each takes a minute or two):
 * {@link #current()} of everything loaded (a snapshot taken on a copy, the vintage the warehouse
 * server serves) and {@link #before()} of {@value TestApi#SNAPSHOT} (without the 2027 SVF pathways).
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
                try (Warehouse w = Warehouse.openReadOnly(copy)) {
                    current = ReleaseWriter.compute(w, CURRENT, line -> { });
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
