package se.lagesbild.api.pxweb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Query;
import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.tables.format.CsvTables;

/**
 * PxWebApi 2's {@code outputFormatParams}, a list: {@code UseCodes}, {@code UseTexts} or
 * {@code UseCodesAndTexts} (the default: both; csv, html, xlsx), {@code IncludeTitle} (csv, html,
 * xlsx) and {@code SeparatorTab}, {@code SeparatorSpace} or {@code SeparatorSemicolon} (csv; the
 * semicolon one is Swedish Excel's: decimal comma, byte-order mark). Names in any case; two of a kind
 * that exclude each other, or one the format does not take, is a 400 naming it.
 */
record OutputParams(boolean codes, boolean texts, boolean title, CsvTables.Dialect dialect) {
    static final List<String> NAMES = List.of("UseCodes", "UseTexts", "UseCodesAndTexts", "IncludeTitle", "SeparatorTab", "SeparatorSpace",
            "SeparatorSemicolon");

    static OutputParams of(List<String> given, String format) {
        String labels = null;
        String separator = null;
        boolean title = false;
        for (String raw : given) {
            String name = NAMES.stream().filter(n -> n.equalsIgnoreCase(raw.trim())).findFirst().orElseThrow(() -> ApiProblem.badParameter(
                    "outputFormatParams", raw, "Unknown output format parameter '" + Query.printable(raw) + "'. Parameters: "
                            + String.join(", ", NAMES) + ".", NAMES));
            boolean tableFormat = List.of("csv", "html", "xlsx").contains(format);
            if (!tableFormat || (name.startsWith("Separator") && !format.equals("csv"))) {
                throw ApiProblem.badParameter("outputFormatParams", raw, name + " is for " + (name.startsWith("Separator") ? "csv" : "csv, html"
                        + " and xlsx") + ", not " + format + ".", NAMES);
            }
            if (name.startsWith("Use")) {
                if (labels != null && !labels.equals(name)) {
                    throw ApiProblem.badParameter("outputFormatParams", raw, labels + " and " + name + " exclude each other; give one.", NAMES);
                }
                labels = name;
            } else if (name.startsWith("Separator")) {
                if (separator != null && !separator.equals(name)) {
                    throw ApiProblem.badParameter("outputFormatParams", raw, separator + " and " + name + " exclude each other; give one.",
                            NAMES);
                }
                separator = name;
            } else {
                title = true;
            }
        }
        boolean codes = labels == null || !labels.equals("UseTexts");
        boolean texts = labels == null || !labels.equals("UseCodes");
        CsvTables.Dialect dialect = separator == null ? CsvTables.Dialect.RFC4180 : switch (separator.toLowerCase(Locale.ROOT)) {
            case "separatortab" -> CsvTables.Dialect.TAB;
            case "separatorspace" -> CsvTables.Dialect.SPACE;
            default -> CsvTables.Dialect.EXCEL_SV;
        };
        return new OutputParams(codes, texts, title, dialect);
    }

    /** The long table with the code columns, the label columns or both, as asked. */
    ResultTable columns(ResultTable table) {
        if (codes && texts) {
            return table;
        }
        List<Integer> kept = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            boolean label = c.name().endsWith("_label");
            boolean code = c.role() == Column.Role.DIMENSION;
            if ((label && !texts) || (code && !codes)) {
                continue;
            }
            kept.add(i);
            columns.add(c);
        }
        ResultTable.Builder b = ResultTable.builder(table.title(), columns.toArray(Column[]::new));
        for (Object[] row : table.rows()) {
            b.row(kept.stream().map(i -> row[i]).toArray());
        }
        return b.build();
    }

    /** The CSV with the table's title as its first line when asked (IncludeTitle). */
    byte[] titled(PxData data, byte[] csv) {
        if (!title) {
            return csv;
        }
        String line = data.table().title() + "\r\n";
        boolean bom = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF;
        byte[] head = ((bom ? "\uFEFF" : "") + line).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + csv.length - (bom ? 3 : 0)];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(csv, bom ? 3 : 0, out, head.length, csv.length - (bom ? 3 : 0));
        return out;
    }
}
