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
 * Reads a delivered file into the temporary relation {@code staging}: {@code line_no} and one text
 * column {@code raw_<name>} per column of the source (NULL when the file does not have it), through
 * DuckDB's own readers. Structural problems of CSV lines (wrong column count, invalid UTF-8,
 * broken quoting) land in {@code lb_rejects} with their line numbers.
 *
 * <p>{@code line_no} is the line in the file (the header is line 1; for Parquet the data row,
 * from 1). Rows are numbered from their position in DuckDB's order-preserving read, shifted past
 * rejected and blank lines.
 */
final class Staging {
    static final String[] TEMP_OBJECTS = {"VIEW loaded", "VIEW typed", "VIEW staging", "TABLE staging_lines",
        "TABLE lb_problems", "TABLE lb_excluded", "TABLE lb_blank", "TABLE lb_raw", "TABLE lb_rejects",
        "TABLE lb_reject_scans", "TABLE lb_columns", "TABLE delivery"};

    private Staging() {
    }

    /** Stages {@code file} for {@code format}; returns the number of rows staged (rejected lines not included). */
    static long stage(Connection connection, InputFile file, SourceFormat format, String encoding, LoadListener listener)
            throws SQLException {
        List<String> fileColumns = file.format() == InputFile.Format.CSV ? file.header() : List.of();
        listener.phase("reading " + file.fileName());
        long started = System.nanoTime();
        if (file.format() == InputFile.Format.CSV) {
            runWithProgress(connection, csvRead(file, encoding), listener);
        } else {
            if (!format.parquet()) {
                throw new WarehouseException(file.path() + " is Parquet, but " + format.name() + " is delivered as CSV only.");
            }
            runWithProgress(connection, "CREATE TEMP TABLE lb_raw AS SELECT * FROM read_parquet(" + Sql.literal(file.path().toString())
                    + ", file_row_number = true)", listener);
            Sql.execute(connection, "CREATE TEMP TABLE lb_rejects (line BIGINT, column_name VARCHAR, error_type VARCHAR,"
                    + " csv_line VARCHAR, error_message VARCHAR)");
            fileColumns = parquetColumns(connection);
        }
        Sql.execute(connection, "CREATE TEMP TABLE lb_columns (internal VARCHAR, header VARCHAR)");
        for (int i = 0; i < fileColumns.size(); i++) {
            Sql.execute(connection, "INSERT INTO lb_columns VALUES ('c" + i + "', " + Sql.literal(fileColumns.get(i)) + ")");
        }
        long rows = Sql.count(connection, "SELECT count(*) FROM lb_raw");
        listener.phaseDone(rows, System.nanoTime() - started);
        createStagingView(connection, file, format, fileColumns, mapColumns(file, format, fileColumns));
        return rows;
    }

    private static String csvRead(InputFile file, String encoding) {
        StringBuilder columns = new StringBuilder("{");
        for (int i = 0; i < file.header().size(); i++) {
            columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        columns.append('}');
        return "CREATE TEMP TABLE lb_raw AS SELECT * FROM read_csv(" + Sql.literal(file.path().toString())
                + ", header = true, auto_detect = false, delim = " + Sql.literal(String.valueOf(file.delimiter()))
                + ", quote = '\"', escape = '\"', columns = " + columns
                + ", encoding = " + Sql.literal(encoding)
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
            statement.execute();
        } finally {
            poller.shutdownNow();
        }
    }

    private static List<String> parquetColumns(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT column_name FROM (DESCRIBE lb_raw)")) {
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
                    + String.join("; ", missing) + ". The file has: " + String.join(", ", fileColumns)
                    + ". See docs/formats/" + format.name() + ".md.");
        }
        return mapped;
    }

    private static void createStagingView(Connection connection, InputFile file, SourceFormat format, List<String> fileColumns,
                                          Map<SourceFormat.Column, Integer> mapped) throws SQLException {
        StringBuilder select = new StringBuilder();
        for (SourceFormat.Column column : format.columns()) {
            Integer index = mapped.get(column);
            String source = index == null ? "NULL"
                    : file.format() == InputFile.Format.CSV ? "r.c" + index
                    : "CAST(r." + Sql.identifier(fileColumns.get(index)) + " AS VARCHAR)";
            select.append(", ").append(source).append("::VARCHAR AS raw_").append(column.name());
        }
        if (file.format() == InputFile.Format.PARQUET) {
            Sql.execute(connection, "CREATE TEMP VIEW staging AS SELECT r.file_row_number + 1 AS line_no" + select + " FROM lb_raw r");
            return;
        }
        if (!excludeLines(connection, file)) {
            Sql.execute(connection, "CREATE TEMP VIEW staging AS SELECT r.rowid + 2 AS line_no" + select + " FROM lb_raw r");
            return;
        }
        // Rows after rejected or blank lines shift by the number of such lines before them.
        Sql.execute(connection, "CREATE TEMP TABLE staging_lines AS SELECT r.rn + 2 + coalesce(x.k, 0) AS line_no"
                + select + " FROM (SELECT rowid AS rn, * FROM lb_raw) r ASOF LEFT JOIN lb_excluded x ON r.rn >= x.a");
        Sql.execute(connection, "CREATE TEMP VIEW staging AS SELECT * FROM staging_lines");
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
