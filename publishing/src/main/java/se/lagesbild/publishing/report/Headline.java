package se.lagesbild.publishing.report;

import java.util.List;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * The cell an indicator is reported by in the yearly follow-up: Riket, both sexes, the widest
 * diagnosis (ALL, else all malignant tumours, else the first) and age group (ALL, else adults,
 * else children) it has, in the year, or the first half-year when it is measured by half-years
 * (PREM), both in the baseline and the follow-up.
 */
public record Headline(Indicator indicator, String baselinePeriod, String followUpPeriod, String diagnosis, String ageGroup) implements java.io.Serializable {
    private static final List<String> DIAGNOSES = List.of("ALL", "MALIGNANT");
    private static final List<String> AGES = List.of("ALL", "18+", "0-17");

    /** The headline of {@code indicator} for {@code year} against {@code baseline}, or null when it has no released value in both. */
    static Headline of(Warehouse warehouse, Indicator indicator, int year, int baseline) {
        for (String suffix : List.of("", "H1")) {
            String b = baseline + suffix;
            String y = year + suffix;
            List<Cell> before = cells(warehouse, indicator, b);
            List<Cell> after = cells(warehouse, indicator, y);
            for (Cell cell : after) {
                if (before.contains(cell.inPeriod(b))) {
                    return new Headline(indicator, b, y, cell.diagnosisCode(), cell.ageGroupCode());
                }
            }
        }
        return null;
    }

    /** Why an indicator has no headline: its values for Riket are hidden for confidentiality, or there are none in a year. */
    public enum Missing {
        /** Riket's values exist in both years but are hidden (in one year at least) for confidentiality. */
        HIDDEN,
        /** No value for Riket in the baseline year, the follow-up year or both (its source is not loaded for them), or none computed. */
        NO_VALUES
    }

    /** Why {@code indicator} has no headline ({@link #of} returned null). */
    static Missing missing(Warehouse warehouse, Indicator indicator, int year, int baseline) {
        for (String suffix : List.of("", "H1")) {
            List<ReleasedValue> before = all(warehouse, indicator, baseline + suffix);
            List<ReleasedValue> after = all(warehouse, indicator, year + suffix);
            if (!before.isEmpty() && !after.isEmpty()
                    && java.util.stream.Stream.concat(before.stream(), after.stream()).anyMatch(ReleasedValue::suppressed)) {
                return Missing.HIDDEN;
            }
        }
        return Missing.NO_VALUES;
    }

    private static List<ReleasedValue> all(Warehouse warehouse, Indicator indicator, String period) {
        return Released.values(warehouse, indicator.code(), CellFilter.all().periods(period).geo("00").sexes(3), Confidence.NINETY_FIVE);
    }

    /** Riket's released cells for both sexes in {@code period}, widest first. */
    private static List<Cell> cells(Warehouse warehouse, Indicator indicator, String period) {
        return all(warehouse, indicator, period).stream().filter(v -> !v.suppressed()).map(ReleasedValue::cell)
                .sorted(java.util.Comparator.comparingInt((Cell c) -> rank(DIAGNOSES, c.diagnosisCode()))
                        .thenComparingInt(c -> rank(AGES, c.ageGroupCode())).thenComparing(Cell::diagnosisCode)
                        .thenComparing(Cell::ageGroupCode))
                .toList();
    }

    private static int rank(List<String> preferred, String code) {
        int i = preferred.indexOf(code);
        return i < 0 ? preferred.size() : i;
    }

    /** The filter for this headline cell at {@code period}, for Riket or every region too. */
    CellFilter filter(boolean regions) {
        CellFilter f = CellFilter.all().diagnoses(diagnosis).ageGroups(ageGroup).sexes(3);
        return regions ? f.level(null) : f.geo("00");
    }

    /** Whether the method has the comparisons (proportions, rates, standardised rates). */
    boolean comparable() {
        return se.lagesbild.warehouse.indicators.ComparableMethods.comparable(indicator);
    }
}
