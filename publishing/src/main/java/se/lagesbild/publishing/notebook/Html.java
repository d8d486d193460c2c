package se.lagesbild.publishing.notebook;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;

/**
 * Result tables as HTML for notebooks and the report: a caption, a header, numbers right-aligned
 * (shares as per cent where the column holds a proportion), hidden values shown as "..", as
 * Swedish official statistics mark them.
 */
public final class Html {
    static final String STYLE = "<style>.lb-table{border-collapse:collapse;font:13px system-ui,sans-serif;margin:.5em 0}"
            + ".lb-table caption{text-align:left;font-weight:600;padding:.3em 0}.lb-table th,.lb-table td{border:1px solid #ccc;"
            + "padding:2px 6px;text-align:left;vertical-align:top}.lb-table th{background:#f2f2f2}"
            + ".lb-table td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + ".lb-table tr.hidden td{color:#888}.lb-note{font:12px system-ui,sans-serif;color:#555}"
            + ".lb-cover{display:grid;grid-template-columns:10em auto;gap:2px 8px;font:14px system-ui,sans-serif}"
            + ".lb-cover dt{font-weight:600}.lb-cover dd{margin:0}</style>";

    private Html() {
    }

    /** The table, all rows. */
    public static String table(ResultTable table) {
        return table(table, table.columns().stream().map(Column::name).toList(), r -> true);
    }

    /** The chosen columns of the rows that pass {@code keep}. */
    public static String table(ResultTable table, List<String> columns, Predicate<Object[]> keep) {
        StringBuilder html = new StringBuilder(STYLE).append("<table class=\"lb-table\"><caption>").append(escape(table.title()))
                .append("</caption><tr>");
        int[] index = columns.stream().mapToInt(table::columnIndex).toArray();
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0) {
                throw new IllegalArgumentException("No column " + columns.get(i) + " in " + table.title());
            }
            html.append("<th>").append(escape(columns.get(i))).append("</th>");
        }
        html.append("</tr>");
        int suppressed = table.columnIndex("suppressed");
        int rows = 0;
        for (Object[] row : table.rows()) {
            if (!keep.test(row)) {
                continue;
            }
            rows++;
            boolean hidden = suppressed >= 0 && Boolean.TRUE.equals(row[suppressed]);
            html.append(hidden ? "<tr class=\"hidden\">" : "<tr>");
            for (int i : index) {
                Column c = table.columns().get(i);
                boolean numeric = c.type() == Column.Type.NUMBER || c.type() == Column.Type.INTEGER;
                html.append(numeric ? "<td class=\"n\">" : "<td>").append(cell(row[i], c, hidden)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
        if (rows == 0) {
            html.append("<p class=\"lb-note\">No rows.</p>");
        }
        return html.toString();
    }

    /** A note under a table or chart, in the notes' small type (class lb-note), escaped. */
    public static String note(String text) {
        return "<p class=\"lb-note\">" + escape(text) + "</p>";
    }

    /** Keeps the rows whose {@code column} holds {@code value}. */
    public static Predicate<Object[]> where(ResultTable table, String column, Object value) {
        int index = table.columnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + table.title());
        }
        return row -> java.util.Objects.equals(row[index], value);
    }

    private static String cell(Object value, Column column, boolean hidden) {
        if (value == null) {
            return hidden && column.role() == Column.Role.MEASURE ? ".." : "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.4f", d);
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return escape(value.toString());
    }

    public static String heading(int level, String text) {
        return "<h" + level + ">" + escape(text) + "</h" + level + ">";
    }

    public static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    /** A bulleted list of plain sentences. */
    public static String list(List<String> items) {
        StringBuilder html = new StringBuilder("<ul>");
        items.forEach(i -> html.append("<li>").append(escape(i)).append("</li>"));
        return html.append("</ul>").toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
