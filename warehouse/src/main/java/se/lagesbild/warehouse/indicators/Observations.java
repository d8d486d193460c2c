package se.lagesbild.warehouse.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.stats.Means;

/**
 * Reads the marts of percentile and mean indicators (observations, or for means the sums) and of
 * standardised rates (age bands).
 */
final class Observations {
    private static final Field<Double> EVENTS = DSL.field(DSL.name("events"), Double.class);
    private static final Field<Double> POPULATION = DSL.field(DSL.name("population"), Double.class);
    private static final Field<Double> WEIGHT = DSL.field(DSL.name("standard_weight"), Double.class);
    private static final Field<String> BAND = DSL.field(DSL.name("band"), String.class);
    private static final Field<Double> COUNT = DSL.field(DSL.name("observation_count"), Double.class);
    private static final Field<Double> SUM = DSL.field(DSL.name("observation_sum"), Double.class);
    private static final Field<Double> SUM_SQUARES = DSL.field(DSL.name("observation_sum_squares"), Double.class);

    private Observations() {
    }

    /**
     * Each cell's observations (days) in {@code source} (a mart, its refreshed table, or its groups
     * view). The mart holds single sexes and single diagnoses; both sexes
     * (3) and all diagnoses (ALL) are built here by pooling, then only the cells {@code filter} asks
     * for are kept.
     */
    static Map<Cell, double[]> byCell(Warehouse warehouse, String source, CellFilter filter) {
        boolean wantsBoth = filter.sexes().isEmpty() || filter.sexes().contains(3);
        boolean wantsAll = filter.diagnoses().isEmpty() || filter.diagnoses().contains("ALL");
        CellFilter wide = new CellFilter(filter.periods(), filter.geoLevel(), filter.geoCodes(),
                wantsAll ? List.of() : filter.diagnoses(), wantsBoth ? List.of() : filter.sexes(), filter.ageGroups());
        Field<?>[] cell = {IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS, IndicatorEngine.SEX,
            IndicatorEngine.AGE};
        // DuckDB pools each cell's observations (the pooled cells as grouping sets, on every core), sorted: the rows never
        // enter Java one by one
        var query = warehouse.dsl().select(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO,
                        DSL.coalesce(IndicatorEngine.DIAGNOSIS, DSL.inline("ALL")), DSL.coalesce(IndicatorEngine.SEX, DSL.inline(3)), IndicatorEngine.AGE,
                        DSL.field("list(observation::DOUBLE ORDER BY observation)"))
                .from(DSL.table(DSL.name(source))).where(IndicatorEngine.where(wide))
                .groupBy(DSL.groupingSets(cell, new Field<?>[] {cell[0], cell[1], cell[2], cell[3], cell[5]},
                        new Field<?>[] {cell[0], cell[1], cell[2], cell[4], cell[5]}, new Field<?>[] {cell[0], cell[1], cell[2], cell[5]}));
        Map<Cell, double[]> cells = new LinkedHashMap<>();
        try (java.sql.ResultSet rs = query.fetchResultSet()) {
            while (rs.next()) {
                Cell c = new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6));
                if ((filter.sexes().isEmpty() || filter.sexes().contains(c.sexCode()))
                        && (filter.diagnoses().isEmpty() || filter.diagnoses().contains(c.diagnosisCode()))) {
                    Object[] list = (Object[]) rs.getArray(7).getArray();
                    double[] values = new double[list.length];
                    for (int i = 0; i < list.length; i++) {
                        values[i] = ((Number) list[i]).doubleValue();
                    }
                    cells.put(c, values);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new se.lagesbild.warehouse.WarehouseException("Reading the observations of " + source + " failed: " + e.getMessage(), e);
        }
        return cells;
    }

    /**
     * Each cell's summary for a mean indicator. Its mart follows one of two contracts: observations
     * (a column {@code observation}, one row per observation, pooled here into both sexes and all
     * diagnoses as for percentiles), or sums at the common grain with every cell present
     * ({@code observation_count}, {@code observation_sum}, {@code observation_sum_squares}).
     */
    static Map<Cell, Means.Summary> summariesByCell(Warehouse warehouse, String source, CellFilter filter) {
        Map<Cell, Means.Summary> cells = new LinkedHashMap<>();
        if (hasColumn(warehouse, source, "observation")) {
            byCell(warehouse, source, filter).forEach((cell, values) -> cells.put(cell, Means.Summary.of(values)));
            return cells;
        }
        warehouse.dsl().select(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS,
                        IndicatorEngine.SEX, IndicatorEngine.AGE, COUNT, SUM, SUM_SQUARES)
                .from(DSL.table(DSL.name(source))).where(IndicatorEngine.where(filter))
                .orderBy(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS, IndicatorEngine.SEX,
                        IndicatorEngine.AGE)
                .forEach(r -> cells.put(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        new Means.Summary(r.value7(), r.value8(), r.value9())));
        return cells;
    }

    static boolean hasColumn(Warehouse warehouse, String table, String column) {
        return warehouse.dsl().fetchExists(DSL.selectOne().from(DSL.table("duckdb_columns()"))
                .where(DSL.field("table_name").eq(table)).and(DSL.field("column_name").eq(column)));
    }

    /** Each cell's age bands: {events[], population[], standard weights[]}. */
    static Map<Cell, double[][]> bandsByCell(Warehouse warehouse, Indicator indicator, CellFilter filter) {
        return IndicatorEngine.fromMartAndGroups(warehouse, indicator, filter,
                (source, f) -> bandsByCell(warehouse, source, IndicatorEngine.where(f)));
    }

    private static Map<Cell, double[][]> bandsByCell(Warehouse warehouse, String source, Condition where) {
        Map<Cell, List<double[]>> lists = new LinkedHashMap<>();
        warehouse.dsl().select(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS,
                        IndicatorEngine.SEX, IndicatorEngine.AGE, EVENTS, POPULATION, WEIGHT)
                .from(DSL.table(DSL.name(source))).where(where)
                .orderBy(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.SEX, BAND)
                .forEach(r -> lists.computeIfAbsent(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        k -> new ArrayList<>()).add(new double[] {r.value7(), r.value8(), r.value9()}));
        Map<Cell, double[][]> cells = new LinkedHashMap<>();
        lists.forEach((cell, bands) -> cells.put(cell, new double[][] {
            bands.stream().mapToDouble(b -> b[0]).toArray(), bands.stream().mapToDouble(b -> b[1]).toArray(),
            bands.stream().mapToDouble(b -> b[2]).toArray()}));
        return cells;
    }
}
