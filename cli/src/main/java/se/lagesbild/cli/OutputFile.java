package se.lagesbild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import se.lagesbild.warehouse.WarehouseException;

/** Writes a file the verbs leave behind, creating its folder; a path that cannot be written is refused by name. */
final class OutputFile {
    private OutputFile() {
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException | SecurityException e) {
            throw new WarehouseException("Cannot write " + file.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Choose a folder you can write to with --out.");
        }
    }
}
