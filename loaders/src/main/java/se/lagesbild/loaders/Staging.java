package se.lagesbild.loaders;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Reads a delivered file through DuckDB's own readers and types it: the view {@code typed} has,
 * per row, {@code line_no}, the typed columns of the source's {@code @typed} SQL and one text
 * column {@code raw_<name>} per source column (NULL when the file does not have it), and for an optional column
 * {@code lb_has_<name>}, whether the file has it. Structural problems of CSV lines (wrong column count,
 * invalid UTF-8, broken quoting) land in {@code lb_rejects} with their line numbers.
 *
 * <p>{@code line_no} is the line in the file (the header is line 1; for Parquet the data row,
 * from 1). CSV rows are numbered from their position in DuckDB's order-preserving read (see
 * {@link #typeAndNumber}), shifted past rejected and blank lines.
 */
final class Staging {
    static final String[] TEMP_OBJECTS = {"VIEW loaded", "VIEW typed", "TABLE typed_lines", "TABLE lb_problems",
        "TABLE lb_excluded", "TABLE lb_blank", "TABLE lb_column_counts", "TABLE lb_typed", "TABLE lb_raw", "TABLE lb_rejects", "TABLE lb_reject_scans", "TABLE lb_columns",
        "TABLE delivery"};

    /** For tests: read every CSV file plainly first, as when the typing SQL cannot keep the order. */
    static volatile boolean alwaysReadFirst;

    private Staging() {
    }

    /**
     * Reads and types {@code file} (as peeked: format and header) for {@code format}; {@code scanned}
     * gives the blank records once the full inspection is done. Returns the rows read (rejected
     * lines not included).
     */
    static long stage(Connection connection, InputFile file, java.util.function.Supplier<InputFile> scanned, SourceFormat format,
                      LoaderSql sql, String encoding, LoadListener listener) throws SQLException {
        listener.phase("reading " + file.fileName());
        long started = System.nanoTime();
        for (String function : LoaderSql.functions()) {
            Sql.execute(connection, function);
        }
        List<String> fileColumns;
        String reader;
        if (file.format() == InputFile.Format.CSV) {
            fileColumns = file.header();
            reader = csvReader(file, encoding);
        } else {
            if (!format.parquet()) {
                throw new WarehouseException(file.path() + " is Parquet, but " + format.name() + " is delivered as CSV only.");
            }
            reader = "read_parquet(" + Sql.literal(file.path().toString()) + ", file_row_number = true)";
            fileColumns = parquetColumns(connection, reader);
        }
        Map<SourceFormat.Column, Integer> mapped = mapColumns(file, format, fileColumns);
        String position = typeAndNumber(connection, file, format, sql, fileColumns, mapped, reader, listener);
        if (file.format() == InputFile.Format.PARQUET) {
            Sql.execute(connection, "CREATE TEMP TABLE lb_rejects (line BIGINT, column_name VARCHAR, error_type VARCHAR,"
                    + " csv_line VARCHAR, error_message VARCHAR)");
        }
        Sql.execute(connection, "CREATE TEMP TABLE lb_columns (internal VARCHAR, header VARCHAR)");
        for (int i = 0; i < fileColumns.size(); i++) {
            Sql.execute(connection, "INSERT INTO lb_columns VALUES ('c" + i + "', " + Sql.literal(fileColumns.get(i)) + ")");
        }
        long rows = Sql.count(connection, "SELECT count(*) FROM lb_typed");
        listener.phaseDone(rows, System.nanoTime() - started);
        InputFile whole = file.format() == InputFile.Format.CSV ? scanned.get() : file;
        if (whole.format() == InputFile.Format.CSV) {
            LineStructure.check(connection, whole, rows);
        }
        Sql.execute(connection, "CREATE TEMP TABLE lb_column_counts (line BIGINT, found BIGINT)");
        if (!whole.wrongFieldCounts().isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (long[] wrong : whole.wrongFieldCounts()) {
                values.append(values.length() == 0 ? "" : ", ").append('(').append(wrong[0]).append(", ").append(wrong[1]).append(')');
            }
            Sql.execute(connection, "INSERT INTO lb_column_counts VALUES " + values);
        }
        createTypedView(connection, whole, position, rawView(format, sql));
        return rows;
    }

    /**
     * Reads and types the file into {@code lb_typed}; returns the SQL expression for a row's
     * position among the rows read. Parquet rows carry their row number. A CSV file is read and
     * typed in one pass when DuckDB plans that pass to keep the file's order (a batch-wise
     * CREATE TABLE AS: the table's rowid is then the position); a typing SQL that DuckDB cannot
     * run in order (a join, say, from an IN over a subquery) would number rows wrongly, so the
     * file is then first read as it is (a plain read keeps the order) and the position travels
     * through the typing pass as lb_row.
     */
    private static String typeAndNumber(Connection connection, InputFile file, SourceFormat format, LoaderSql sql,
                                        List<String> fileColumns, Map<SourceFormat.Column, Integer> mapped, String reader,
                                        LoadListener listener) throws SQLException {
        if (file.format() == InputFile.Format.PARQUET) {
            runWithProgress(connection, "CREATE TEMP TABLE lb_typed AS WITH staging AS ("
                    + staging(file, format, fileColumns, mapped, "r.file_row_number + 1", reader) + "), t AS (" + sql.typed() + ")"
                    + " SELECT lb_row, " + keptColumns(format, sql) + " FROM t", listener);
            return "lb_row";
        }
        String onePass = "CREATE TEMP TABLE lb_typed AS WITH staging AS (" + staging(file, format, fileColumns, mapped, "NULL", reader)
                + "), t AS (" + sql.typed() + ") SELECT " + keptColumns(format, sql) + " FROM t";
        if (!alwaysReadFirst && keepsOrder(connection, onePass)) {
            runWithProgress(connection, onePass, listener);
            return "rowid";
        }
        runWithProgress(connection, "CREATE TEMP TABLE lb_raw AS SELECT * FROM " + reader, listener);
        listener.phase("typing (the typing SQL cannot keep the file's order in one pass with the read)");
        Sql.execute(connection, "CREATE TEMP TABLE lb_typed AS WITH staging AS ("
                + staging(file, format, fileColumns, mapped, "r.rowid", "lb_raw") + "), t AS (" + sql.typed() + ")"
                + " SELECT lb_row, " + keptColumns(format, sql) + " FROM t");
        Sql.execute(connection, "DROP TABLE lb_raw");
        return "lb_row";
    }

    /** Whether DuckDB runs {@code createTableAs} batch-wise, inserting the rows in the order they are read. */
    static boolean keepsOrder(Connection connection, String createTableAs) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("EXPLAIN " + createTableAs)) {
            while (rs.next()) {
                plan.append(rs.getString(2));
            }
        }
        boolean batchWise = plan.toString().contains("Batch Create Table As");
        if (Sql.PROFILE && !batchWise) {
            System.err.println("not batch-wise, so read first and typed after:\n" + plan);
        }
        return batchWise;
    }

    /** SELECT of the row's position and one text column raw_NAME per source column, from {@code from}. */
    private static String staging(InputFile file, SourceFormat format, List<String> fileColumns, Map<SourceFormat.Column, Integer> mapped,
                                  String position, String from) {
        StringBuilder staging = new StringBuilder("SELECT " + position + " AS lb_row");
        for (SourceFormat.Column column : format.columns()) {
            Integer index = mapped.get(column);
            String source = index == null ? "NULL"
                    : file.format() == InputFile.Format.CSV ? "r.c" + index
                    : "CAST(r." + Sql.identifier(fileColumns.get(index)) + " AS VARCHAR)";
            staging.append(", ").append(source).append("::VARCHAR AS raw_").append(column.name());
            if (!column.required()) {
                // whether the file has an optional column at all (a source may read an absent column unlike an empty value)
                staging.append(", ").append(index != null).append(" AS lb_has_").append(column.name());
            }
        }
        return staging.append(" FROM ").append(from).append(" r").toString();
    }

    /**
     * The typed columns, and each delivered text only where it is needed: when its typed column is
     * empty (missing or unreadable) or it has no typed column, and not for a column typed as plain
     * text ({@link LoaderSql#plainText}: empty exactly when the text is blank, so the text tells
     * nothing more). Elsewhere the text is the typed value's ({@link #rawView}), so the table does
     * not hold every value twice. (Each mostly empty text column costs about 0.09 s per 10 million
     * rows to write.)
     */
    private static String keptColumns(SourceFormat format, LoaderSql sql) {
        StringBuilder kept = new StringBuilder(String.join(", ", format.factColumns().stream().map(Sql::identifier).toList()));
        for (SourceFormat.Column column : format.columns()) {
            String raw = "raw_" + column.name();
            if (column.typed() == null) {
                kept.append(", ").append(raw);
            } else if (!sql.plainText(column)) {
                kept.append(", CASE WHEN ").append(Sql.identifier(column.typed())).append(" IS NULL THEN ").append(raw).append(" END AS ")
                        .append(raw);
            }
        }
        return kept.toString();
    }

    /** The delivered texts as the rules see them: kept text, else the typed value as text (NULL for a blank plain text). */
    private static String rawView(SourceFormat format, LoaderSql sql) {
        StringBuilder view = new StringBuilder(String.join(", ", format.factColumns().stream().map(Sql::identifier).toList()));
        for (SourceFormat.Column column : format.columns()) {
            String raw = "raw_" + column.name();
            String typed = column.typed() == null ? null : "CAST(" + Sql.identifier(column.typed()) + " AS VARCHAR)";
            view.append(", ").append(typed == null ? raw : sql.plainText(column) ? typed + " AS " + raw
                    : "coalesce(" + raw + ", " + typed + ") AS " + raw);
        }
        return view.toString();
    }

    private static String csvReader(InputFile file, String encoding) {
        StringBuilder columns = new StringBuilder("{");
        for (int i = 0; i < file.header().size(); i++) {
            columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        columns.append('}');
        return "read_csv(" + Sql.literal(file.path().toString())
                + ", header = true, auto_detect = false, delim = " + Sql.literal(String.valueOf(file.delimiter()))
                + ", quote = '\"', escape = '\"', columns = " + columns
                + ", encoding = " + Sql.literal(encoding)
                // lines with too few or too many columns are read padded or cut (the file scan reports them, each on
                // its own line): DuckDB's rejects would hold the whole line once per surplus column
                + ", strict_mode = false, null_padding = true"
                + ", store_rejects = true, rejects_table = 'lb_rejects', rejects_scan = 'lb_reject_scans')";
    }
    /** Runs a long statement while a poller reports DuckDB's progress on it. */
    private static void runWithProgress(Connection connection, String sql, LoadListener listener) throws SQLException {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        try (DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            poller.scheduleAtFixedRate(() -> {
                try {
                    QueryProgress p = statement.getQueryProgress();
                    listener.progress(p.getPercentage() / 100.0, p.getRowsProcessed());
                } catch (Exception e) {
                    // progress is best-effort; the statement's own errors surface from execute
                }
            }, 250, 250, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            statement.execute();
            if (Sql.PROFILE) {
                System.err.printf("%7.0f ms  %s%n", (System.nanoTime() - start) / 1e6, sql.substring(0, Math.min(110, sql.length())));
            }
        } finally {
            poller.shutdownNow();
        }
    }

    private static List<String> parquetColumns(Connection connection, String reader) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM " + reader + ")")) {
            while (rs.next()) {
                if (!rs.getString(1).equals("file_row_number")) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** Maps each source column to the file's column that delivers it (by header name or alias). */
    static Map<SourceFormat.Column, Integer> mapColumns(InputFile file, SourceFormat format, List<String> fileColumns) {
        Map<SourceFormat.Column, Integer> mapped = new LinkedHashMap<>();
        for (int i = 0; i < fileColumns.size(); i++) {
            int index = i;
            format.column(fileColumns.get(i)).ifPresent(column -> {
                Integer earlier = mapped.putIfAbsent(column, index);
                if (earlier != null) {
                    throw new WarehouseException(file.path() + " line 1: columns '" + fileColumns.get(earlier) + "' and '"
                            + fileColumns.get(index) + "' both give " + column.name() + ". Keep one of them.");
                }
            });
        }
        List<String> missing = format.columns().stream().filter(c -> c.required() && !mapped.containsKey(c))
                .map(c -> c.name() + (c.aliases().isEmpty() ? "" : " (or " + String.join(", ", c.aliases()) + ")"))
                .toList();
        if (!missing.isEmpty()) {
            throw new WarehouseException(file.path() + " line 1: missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join("; ", missing) + ". The file has: " + shownColumns(fileColumns)
                    + ". See docs/formats/" + format.name() + ".md.");
        }
        return mapped;
    }

    /** The header's column names for a message: at most 30, each cut to a short excerpt. */
    private static String shownColumns(List<String> columns) {
        String shown = String.join(", ", columns.stream().limit(30).map(c -> Problem.excerpt(c, 40)).toList());
        return columns.size() > 30 ? shown + " … (" + columns.size() + " columns)" : shown;
    }

    /**
     * The view {@code typed}: every typed row with its line number. {@code position} is the row's
     * 0-based position among the rows read (or, for Parquet, its 1-based row number).
     */
    private static void createTypedView(Connection connection, InputFile file, String position, String columns) throws SQLException {
        if (file.format() == InputFile.Format.PARQUET) {
            Sql.execute(connection, "CREATE TEMP VIEW typed AS SELECT " + position + " AS line_no, " + columns + " FROM lb_typed");
            return;
        }
        if (!excludeLines(connection, file)) {
            Sql.execute(connection, "CREATE TEMP VIEW typed AS SELECT " + position + " + 2 AS line_no, " + columns + " FROM lb_typed");
            return;
        }
        // Rows after rejected or blank lines shift by the number of such lines before them.
        Sql.execute(connection, "CREATE TEMP TABLE typed_lines AS SELECT r.position + 2 + coalesce(x.k, 0) AS line_no, r.* EXCLUDE (position)"
                + " FROM (SELECT " + position + " AS position, *" + (position.equals("lb_row") ? " EXCLUDE (lb_row)" : "")
                + " FROM lb_typed) r ASOF LEFT JOIN lb_excluded x ON r.position >= x.a");
        Sql.execute(connection, "CREATE TEMP VIEW typed AS SELECT line_no, " + columns + " FROM typed_lines");
    }

    /** Builds lb_excluded (accepted rows before each excluded line → lines excluded so far); false when none. */
    private static boolean excludeLines(Connection connection, InputFile file) throws SQLException {
        Sql.execute(connection, "CREATE TEMP TABLE lb_blank (line BIGINT)");
        if (!file.blankRecords().isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (Long line : file.blankRecords()) {
                values.append(values.length() == 0 ? "" : ", ").append('(').append(line).append(')');
            }
            Sql.execute(connection, "INSERT INTO lb_blank VALUES " + values);
        }
        long excluded = Sql.count(connection, "SELECT (SELECT count(*) FROM lb_blank) + (SELECT count(*) FROM lb_rejects)");
        if (excluded == 0) {
            return false;
        }
        Sql.execute(connection, "CREATE TEMP TABLE lb_excluded AS SELECT a, max(k) AS k FROM ("
                + " SELECT e - 1 - row_number() OVER (ORDER BY e) AS a, row_number() OVER (ORDER BY e) AS k"
                + " FROM (SELECT DISTINCT line AS e FROM lb_rejects UNION SELECT line FROM lb_blank)) GROUP BY a");
        return true;
    }
}
