package se.lagesbild.loaders.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import se.lagesbild.warehouse.WarehouseException;

/** Writes a file the follow-up leaves behind (letters, tables), creating its folder; a path that cannot be written is refused by name. */
public final class OutputFile {
    private OutputFile() {
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException | SecurityException e) {
            throw new WarehouseException("Cannot write " + file.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Choose a folder you can write to with --out.");
        }
    }
}
