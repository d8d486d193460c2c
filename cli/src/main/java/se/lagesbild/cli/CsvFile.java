package se.lagesbild.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import se.lagesbild.loaders.followup.OutputFile;
import se.lagesbild.publishing.tables.format.CsvTables;

/**
 * Writes the CSV files the verbs leave behind: RFC 4180 (comma, decimal point, UTF-8) by default, or
 * as Excel with Swedish settings opens them by double-click (UTF-8 with BOM, semicolon, decimal comma).
 */
final class CsvFile {
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");

    private CsvFile() {
    }

    /** Writes {@code rows} (the first is the header) to {@code file} as RFC 4180, creating its folder. */
    static void write(Path file, List<List<String>> rows) {
        write(file, rows, CsvTables.Dialect.RFC4180);
    }

    /** The same in {@code dialect}: its separator, and its decimal mark in every plain decimal number. */
    static void write(Path file, List<List<String>> rows, CsvTables.Dialect dialect) {
        String separator = String.valueOf(dialect.separator());
        OutputFile.write(file, (dialect.byteOrderMark() ? "\uFEFF" : "") + rows.stream()
                .map(row -> row.stream().map(v -> field(v, dialect)).collect(Collectors.joining(separator)) + "\n")
                .collect(Collectors.joining()));
    }

    private static String field(String value, CsvTables.Dialect dialect) {
        if (value == null) {
            return "";
        }
        return dialect.quote(dialect.decimal() != '.' && DECIMAL.matcher(value).matches() ? value.replace('.', dialect.decimal()) : value);
    }
}
