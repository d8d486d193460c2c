package se.lagesbild.notebooks;

import java.nio.file.Path;

import se.lagesbild.fixtures.DemoData;
import se.lagesbild.fixtures.TemporaryFolders;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The bundled demo data loaded through the real loaders into a DuckDB file once, as the demo does:
 * a snapshot {@value #PUBLISHED} when the baseline is published, then Stockholm's revised 2026
 * delivery, then a snapshot {@value #SNAPSHOT} of everything.
 */
final class DemoWarehouse {
    static final String SNAPSHOT = "notebook-test";
    static final String PUBLISHED = "baseline-2026";
    private static Path file;

    private DemoWarehouse() {
    }

    static synchronized Path file() {
        if (file == null) {
            file = TemporaryFolders.deletedAtExit("lagesbild-notebooks-test").resolve("demo.duckdb");
            try (Warehouse w = Warehouse.openForWriting(file)) {
                DemoData.load(w, DemoData.folder(), outcome -> { });
                Snapshots.create(w, PUBLISHED, "the baseline as published");
                DemoData.loadRevision(w, DemoData.folder());
                Snapshots.create(w, SNAPSHOT, "the demo data with Stockholm's revision");
            }
        }
        return file;
    }

    /** The checkout (where notebooks/ and test-fixtures/ are). */
    static Path home() {
        return DemoData.folder().getParent().getParent();
    }
}
