package se.lagesbild.warehouse.tables.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import se.lagesbild.warehouse.tables.ResultTable;

/**
 * A table as CSV (RFC 4180: comma, double quotes where needed, CRLF, UTF-8, a header row); missing
 * and hidden values are empty fields, numbers are written in full with a decimal point.
 */
public final class CsvTables {
    private CsvTables() {
    }

    static void write(ResultTable table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(String.join(",", table.columns().stream().map(c -> field(c.name())).toList()));
        w.write("\r\n");
        for (Object[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(field(row[i]));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? java.math.BigDecimal.valueOf(d).toPlainString() : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
