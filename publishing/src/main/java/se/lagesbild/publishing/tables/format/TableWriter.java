package se.lagesbild.publishing.tables.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import se.lagesbild.publishing.tables.ResultTable;

/** Writes a whole result table in one format. */
public final class TableWriter {
    private TableWriter() {
    }

    public static byte[] write(ResultTable table, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            switch (format) {
                case JSON -> JsonTables.write(table, out);
                case CSV -> CsvTables.write(table, out);
                case JSON_STAT2 -> JsonStatTables.write(table, out);
                case ARROW -> ArrowTables.write(table, out);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
