package se.lagesbild.warehouse.indicators;

import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.MART_REFRESH;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;

/**
 * Materialised marts: every catalogued mart view written to a table mat_VIEW, with the newest
 * batch and the number of batches it was built from. {@link #source} names the table while it is
 * current (the connection sees exactly those batches, now or as of a snapshot) and the view otherwise.
 */
public final class Marts {
    private Marts() {
    }

    /** One mart written (or, with table "temp", a shared intermediate computed for the refresh; rows −1). */
    public record Refreshed(String view, String table, long rows, double seconds) {
    }

    /**
     * Writes every catalogued mart view to its table. An intermediate view (int_*) that two or more
     * marts read is computed once for the refresh: a temporary table of the same name shadows it
     * (DuckDB looks in the temporary schema first) until the marts are written.
     */
    public static List<Refreshed> refresh(Warehouse warehouse) {
        Set<String> views = new LinkedHashSet<>();
        Catalogue.all(warehouse).forEach(i -> views.add(i.martView()));
        var batches = warehouse.dsl().select(DSL.max(LOAD_BATCH.BATCH_ID), DSL.count()).from(LOAD_BATCH).fetchOne();
        List<Refreshed> shadows = shadowSharedIntermediates(warehouse, views);
        try {
            List<Refreshed> refreshed = new ArrayList<>(shadows);
            refreshed.addAll(write(warehouse, views, batches.value1(), batches.value2()));
            return refreshed;
        } finally {
            for (Refreshed shadow : shadows) {
                execute(warehouse, "DROP TABLE IF EXISTS temp.\"" + shadow.view() + "\"");
            }
        }
    }

    /** The shared intermediates computed into temporary tables, with their time (table "temp"). */
    private static List<Refreshed> shadowSharedIntermediates(Warehouse warehouse, Set<String> marts) {
        java.util.Map<String, String> definitions = new java.util.LinkedHashMap<>();
        try (Statement s = warehouse.connection().createStatement();
             var rs = s.executeQuery("SELECT view_name, sql FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal ORDER BY view_name")) {
            while (rs.next()) {
                definitions.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the view definitions failed: " + e.getMessage(), e);
        }
        List<Refreshed> shadows = new ArrayList<>();
        for (String view : definitions.keySet()) {
            java.util.regex.Pattern word = java.util.regex.Pattern.compile("\\b" + view + "\\b");
            long readers = marts.stream().filter(m -> definitions.containsKey(m) && word.matcher(definitions.get(m)).find()).count();
            if (view.startsWith("int_") && readers >= 2) {
                long start = System.nanoTime();
                execute(warehouse, "CREATE OR REPLACE TEMP TABLE \"" + view + "\" AS SELECT * FROM main.\"" + view + "\"");
                shadows.add(new Refreshed(view, "temp", -1, (System.nanoTime() - start) / 1e9));
            }
        }
        return shadows;
    }

    private static List<Refreshed> write(Warehouse warehouse, Set<String> views, Long maxBatch, int batchCount) {
        List<Refreshed> refreshed = new ArrayList<>();
        for (String view : views) {
            String table = "mat_" + view;
            long start = System.nanoTime();
            try (Statement s = warehouse.connection().createStatement()) {
                s.execute("CREATE OR REPLACE TABLE \"" + table + "\" AS SELECT * FROM \"" + view + "\"");
            } catch (SQLException e) {
                throw new IllegalStateException("Writing the mart " + view + " failed: " + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = warehouse.dsl().fetchCount(DSL.table(DSL.name(table)));
            warehouse.dsl().deleteFrom(MART_REFRESH).where(MART_REFRESH.MART_VIEW.eq(view)).execute();
            warehouse.dsl().insertInto(MART_REFRESH).set(MART_REFRESH.MART_VIEW, view).set(MART_REFRESH.TABLE_NAME, table)
                    .set(MART_REFRESH.MAX_BATCH_ID, maxBatch).set(MART_REFRESH.BATCH_COUNT, (long) batchCount).set(MART_REFRESH.ROWS_WRITTEN, rows).set(MART_REFRESH.SECONDS, seconds).execute();
            refreshed.add(new Refreshed(view, table, rows, seconds));
        }
        return refreshed;
    }

    private static void execute(Warehouse warehouse, String sql) {
        try (Statement s = warehouse.connection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The table for {@code view} when it is current, else the view itself. Current: the batches this
     * connection sees (all of them, or those of the snapshot it answers as of) are exactly those the
     * table was written from, the same newest batch and the same number of batches (ids are never
     * reused, so an unloaded older batch or a snapshot from before the last load does not match).
     */
    public static String source(Warehouse warehouse, String view) {
        var dsl = warehouse.dsl();
        var refresh = dsl.selectFrom(MART_REFRESH).where(MART_REFRESH.MART_VIEW.eq(view)).fetchOne();
        if (refresh == null || refresh.getBatchCount() == null) {
            return view;
        }
        var visible = dsl.select(DSL.max(LOAD_BATCH.BATCH_ID), DSL.count()).from(LOAD_BATCH)
                .where(LOAD_BATCH.BATCH_ID.le(DSL.coalesce(DSL.field("getvariable('lagesbild_max_batch')", Long.class), Long.MAX_VALUE)))
                .fetchOne();
        boolean current = java.util.Objects.equals(visible.value1(), refresh.getMaxBatchId())
                && visible.value2() == refresh.getBatchCount().longValue();
        return current ? refresh.getTableName() : view;
    }
}
