package se.lagesbild.loaders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks staged rows against a source's rules and collects every problem in the temporary table
 * {@code lb_problems} (line_no, column_name, value, rule_code, message). Rules: the column list's
 * generic ones (a required value missing, a value that cannot be read), duplicates of the
 * source's key, structural problems of the lines DuckDB could not split, and the source's own
 * rules in {@code sql/loaders/}. Also defines {@code loaded}: the typed rows without problems.
 */
final class Validation {
    private Validation() {
    }

    /** The delivery's declared period (may be null) and today's date, for the date rules. */
    record Delivery(String periodCode, LocalDate from, LocalDate to, LocalDate today, LocalDate followUpUntil) {
    }

    static void run(Connection connection, SourceFormat format, LoaderSql sql, Delivery delivery, long rows, LoadListener listener)
            throws SQLException {
        long started = System.nanoTime();
        listener.phase("validating");
        Sql.execute(connection, "CREATE TEMP TABLE delivery (period_code VARCHAR, period_from DATE, period_to DATE, today DATE, follow_up_until DATE)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, delivery.periodCode());
            insert.setDate(2, delivery.from() == null ? null : Date.valueOf(delivery.from()));
            insert.setDate(3, delivery.to() == null ? null : Date.valueOf(delivery.to()));
            insert.setDate(4, Date.valueOf(delivery.today()));
            insert.setDate(5, delivery.followUpUntil() == null ? null : Date.valueOf(delivery.followUpUntil()));
            insert.execute();
        }
        // Typed once: every rule then scans a few typed columns instead of re-parsing the text.
        List<String> rules = new ArrayList<>(genericRules(format));
        rules.add(duplicateRule(format));
        sql.rules().forEach((code, select) -> rules.add(rule(code, select)));
        rules.add("SELECT line, CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN ''"
                + " ELSE coalesce((SELECT header FROM lb_columns c WHERE c.internal = j.column_name), j.column_name, '') END, csv_line, CASE WHEN error_type = 'INVALID ENCODING' THEN 'encoding'"
                + " WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'column_count'"
                + " WHEN error_type = 'UNQUOTED VALUE' THEN 'quoting' ELSE 'unreadable_line' END,"
                + " CASE WHEN error_type = 'INVALID ENCODING' THEN 'the line is not UTF-8 text: save the file as UTF-8 (or load with --encoding latin-1)'"
                + " WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'wrong number of columns: '"
                + " || regexp_replace(error_message, 'Expected Number of Columns: (\\d+) Found: (\\d+).*', 'expected \\1 as in the header, found \\2', 's')"
                + " ELSE split_part(error_message, chr(10), 1) END"
                + " FROM (SELECT DISTINCT ON (line) * FROM lb_rejects ORDER BY line) j");
        rules.add("SELECT line, '', '', 'column_count', 'wrong number of columns: expected ' || (SELECT count(*) FROM lb_columns)"
                + " || ' as in the header, found ' || found FROM lb_column_counts");
        Sql.execute(connection, "CREATE TEMP TABLE lb_problems AS SELECT line_no::BIGINT AS line_no, column_name::VARCHAR AS column_name,"
                + " value::VARCHAR AS value, rule_code::VARCHAR AS rule_code, message::VARCHAR AS message FROM ("
                + String.join("\nUNION ALL\n", rules) + ") p(line_no, column_name, value, rule_code, message)");
        // a line with too few or too many columns was read padded or cut: its column count is the problem, not the values shifted by it
        Sql.execute(connection, "DELETE FROM lb_problems WHERE rule_code <> 'column_count' AND line_no IN (SELECT line FROM lb_column_counts)");
        Sql.execute(connection, "CREATE TEMP VIEW loaded AS SELECT t.* FROM typed t ANTI JOIN lb_problems p ON t.line_no = p.line_no");
        listener.phaseDone(rows, System.nanoTime() - started);
    }

    private static String rule(String code, String select) {
        return "SELECT line_no, column_name, value, " + Sql.literal(code) + ", message FROM (" + select
                + ") r(line_no, column_name, value, message)";
    }

    /** Free-text columns (titles, names, notes, descriptions) hold this many characters; every other value 200. */
    static final int LONG_TEXT = 4000;
    static final int SHORT_TEXT = 200;

    /** The most characters a delivered value of {@code column} may have (docs/formats/README.md). */
    static int maxLength(SourceFormat.Column column) {
        return column.name().matches(".*(title|description|note|name|actions|source|criteria|comment|text).*") ? LONG_TEXT : SHORT_TEXT;
    }

    /**
     * One scan for values longer than their column holds (a 200 000-character person id was loaded):
     * the first such column of each line, with the start of the value and its length.
     */
    private static String tooLongRule(SourceFormat format) {
        StringBuilder which = new StringBuilder("CASE");
        StringBuilder value = new StringBuilder("CASE");
        StringBuilder length = new StringBuilder("CASE");
        List<String> any = new ArrayList<>();
        for (SourceFormat.Column column : format.columns()) {
            String raw = "raw_" + column.name();
            String over = "length(" + raw + ") > " + maxLength(column);
            which.append(" WHEN ").append(over).append(" THEN ").append(Sql.literal(column.name()));
            value.append(" WHEN ").append(over).append(" THEN left(").append(raw).append(", 40) || '…'");
            length.append(" WHEN ").append(over).append(" THEN 'the value has ' || length(").append(raw).append(") || ' characters; "
                    + column.name() + " holds at most " + maxLength(column) + "'");
            any.add(over);
        }
        return rule("value_too_long", "SELECT line_no, " + which + " END, " + value + " END, " + length + " END FROM typed WHERE "
                + String.join(" OR ", any));
    }

    /** Required values that are missing, values the typed column could not read, and values too long for their column. */
    private static List<String> genericRules(SourceFormat format) {
        List<String> rules = new ArrayList<>();
        rules.add(tooLongRule(format));
        for (SourceFormat.Column column : format.columns()) {
            String raw = "raw_" + column.name();
            if (column.required()) {
                rules.add(rule("missing_value", "SELECT line_no, " + Sql.literal(column.name()) + ", " + raw + ", "
                        + Sql.literal("required value is missing (" + column.expected() + ")")
                        + " FROM typed WHERE " + (column.typed() == null ? "" : Sql.identifier(column.typed()) + " IS NULL AND ")
                        + "lb_text(" + raw + ") IS NULL"));
            }
            if (column.typed() != null) {
                rules.add(rule("invalid_value", "SELECT line_no, " + Sql.literal(column.name()) + ", " + raw + ", "
                        + Sql.literal("cannot be read as " + column.expected())
                        + " FROM typed WHERE lb_text(" + raw + ") IS NOT NULL AND " + Sql.identifier(column.typed()) + " IS NULL"));
            }
        }
        return rules;
    }

    /**
     * Second and later rows with the same key as an earlier row. A key column read from an optional
     * column (a population group) may be empty: empty is then a value of the key like any other.
     */
    private static String duplicateRule(SourceFormat format) {
        List<String> optional = format.columns().stream().filter(c -> !c.required() && c.typed() != null).map(SourceFormat.Column::typed).toList();
        List<String> keyed = new ArrayList<>();
        List<String> required = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < format.key().size(); i++) {
            String k = Sql.identifier(format.key().get(i));
            keyed.add((optional.contains(format.key().get(i)) ? "coalesce(CAST(" + k + " AS VARCHAR), '')" : k) + " AS lb_k" + i);
            if (!optional.contains(format.key().get(i))) {
                required.add(k + " IS NOT NULL");
            }
            names.add("lb_k" + i);
        }
        String keys = String.join(", ", names);
        String shown = names.stream().map(k -> "CAST(t." + k + " AS VARCHAR)").collect(Collectors.joining(", "));
        String described = String.join(", ", format.key());
        return rule("duplicate", "WITH keyed AS (SELECT line_no, " + String.join(", ", keyed) + " FROM typed"
                + (required.isEmpty() ? "" : " WHERE " + String.join(" AND ", required)) + "),"
                + " repeated AS (SELECT " + keys + " FROM keyed GROUP BY ALL HAVING count(*) > 1),"
                + " rows AS (SELECT t.line_no, concat_ws(' | ', " + shown + ") AS shown, min(t.line_no) OVER (PARTITION BY "
                + names.stream().map(k -> "t." + k).collect(Collectors.joining(", "))
                + ") AS first_line FROM keyed t SEMI JOIN repeated USING (" + keys + "))"
                + " SELECT line_no, " + Sql.literal(described) + ", shown, 'duplicate of line ' || first_line || ' (same "
                + described.replace("'", "''") + ")' FROM rows WHERE line_no > first_line");
    }

    /** Problem counts per rule, most frequent first. */
    static Map<String, Long> countsByRule(Connection connection) throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT rule_code, count(*) FROM lb_problems GROUP BY rule_code ORDER BY count(*) DESC, rule_code")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
