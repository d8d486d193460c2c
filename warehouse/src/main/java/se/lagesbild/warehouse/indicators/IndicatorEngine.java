package se.lagesbild.warehouse.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.PoissonCounts;
import se.lagesbild.warehouse.stats.Proportions;

/**
 * Turns an indicator's mart into values with intervals and comparisons with the benchmark. Any
 * mart that follows the common contract for its method works, so a new indicator needs a view and
 * a catalogue row, no Java. The mart is reached by the name in the catalogue, through jOOQ's
 * typed DSL. Methods: proportion (Wilson), rate (exact Poisson / Byar's), percentile (order
 * statistic; the mart lists observations), dsr (Dobson; the mart lists age bands), mean (Student's
 * t; the mart lists observations, or gives count, sum and sum of squares per cell). Every value
 * carries its 99.8 % limits beside the interval asked for.
 */
public final class IndicatorEngine {
    static final Field<String> PERIOD = DSL.field(DSL.name("period_code"), String.class);
    static final Field<String> LEVEL = DSL.field(DSL.name("geo_level"), String.class);
    static final Field<String> GEO = DSL.field(DSL.name("geo_code"), String.class);
    static final Field<String> DIAGNOSIS = DSL.field(DSL.name("diagnosis_code"), String.class);
    static final Field<Integer> SEX = DSL.field(DSL.name("sex_code"), Integer.class);
    static final Field<String> AGE = DSL.field(DSL.name("age_group_code"), String.class);
    static final Field<Double> NUMERATOR = DSL.field(DSL.name("numerator"), Double.class);
    static final Field<Double> DENOMINATOR = DSL.field(DSL.name("denominator"), Double.class);

    private IndicatorEngine() {
    }

    /** The values of {@code code} in the cells {@code filter} selects, each compared with Riket. */
    public static List<IndicatorValue> values(Warehouse warehouse, String code, CellFilter filter, Confidence confidence) {
        return values(warehouse, code, filter, confidence, RIKET);
    }

    /** Riket's geography code, the default benchmark. */
    public static final String RIKET = "00";

    /**
     * The values of {@code code} in the cells {@code filter} selects, each compared with the same
     * cell of the geography {@code benchmark} (Riket "00", a region such as "01", or a healthcare
     * region such as "NORR").
     */
    public static List<IndicatorValue> values(Warehouse warehouse, String code, CellFilter filter, Confidence confidence, String benchmark) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        String level = levelOf(benchmark);
        Map<Cell, IndicatorValue> measured = measure(warehouse, indicator, filter, confidence);
        // the benchmark's cells are among those measured when the filter asks for its geography: measured once
        boolean among = (filter.geoLevel() == null || filter.geoLevel().equals(level)) && (filter.geoCodes().isEmpty() || filter.geoCodes().contains(benchmark));
        Map<Cell, IndicatorValue> reference = among ? measured : measure(warehouse, indicator, filter.level(level).geo(benchmark), confidence);
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorValue v : measured.values()) {
            IndicatorValue b = reference.get(v.cell().withGeo(level, benchmark));
            values.add(new IndicatorValue(v.cell(), v.numerator(), v.denominator(), v.estimate(), v.limits998(),
                    v.cell().geoCode().equals(benchmark) ? "benchmark"
                            : compare(indicator, v.cell(), v.estimate(), b == null ? null : b.estimate())));
        }
        values.sort(java.util.Comparator.comparing(IndicatorValue::cell, Cell.ORDER));
        return values;
    }

    /** The geography level of a code: Riket (00), a region (two digits) or a healthcare region. */
    static String levelOf(String geoCode) {
        return geoCode.equals(RIKET) ? "country" : geoCode.matches("\\d{2}") ? "region" : "healthcare_region";
    }

    /**
     * Each cell's numerator, denominator and estimate by the indicator's method, with the 99.8 %
     * limits beside the interval at {@code confidence} (comparison not yet set).
     */
    static Map<Cell, IndicatorValue> measure(Warehouse warehouse, Indicator indicator, CellFilter filter, Confidence confidence) {
        CellData data = CellData.load(warehouse, indicator, filter, confidence);
        Map<Cell, IndicatorValue> measured = new LinkedHashMap<>();
        for (Cell cell : data.cells()) {
            double[] totals = data.totals(cell);
            measured.put(cell, new IndicatorValue(cell, totals[0], totals[1], data.estimate(cell),
                    data.estimate(cell, Confidence.NINETY_NINE_POINT_EIGHT), null));
        }
        return measured;
    }

    /** Numerator and denominator per cell, from the indicator's mart. */
    static Map<Cell, double[]> counts(Warehouse warehouse, Indicator indicator, CellFilter filter) {
        return fromMartAndGroups(warehouse, indicator, filter, (source, f) -> read(warehouse, source, f));
    }

    /**
     * What {@code reader} reads for the filter's cells: the age groups from the indicator's mart (or
     * its refreshed table), the population groups (education, country of birth, income) from its
     * groups view, into one map.
     *
     * @throws WarehouseException when population groups are asked of an indicator whose sources carry none
     */
    static <T> Map<Cell, T> fromMartAndGroups(Warehouse warehouse, Indicator indicator, CellFilter filter,
                                              java.util.function.BiFunction<String, CellFilter, Map<Cell, T>> reader) {
        List<String> groups = filter.ageGroups().stream().filter(EquityGroups::isGroup).toList();
        List<String> ages = filter.ageGroups().stream().filter(a -> !EquityGroups.isGroup(a)).toList();
        Map<Cell, T> cells = new LinkedHashMap<>();
        if (groups.isEmpty() || !ages.isEmpty()) {
            cells.putAll(reader.apply(Marts.source(warehouse, indicator.martView()), filter.ageGroups(ages.toArray(String[]::new))));
        }
        if (!groups.isEmpty()) {
            if (!EquityGroups.available(warehouse, indicator)) {
                throw new WarehouseException("The indicator " + indicator.code() + " has no values by population group: its source ("
                        + indicator.dataSource() + ") carries no education, country of birth or income.");
            }
            cells.putAll(reader.apply(EquityGroups.view(indicator), filter.ageGroups(groups.toArray(String[]::new))));
        }
        return cells;
    }

    /**
     * What {@code reader} reads for every cell of the filter, for disclosure control: the mart's (or
     * its refreshed table's) cells, then, when the indicator's sources carry population groups, every
     * cell of its groups view as well.
     */
    static <T> Map<Cell, T> everyCell(Warehouse warehouse, Indicator indicator, CellFilter filter,
                                      java.util.function.BiFunction<String, CellFilter, Map<Cell, T>> reader) {
        Map<Cell, T> cells = new LinkedHashMap<>(reader.apply(Marts.source(warehouse, indicator.martView()), filter));
        if (EquityGroups.available(warehouse, indicator)) {
            cells.putAll(reader.apply(EquityGroups.view(indicator), filter));
        }
        return cells;
    }

    /** Numerator and denominator per cell of {@code source} (a mart, its refreshed table, or its groups view). */
    static Map<Cell, double[]> read(Warehouse warehouse, String source, CellFilter filter) {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        Table<?> mart = DSL.table(DSL.name(source));
        warehouse.dsl().select(PERIOD, LEVEL, GEO, DIAGNOSIS, SEX, AGE, NUMERATOR, DENOMINATOR).from(mart).where(where(filter))
                .orderBy(PERIOD, LEVEL, GEO, DIAGNOSIS, SEX, AGE)
                .forEach(r -> counts.put(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        new double[] {r.value7(), r.value8()}));
        return counts;
    }

    /** The filter as a condition on the common columns. */
    static Condition where(CellFilter filter) {
        Condition where = DSL.noCondition();
        if (!filter.periods().isEmpty()) {
            where = where.and(PERIOD.in(filter.periods()));
        }
        if (filter.geoLevel() != null) {
            where = where.and(LEVEL.eq(filter.geoLevel()));
        }
        if (!filter.geoCodes().isEmpty()) {
            where = where.and(GEO.in(filter.geoCodes()));
        }
        if (!filter.diagnoses().isEmpty()) {
            where = where.and(DIAGNOSIS.in(filter.diagnoses()));
        }
        if (!filter.sexes().isEmpty()) {
            where = where.and(SEX.in(filter.sexes()));
        }
        if (!filter.ageGroups().isEmpty()) {
            where = where.and(AGE.in(filter.ageGroups()));
        }
        return where;
    }

    /** The estimate the indicator's method gives for a numerator and denominator. */
    static Estimate estimate(Indicator indicator, double numerator, double denominator, Confidence confidence) {
        if (indicator.method().equals("proportion") && numerator > denominator && denominator > 0) {
            // two registers can disagree (e.g. more SVF treatment starts than registered new cases):
            // the ratio is shown, but a proportion's interval does not exist
            return new Estimate(numerator / denominator, Double.NaN, Double.NaN, "ratio above 1 (no Wilson interval)");
        }
        return switch (indicator.method()) {
            case "proportion" -> Proportions.wilson(numerator, denominator, confidence);
            case "rate" -> PoissonCounts.crudeRate(numerator, denominator, indicator.methodParam() == null ? 100_000 : indicator.methodParam(),
                    confidence);
            default -> throw new WarehouseException("The indicator " + indicator.code() + " uses the method " + indicator.method()
                    + ", which its mart cannot give as numerator and denominator.");
        };
    }

    /**
     * Better / similar / worse than the benchmark: significantly different when the benchmark's
     * value lies outside the cell's confidence interval (as OHID Fingertips compares with a
     * benchmark), better or worse by the indicator's direction; higher / lower for indicators
     * without one; "not compared" when either value is missing.
     */
    static String compare(Indicator indicator, Cell cell, Estimate estimate, Estimate benchmark) {
        if (benchmark == null || !estimate.available()) {
            return "not compared";
        }
        double reference = benchmark.value();
        if (Double.isNaN(reference) || (reference >= estimate.lower() && reference <= estimate.upper())) {
            return "similar";
        }
        boolean higher = reference < estimate.lower();
        if (indicator.direction().equals("neither")) {
            return higher ? "higher" : "lower";
        }
        return higher == indicator.higherIsBetter() ? "better" : "worse";
    }
}
