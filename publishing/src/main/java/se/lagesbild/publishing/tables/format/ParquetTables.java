package se.lagesbild.publishing.tables.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import se.lagesbild.publishing.tables.ResultTable;

/**
 * A table as an Apache Parquet file, written by an in-memory DuckDB from the table's RFC 4180 CSV
 * with each column's type given (text, whole number, number, boolean), so codes with leading zeros
 * stay text and numbers keep their full precision.
 */
public final class ParquetTables {
    private ParquetTables() {
    }

    public static byte[] write(ResultTable table) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("lagesbild-parquet-");
            Path csv = folder.resolve("table.csv");
            Path parquet = folder.resolve("table.parquet");
            Files.write(csv, CsvTables.write(table, CsvTables.Dialect.RFC4180));
            StringBuilder types = new StringBuilder();
            for (var c : table.columns()) {
                if (types.length() > 0) {
                    types.append(", ");
                }
                String type = switch (c.type()) {
                    case NUMBER -> "DOUBLE";
                    case INTEGER -> "BIGINT";
                    case BOOLEAN -> "BOOLEAN";
                    default -> "VARCHAR";
                };
                types.append("'").append(c.name().replace("'", "''")).append("': '").append(type).append("'");
            }
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv('" + csv.toString().replace("'", "''") + "', header = true, columns = {" + types
                        + "})) TO '" + parquet.toString().replace("'", "''") + "' (FORMAT parquet)");
            }
            return Files.readAllBytes(parquet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not write Parquet: " + e.getMessage(), e);
        } finally {
            if (folder != null) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder
                }
            }
        }
    }
}
