package se.lagesbild.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import se.lagesbild.loaders.followup.OutputFile;

/** Writes the CSV files the verbs leave behind (comma-separated, RFC 4180 quoting, UTF-8). */
final class CsvFile {
    private CsvFile() {
    }

    /** Writes {@code rows} (the first is the header) to {@code file}, creating its folder. */
    static void write(Path file, List<List<String>> rows) {
        OutputFile.write(file, rows.stream().map(row -> row.stream().map(CsvFile::field).collect(Collectors.joining(",")) + "\n")
                .collect(Collectors.joining()));
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
