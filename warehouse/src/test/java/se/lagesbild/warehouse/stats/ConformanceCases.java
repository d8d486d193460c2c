package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the conformance cases in shared/conformance/stats/ (beside the project): inputs and
 * expected outputs from PHEindicatormethods 2.1.0's test data, each recomputed independently from
 * textbook formulas. An empty cell is NA.
 */
final class ConformanceCases {
    private ConformanceCases() {
    }

    static List<Map<String, String>> read(String name) {
        return read(folder().resolve(name));
    }

    /**
     * Reads the expected values computed with R (warehouse/src/test/resources/stats, written by
     * warehouse/src/test/r/stats-fixtures.R; the first line names the R version). NA is NaN.
     */
    static List<Map<String, String>> fromR(String name) {
        try {
            return read(Path.of(ConformanceCases.class.getResource("/stats/" + name).toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, String>> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
            List<String> header = split(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String cell = i < cells.size() ? cells.get(i).strip() : "";
                    row.put(header.get(i), cell.equals("NA") ? "" : cell);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/conformance/stats");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/conformance/stats not found above " + Path.of("").toAbsolutePath()
                + " (it lives beside the project)");
    }

    static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /** The README's tolerances: relative 1e-9, or absolute 1e-12 when |expected| &lt; 1e-3; NA must be NaN. */
    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NA, got " + actual);
            return;
        }
        double tolerance = Math.abs(expected) < 1e-3 ? 1e-12 : Math.abs(expected) * 1e-9;
        assertEquals(expected, actual, tolerance, what);
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
