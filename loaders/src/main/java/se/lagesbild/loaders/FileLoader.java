package se.lagesbild.loaders;

import static se.lagesbild.warehouse.db.Tables.DIM_PERIOD;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.db.tables.records.DimPeriodRecord;
import se.lagesbild.warehouse.db.tables.records.LoadBatchRecord;

/**
 * Loads one delivered file into the warehouse, completely or not at all.
 *
 * <p>Steps: inspect the file (SHA-256; a file already loaded for the source is a no-op); in one
 * transaction stage it with DuckDB's reader, validate every row, and then, as the policy says,
 * either reject the whole file or write a {@code load_batch} row, the valid rows to the fact
 * table and every problem row to {@code load_quarantine}; commit. Rows in = rows loaded + rows
 * quarantined, always. Anything that fails, or a process killed on the way, leaves the warehouse
 * as it was: DuckDB only makes the transaction visible at commit.
 */
public final class FileLoader {
    private static final int SHOWN_PROBLEMS = 20;

    private FileLoader() {
    }

    public static LoadOutcome load(Warehouse warehouse, LoadRequest request, LoadListener listener) {
        java.nio.charset.Charset charset = request.charset();
        InputFile peeked = InputFile.peek(request.file(), charset, request.delimiter());
        Validation.Delivery delivery = delivery(warehouse, request);
        // The SHA-256 and the blank-line scan read the whole file: on a thread of their own, while DuckDB reads it too.
        CompletableFuture<InputFile> scan = CompletableFuture.supplyAsync(() -> InputFile.inspect(request.file(), charset,
                request.delimiter()), SCANNER);
        Connection connection = warehouse.connection();
        try {
            // Staging and validation touch temporary objects only; the warehouse changes in one
            // transaction at the end (temporary tables made outside it also number rows from 0).
            dropTemporaries(connection);
            return stageValidateWrite(warehouse, connection, peeked, () -> join(scan), request, delivery, listener);
        } catch (SQLException e) {
            if (peeked.format() == InputFile.Format.CSV) {
                // DuckDB's reader gave up on the file: say why in the file's own terms where the scan can tell
                LineStructure.explain(join(scan), true);
            }
            throw new WarehouseException("Loading " + peeked.path() + " failed and nothing was written: "
                    + Problem.excerpt(e.getMessage().lines().findFirst().orElse(""), 300), e);
        } finally {
            scan.cancel(true);
            dropTemporaries(connection);
        }
    }

    private static final java.util.concurrent.Executor SCANNER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "file-scan");
        thread.setDaemon(true);
        return thread;
    });

    private static InputFile join(CompletableFuture<InputFile> scan) {
        try {
            return scan.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A file with this SHA-256 already loaded for the source and read the same way, or null. The
     * same bytes read another way (encoding, delimiter) are refused: loading them again would put the
     * same delivery in twice, read differently.
     */
    private static LoadOutcome alreadyLoaded(Warehouse warehouse, LoadRequest request, InputFile file) {
        LoadBatchRecord earlier = warehouse.dsl().selectFrom(LOAD_BATCH)
                .where(LOAD_BATCH.SOURCE.eq(request.source().name()).and(LOAD_BATCH.FILE_SHA256.eq(file.sha256())))
                .orderBy(LOAD_BATCH.BATCH_ID.desc()).limit(1).fetchOne();
        String options = LoadRequest.readOptions(file, request.encoding());
        if (earlier != null && earlier.getReadOptions() != null && !earlier.getReadOptions().equals(options)) {
            throw new WarehouseException(file.path() + " was loaded before as batch " + earlier.getBatchId() + " (vintage "
                    + earlier.getVintageLabel() + ") read with " + earlier.getReadOptions() + "; read now with " + options
                    + " its rows would differ. To load it this way, remove the earlier batch first (lagesbild unload "
                    + earlier.getBatchId() + ") and load it again.");
        }
        return earlier == null ? null : new LoadOutcome(LoadOutcome.Status.ALREADY_LOADED, file, earlier.getBatchId(),
                earlier.getVintageLabel(), earlier.getRowsRead(), earlier.getRowsLoaded(), earlier.getRowsQuarantined(), Map.of(), List.of(),
                null);
    }

    private static LoadOutcome stageValidateWrite(Warehouse warehouse, Connection connection, InputFile peeked,
                                                  java.util.function.Supplier<InputFile> scanned, LoadRequest request,
                                                  Validation.Delivery delivery, LoadListener listener) throws SQLException {
        SourceFormat format = request.source();
        LoaderSql sql = LoaderSql.load(format.sqlResource());
        long staged = Staging.stage(connection, peeked, scanned, format, sql, request.encoding(), listener);
        InputFile file = scanned.get();
        LoadOutcome earlier = request.dryRun() ? null : alreadyLoaded(warehouse, request, file);
        if (earlier != null) {
            return earlier;
        }
        Validation.run(connection, format, sql, delivery, staged, listener);
        long rowsRead = staged + Sql.count(connection, "SELECT count(DISTINCT line) FROM lb_rejects");
        if (rowsRead == 0) {
            throw new WarehouseException(file.path() + " has a header but no data rows. Check the export; nothing was loaded.");
        }
        long bad = Sql.count(connection, "SELECT count(DISTINCT line_no) FROM lb_problems");
        Map<String, Long> byRule = Validation.countsByRule(connection);
        List<Problem> first = firstProblems(connection);
        java.nio.file.Path problemsFile = writeProblems(connection, file, request);
        String vintage = request.effectiveVintage();
        if (request.dryRun() || (bad > 0 && request.effectivePolicy() == Policy.REJECT_FILE)) {
            LoadOutcome.Status status = request.dryRun() ? LoadOutcome.Status.VALIDATED : LoadOutcome.Status.REJECTED;
            return new LoadOutcome(status, file, null, vintage, rowsRead, rowsRead - bad, bad, byRule, first, problemsFile);
        }
        long started = System.nanoTime();
        listener.phase("writing");
        LocalDate[] period = period(connection, sql.period());
        connection.setAutoCommit(false);
        try {
            long batchId = write(warehouse, connection, file, request, rowsRead, bad, period);
            connection.commit();
            listener.phaseDone(rowsRead - bad, System.nanoTime() - started);
            return new LoadOutcome(LoadOutcome.Status.LOADED, file, batchId, vintage, rowsRead, rowsRead - bad, bad, byRule, first,
                    problemsFile);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Inside the transaction: the lineage row, the valid rows, the quarantined problems. */
    private static long write(Warehouse warehouse, Connection connection, InputFile file, LoadRequest request, long rowsRead,
                              long bad, LocalDate[] period) throws SQLException {
        SourceFormat format = request.source();
        LoadBatchRecord batch = warehouse.dsl().insertInto(LOAD_BATCH)
                .set(LOAD_BATCH.SOURCE, format.name())
                .set(LOAD_BATCH.FILE_NAME, file.fileName())
                .set(LOAD_BATCH.FILE_SHA256, file.sha256())
                .set(LOAD_BATCH.FILE_BYTES, file.bytes())
                .set(LOAD_BATCH.FILE_FORMAT, file.format().name().toLowerCase(java.util.Locale.ROOT))
                .set(LOAD_BATCH.DECLARED_PERIOD, request.periodCode())
                .set(LOAD_BATCH.ROWS_READ, rowsRead)
                .set(LOAD_BATCH.ROWS_LOADED, rowsRead - bad)
                .set(LOAD_BATCH.ROWS_QUARANTINED, bad)
                .set(LOAD_BATCH.VINTAGE_LABEL, request.effectiveVintage())
                .set(LOAD_BATCH.PERIOD_FROM, period[0])
                .set(LOAD_BATCH.PERIOD_TO, period[1])
                .set(LOAD_BATCH.READ_OPTIONS, LoadRequest.readOptions(file, request.encoding()))
                .set(LOAD_BATCH.FOLLOW_UP_UNTIL, request.followUpUntil())
                .returning(LOAD_BATCH.BATCH_ID)
                .fetchOne();
        long batchId = batch.getBatchId();
        String columns = String.join(", ", format.factColumns().stream().map(Sql::identifier).toList());
        Sql.execute(connection, "INSERT INTO " + format.factTable().getName() + " (batch_id, source_line, " + columns + ")"
                + " SELECT " + batchId + ", line_no, " + columns + " FROM " + (bad == 0 ? "typed" : "loaded"));
        String region = format.regionField() == null ? "NULL" : "t." + Sql.identifier(format.regionField());
        String raw = format.columns().stream().map(c -> "coalesce(t.raw_" + c.name() + ", '')")
                .collect(Collectors.joining(", ", "concat_ws(" + Sql.literal(String.valueOf(file.delimiter())) + ", ", ")"));
        Sql.execute(connection, "INSERT INTO load_quarantine SELECT " + batchId + ", p.line_no, " + region + ", p.column_name,"
                + " p.value, p.rule_code, p.message, CASE WHEN t.line_no IS NULL"
                + " THEN (SELECT min(csv_line) FROM lb_rejects j WHERE j.line = p.line_no) ELSE " + raw + " END"
                + " FROM lb_problems p LEFT JOIN typed t ON t.line_no = p.line_no");
        return batchId;
    }

    /** The declared period's dates, checked against dim_period. */
    private static Validation.Delivery delivery(Warehouse warehouse, LoadRequest request) {
        boolean deaths = request.source().name().equals("deaths");
        if (deaths && request.followUpUntil() == null) {
            throw new WarehouseException(request.file().getFileName() + ": loading deaths needs --follow-up-until DATE: the delivery's"
                    + " closing date, up to which every death"
                    + " is in it (survival counts everyone not in the file as alive until then). Nothing was loaded.");
        }
        if (!deaths && request.followUpUntil() != null) {
            throw new WarehouseException(request.file().getFileName() + ": --follow-up-until is the closing date of a deaths delivery;"
                    + " the source " + request.source().name() + " has none. Nothing was loaded.");
        }
        if (deaths && request.followUpUntil().isAfter(request.today()) && !request.futureFollowUp()) {
            throw new WarehouseException(request.file().getFileName() + ": --follow-up-until " + request.followUpUntil() + " is after today ("
                    + request.today() + "): deaths cannot be complete up to a date not yet passed. If that closing date is meant"
                    + " (a planned delivery, synthetic data), say so with --future-follow-up. Nothing was loaded.");
        }
        if (request.periodCode() == null) {
            return new Validation.Delivery(null, null, null, request.today(), request.followUpUntil());
        }
        DimPeriodRecord period = warehouse.dsl().fetchOne(DIM_PERIOD, DIM_PERIOD.PERIOD_CODE.eq(request.periodCode()));
        if (period == null) {
            throw new WarehouseException("--period " + request.periodCode() + " is not a period: write a year (2026), half-year (2026H1),"
                    + " quarter (2026Q3) or month (2026-09) from 2015 to 2035.");
        }
        return new Validation.Delivery(period.getPeriodCode(), period.getStartDate(), period.getEndDate(), request.today(),
                request.followUpUntil());
    }

    private static LocalDate[] period(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)};
        }
    }

    private static List<Problem> firstProblems(Connection connection) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT line_no, column_name, value, rule_code, message FROM lb_problems"
                     + " ORDER BY line_no, rule_code, column_name LIMIT " + SHOWN_PROBLEMS)) {
            while (rs.next()) {
                problems.add(new Problem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return problems;
    }

    /** Writes every problem as CSV (file, line, column, value, rule, message) through DuckDB's COPY. */
    private static java.nio.file.Path writeProblems(Connection connection, InputFile file, LoadRequest request) throws SQLException {
        if (request.problemsFile() == null) {
            return null;
        }
        java.nio.file.Path target = request.problemsFile().toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new WarehouseException("Cannot create " + target.getParent() + " for the problem list: " + e.getMessage(), e);
        }
        Sql.execute(connection, "COPY (SELECT " + Sql.literal(file.fileName()) + " AS file, line_no AS line, column_name AS column,"
                + " value, rule_code AS rule, message FROM lb_problems ORDER BY line_no, rule_code, column_name) TO "
                + Sql.literal(target.toString()) + " (HEADER, DELIMITER ',')");
        return target;
    }

    private static void dropTemporaries(Connection connection) {
        for (String object : Staging.TEMP_OBJECTS) {
            try {
                Sql.execute(connection, "DROP " + object.replace(" ", " IF EXISTS "));
            } catch (SQLException e) {
                // a view may be listed as a table or vice versa after a failed load; try the next
            }
        }
    }
}
