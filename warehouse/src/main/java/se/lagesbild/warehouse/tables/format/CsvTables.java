package se.lagesbild.warehouse.tables.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import se.lagesbild.warehouse.tables.ResultTable;

/**
 * A table as CSV with a header row, in one of two dialects: {@link Dialect#RFC4180} (comma, decimal
 * point, UTF-8, CRLF: for programs) or {@link Dialect#EXCEL_SV}, which Excel with Swedish settings
 * opens by double-click into the right columns and numbers (UTF-8 with a byte-order mark, semicolon,
 * decimal comma, CRLF). Double quotes where a field needs them; missing and hidden values are empty
 * fields, numbers are written in full.
 */
public final class CsvTables {
    /** The CSV dialects. */
    public enum Dialect {
        RFC4180(',', '.', false),
        EXCEL_SV(';', ',', true);

        private final char separator;
        private final char decimal;
        private final boolean byteOrderMark;

        Dialect(char separator, char decimal, boolean byteOrderMark) {
            this.separator = separator;
            this.decimal = decimal;
            this.byteOrderMark = byteOrderMark;
        }
    }

    private CsvTables() {
    }

    static void write(ResultTable table, OutputStream out) throws IOException {
        write(table, out, Dialect.RFC4180);
    }

    /** The table in {@code dialect}. */
    public static byte[] write(ResultTable table, Dialect dialect) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        try {
            write(table, out, dialect);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void write(ResultTable table, OutputStream out, Dialect dialect) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (dialect.byteOrderMark) {
            w.write('\uFEFF');
        }
        w.write(String.join(String.valueOf(dialect.separator), table.columns().stream().map(c -> field(c.name(), dialect)).toList()));
        w.write("\r\n");
        for (Object[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    w.write(dialect.separator);
                }
                w.write(field(row[i], dialect));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    private static String field(Object value, Dialect dialect) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? java.math.BigDecimal.valueOf(d).toPlainString().replace('.', dialect.decimal)
                : value.toString();
        if (text.indexOf(dialect.separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
