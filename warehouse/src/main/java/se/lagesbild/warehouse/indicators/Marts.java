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
 * batch it was built from. {@link #source} names the table while it is current (built from the
 * newest batch, no snapshot in use) and the view otherwise.
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
        Long maxBatch = warehouse.dsl().select(DSL.max(LOAD_BATCH.BATCH_ID)).from(LOAD_BATCH).fetchOne().value1();
        List<Refreshed> shadows = shadowSharedIntermediates(warehouse, views);
        try {
            List<Refreshed> refreshed = new ArrayList<>(shadows);
            refreshed.addAll(write(warehouse, views, maxBatch));
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

    private static List<Refreshed> write(Warehouse warehouse, Set<String> views, Long maxBatch) {
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
                    .set(MART_REFRESH.MAX_BATCH_ID, maxBatch).set(MART_REFRESH.ROWS_WRITTEN, rows).set(MART_REFRESH.SECONDS, seconds).execute();
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

    /** The table for {@code view} when it is current, else the view itself. */
    public static String source(Warehouse warehouse, String view) {
        var dsl = warehouse.dsl();
        var refresh = dsl.selectFrom(MART_REFRESH).where(MART_REFRESH.MART_VIEW.eq(view)).fetchOne();
        if (refresh == null) {
            return view;
        }
        Long maxBatch = dsl.select(DSL.max(LOAD_BATCH.BATCH_ID)).from(LOAD_BATCH).fetchOne().value1();
        Object snapshot = dsl.fetchValue(DSL.field("getvariable('lagesbild_max_batch')"));
        boolean current = snapshot == null && java.util.Objects.equals(maxBatch, refresh.getMaxBatchId());
        return current ? refresh.getTableName() : view;
    }
}
