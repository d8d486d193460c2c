package se.lagesbild.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import se.lagesbild.fixtures.DemoData;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.snapshots.Snapshots;

/** The bundled demo data loaded through the real loaders into a DuckDB file once, with a snapshot of it. */
final class DemoWarehouse {
    static final String SNAPSHOT = "notebook-test";
    private static Path file;

    private DemoWarehouse() {
    }

    static synchronized Path file() {
        if (file == null) {
            try {
                file = Files.createTempDirectory("lagesbild-notebooks-test").resolve("demo.duckdb");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Warehouse w = Warehouse.openForWriting(file)) {
                DemoData.load(w, DemoData.folder(), outcome -> { });
                Snapshots.create(w, SNAPSHOT, "the demo data");
            }
        }
        return file;
    }

    /** The checkout (where notebooks/ and test-fixtures/ are). */
    static Path home() {
        return DemoData.folder().getParent().getParent();
    }
}
