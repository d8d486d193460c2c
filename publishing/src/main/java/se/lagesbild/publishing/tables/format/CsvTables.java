package se.lagesbild.publishing.tables.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import se.lagesbild.publishing.tables.ResultTable;

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
        EXCEL_SV(';', ',', true),
        /** Tab-separated, decimal point (PxWebApi 2's SeparatorTab). */
        TAB('\t', '.', false),
        /** Space-separated, decimal point (PxWebApi 2's SeparatorSpace). */
        SPACE(' ', '.', false);

        private final char separator;
        private final char decimal;
        private final boolean byteOrderMark;

        Dialect(char separator, char decimal, boolean byteOrderMark) {
            this.separator = separator;
            this.decimal = decimal;
            this.byteOrderMark = byteOrderMark;
        }

        public char separator() {
            return separator;
        }

        public char decimal() {
            return decimal;
        }

        public boolean byteOrderMark() {
            return byteOrderMark;
        }

        /** {@code text} as one field: quoted (quotes doubled) when it holds the separator, a quote or a line break. */
        public String quote(String text) {
            if (text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
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
        // the whole text first, then one encoding: far cheaper than a writer per field for large tables
        StringBuilder text = new StringBuilder(64 + table.rows().size() * 16 * Math.max(1, table.columns().size()));
        if (dialect.byteOrderMark) {
            text.append('\uFEFF');
        }
        text.append(String.join(String.valueOf(dialect.separator), table.columns().stream().map(c -> field(c.name(), dialect)).toList()));
        text.append("\r\n");
        for (Object[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append(dialect.separator);
                }
                text.append(field(row[i], dialect));
            }
            text.append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A number in full without an exponent ({@code 1.0E-4} → {@code 0.0001}), as BigDecimal's plain string. */
    private static String plain(double d) {
        String text = Double.toString(d);
        return text.indexOf('E') < 0 ? text : java.math.BigDecimal.valueOf(d).toPlainString();
    }

    private static String field(Object value, Dialect dialect) {
        if (value == null) {
            return "";
        }
        return dialect.quote(value instanceof Double d ? plain(d).replace('.', dialect.decimal) : value.toString());
    }
}
