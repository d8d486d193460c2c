package se.lagesbild.warehouse;

import java.nio.file.Path;

/** Helpers for tests that need a real, migrated warehouse file. */
public final class TestWarehouses {
    private TestWarehouses() {
    }

    /** Creates and migrates a warehouse file under {@code folder}, and closes it. */
    public static Path migrated(Path folder) {
        Path file = folder.resolve("warehouse.duckdb");
        Warehouse.openForWriting(file).close();
        return file;
    }
}
