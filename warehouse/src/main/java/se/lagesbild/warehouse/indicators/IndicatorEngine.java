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
 * mart that follows the common contract works, so a new indicator needs a view and a catalogue
 * row, no Java. The mart is reached by the name in the catalogue, through jOOQ's typed DSL.
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
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Map<Cell, double[]> counts = counts(warehouse, indicator, filter);
        Map<Cell, double[]> national = counts(warehouse, indicator, filter.level("country").geo("00"));
        List<IndicatorValue> values = new ArrayList<>();
        for (var cell : counts.entrySet()) {
            Estimate estimate = estimate(indicator, cell.getValue()[0], cell.getValue()[1], confidence);
            double[] benchmark = national.get(cell.getKey().national());
            values.add(new IndicatorValue(cell.getKey(), cell.getValue()[0], cell.getValue()[1], estimate,
                    compare(indicator, cell.getKey(), estimate, benchmark, confidence)));
        }
        return values;
    }

    /** Numerator and denominator per cell, from the indicator's mart. */
    static Map<Cell, double[]> counts(Warehouse warehouse, Indicator indicator, CellFilter filter) {
        Table<?> mart = DSL.table(DSL.name(indicator.martView()));
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
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        warehouse.dsl().select(PERIOD, LEVEL, GEO, DIAGNOSIS, SEX, AGE, NUMERATOR, DENOMINATOR).from(mart).where(where)
                .orderBy(PERIOD, LEVEL, GEO, DIAGNOSIS, SEX, AGE)
                .forEach(r -> counts.put(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        new double[] {r.value7(), r.value8()}));
        return counts;
    }

    /** The estimate the indicator's method gives for a numerator and denominator. */
    static Estimate estimate(Indicator indicator, double numerator, double denominator, Confidence confidence) {
        return switch (indicator.method()) {
            case "proportion" -> Proportions.wilson(numerator, denominator, confidence);
            case "rate" -> PoissonCounts.crudeRate(numerator, denominator, indicator.methodParam() == null ? 100_000 : indicator.methodParam(),
                    confidence);
            default -> throw new WarehouseException("The indicator " + indicator.code() + " uses the method " + indicator.method()
                    + ", which its mart cannot give as numerator and denominator.");
        };
    }

    /**
     * Better / similar / worse than Riket: significantly different when Riket's value lies outside
     * the cell's confidence interval (as OHID Fingertips compares with a benchmark), better or worse
     * by the indicator's direction; higher / lower for indicators without one.
     */
    static String compare(Indicator indicator, Cell cell, Estimate estimate, double[] benchmark, Confidence confidence) {
        if (cell.geoLevel().equals("country")) {
            return "benchmark";
        }
        if (benchmark == null || !estimate.available()) {
            return "not compared";
        }
        double reference = estimate(indicator, benchmark[0], benchmark[1], confidence).value();
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
