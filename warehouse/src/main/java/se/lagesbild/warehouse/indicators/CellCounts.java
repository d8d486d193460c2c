package se.lagesbild.warehouse.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;

/**
 * The additive counts behind an indicator's cells, as disclosure control needs them: what a
 * released cell publishes that adds up along the hierarchies, and which of them is the count the
 * thresholds apply to. By method:
 * <ul>
 * <li>proportion: numerator and denominator (patients); the threshold applies to the denominator;</li>
 * <li>rate and dsr: the count of events (cases, deaths); the population is public;</li>
 * <li>percentile and mean: the number of observations (patients);</li>
 * <li>survival: the patients in the period's window.</li>
 * </ul>
 * Read straight from the marts with SQL (the observation marts counted with their sex and
 * diagnosis roll-ups), so a whole year of cells costs one query.
 *
 * @param names      the counts' names, in the order of each cell's array
 * @param sensitive  the index of the count the thresholds apply to
 * @param kind       {@code patients} or {@code cases}: which threshold applies
 */
public record CellCounts(Indicator indicator, List<String> names, int sensitive, String kind, Map<Cell, double[]> byCell) {
    private static final Field<Double> OBSERVATION = DSL.field(DSL.name("observation"), Double.class);
    private static final Field<Double> COUNT = DSL.field(DSL.name("observation_count"), Double.class);
    private static final Field<Double> EVENTS = DSL.field(DSL.name("events"), Double.class);

    /** The counts of {@code indicator} in every cell of {@code periods}. */
    public static CellCounts of(Warehouse warehouse, Indicator indicator, List<String> periods) {
        CellFilter filter = CellFilter.all().periods(periods.toArray(String[]::new));
        return switch (indicator.method()) {
            case "proportion" -> new CellCounts(indicator, List.of("numerator", "denominator"), 1, "patients",
                    IndicatorEngine.everyCell(warehouse, indicator, filter, (source, f) -> IndicatorEngine.read(warehouse, source, f)));
            case "rate" -> new CellCounts(indicator, List.of("cases"), 0, "cases",
                    first(IndicatorEngine.everyCell(warehouse, indicator, filter, (source, f) -> IndicatorEngine.read(warehouse, source, f))));
            case "dsr" -> new CellCounts(indicator, List.of("cases"), 0, "cases",
                    IndicatorEngine.everyCell(warehouse, indicator, filter, (source, f) -> events(warehouse, source, f)));
            case "net_survival", "observed_survival" -> new CellCounts(indicator, List.of("patients"), 0, "patients",
                    survivalPatients(warehouse, indicator, filter));
            default -> new CellCounts(indicator, List.of("patients"), 0, "patients",
                    IndicatorEngine.everyCell(warehouse, indicator, filter, (source, f) -> observations(warehouse, source, f)));
        };
    }

    /** The patients behind each survival cell (computed with the cells, {@link SurvivalCells}). */
    private static Map<Cell, double[]> survivalPatients(Warehouse warehouse, Indicator indicator, CellFilter filter) {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        SurvivalCells.of(warehouse, indicator, filter, se.lagesbild.warehouse.stats.Confidence.NINETY_FIVE, true)
                .forEach((cell, v) -> counts.put(cell, new double[] {v.patients()}));
        return counts;
    }


    private static Map<Cell, double[]> first(Map<Cell, double[]> counts) {
        Map<Cell, double[]> numerators = new LinkedHashMap<>();
        counts.forEach((cell, c) -> numerators.put(cell, new double[] {c[0]}));
        return numerators;
    }

    private static Map<Cell, double[]> events(Warehouse warehouse, String source, CellFilter filter) {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        warehouse.dsl().select(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS,
                        IndicatorEngine.SEX, IndicatorEngine.AGE, DSL.sum(EVENTS).cast(Double.class))
                .from(DSL.table(DSL.name(source))).where(IndicatorEngine.where(filter))
                .groupBy(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS, IndicatorEngine.SEX,
                        IndicatorEngine.AGE)
                .forEach(r -> counts.put(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        new double[] {r.value7()}));
        return counts;
    }

    /**
     * Observations per cell. An observation mart holds single sexes and diagnoses: both sexes (3) and
     * all diagnoses (ALL) are its grouping sets, as {@link Observations#byCell} pools them. A mean
     * mart with per-cell sums gives its observation_count.
     */
    private static Map<Cell, double[]> observations(Warehouse warehouse, String source, CellFilter filter) {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        var dsl = warehouse.dsl();
        if (!Observations.hasColumn(warehouse, source, "observation")) {
            dsl.select(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS, IndicatorEngine.SEX,
                            IndicatorEngine.AGE, COUNT)
                    .from(DSL.table(DSL.name(source))).where(IndicatorEngine.where(filter))
                    .forEach(r -> counts.put(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                            new double[] {r.value7()}));
            return counts;
        }
        Field<String> diagnosis = DSL.coalesce(IndicatorEngine.DIAGNOSIS, DSL.inline("ALL"));
        Field<Integer> sex = DSL.coalesce(IndicatorEngine.SEX, DSL.inline(3));
        dsl.select(IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, diagnosis, sex, IndicatorEngine.AGE,
                        DSL.count(OBSERVATION))
                .from(DSL.table(DSL.name(source))).where(IndicatorEngine.where(filter))
                .groupBy(DSL.groupingSets(
                        new Field<?>[] {IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS,
                            IndicatorEngine.SEX, IndicatorEngine.AGE},
                        new Field<?>[] {IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.DIAGNOSIS,
                            IndicatorEngine.AGE},
                        new Field<?>[] {IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.SEX,
                            IndicatorEngine.AGE},
                        new Field<?>[] {IndicatorEngine.PERIOD, IndicatorEngine.LEVEL, IndicatorEngine.GEO, IndicatorEngine.AGE}))
                .forEach(r -> counts.put(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        new double[] {r.value7()}));
        return counts;
    }
}
