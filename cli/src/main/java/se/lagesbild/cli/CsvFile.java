package se.lagesbild.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the CSV files the verbs leave behind (comma-separated, RFC 4180 quoting, UTF-8). */
final class CsvFile {
    private CsvFile() {
    }

    /** Writes {@code rows} (the first is the header) to {@code file}, creating its folder. */
    static void write(Path file, List<List<String>> rows) {
        List<String> lines = rows.stream().map(row -> row.stream().map(CsvFile::field).collect(Collectors.joining(","))).toList();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + file + " failed", e);
        }
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
