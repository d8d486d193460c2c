package se.lagesbild.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import se.lagesbild.api.pxweb.ReleasedStore;
import se.lagesbild.api.release.ReleaseWriter;
import se.lagesbild.fixtures.TemporaryFolders;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The releases of the API tests' warehouse, made once per test run: {@link #current()} of everything
 * loaded (a snapshot taken on a copy, the vintage the warehouse server serves, its tables those the
 * shared server has computed) and {@link #before()} of {@value TestApi#SNAPSHOT} (without the 2027
 * SVF pathways; the tables of {@link #BEFORE_TABLES} computed as {@link ReleaseWriter#compute} does, the
 * others empty).
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
                Path copy = TemporaryFolders.deletedAtExit("lagesbild-release-test").resolve("warehouse.duckdb");
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

    /** The tables {@link #before()} holds values for: the ones the tests ask the published baseline's release. */
    static final List<String> BEFORE_TABLES = List.of("svf_within_lead_time", "svf_inclusion", "svf_lead_time_median");

    static synchronized ReleaseWriter.Release before() {
        if (before == null) {
            // the tests ask the published baseline's release only for these tables (the replica roll-out, the baseline served
            // beside this year's); computing the other 91 as of the snapshot (a minute and a half of the suite) would test nothing
            // more, so they are in the file without cells; ReleaseTest compares every table of the current release
            try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
                before = ReleaseWriter.assemble(w, TestApi.SNAPSHOT, line -> { }, (id, catalog) -> ReleasedStore.cube(id,
                        BEFORE_TABLES.contains(id.id()) ? ReleasedStore.values(w, catalog, id) : List.of(), catalog));
            }
        }
        return before;
    }
}
