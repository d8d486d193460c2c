package se.lagesbild.warehouse.disclosure;

import static se.lagesbild.warehouse.db.Tables.REF_DISCLOSURE_THRESHOLD;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.DisclosureThresholds;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.IndicatorValue;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * Disclosure control before any value leaves the warehouse. Thresholds are configuration (table
 * ref_disclosure_threshold), one per kind of figure: patients (a proportion's denominator, a
 * percentile's or mean's observations, survival's patients; default 5), cases (the count behind a
 * rate or an age-standardised rate; default 5), and for SVF data a month with fewer than 10
 * treatment starts.
 *
 * <p>Which cells are hidden is decided once per disclosure family and calendar year over every
 * hierarchy at once ({@link DisclosurePattern}: geography with Halland's split, sex, age, months to
 * years, diagnoses; primary suppression by the thresholds, then secondary suppression by least
 * cost, {@link Suppression}), so every table, whatever it asks for, hides the same cells, and no
 * released figure recovers or narrows a hidden one ({@link Audit} checks it). A hidden value keeps
 * nothing but its cell and the reason; a released value that cannot be computed says why.
 */
public final class Disclosure {
    /** The patients threshold (its code predates the other kinds). */
    public static final String PRIMARY = DisclosureThresholds.PATIENTS;
    public static final String CASES = "CASES";
    public static final String MONTH = "MONTH_TREATMENT_STARTS";
    /** The fewest possible values a hidden count's interval may be narrowed to. */
    public static final String INTERVAL = "PROTECTION_INTERVAL";
    /**
     * The one reason every consumer (API, exports, report) is given for a cell hidden for confidentiality,
     * whichever rule hid it: a reason that told a threshold ("fewer than 5") from a complement would tell an
     * attacker that a count is small (Riket's children by sex: 8 released, both blanks "fewer than 5": 4 and 4).
     * Which rule hid a cell stays inside the warehouse ({@link #reason}, the audit).
     */
    public static final String CONFIDENTIAL = "hidden for confidentiality";
    /** How complementary cells are chosen, as /config and the manifest state it. */
    public static final String SECONDARY_METHOD = "least-cost secondary suppression over every hierarchy (τ-ARGUS modular/hypercube"
            + " family), protected against interval propagation everywhere and against the attacker's linear programme in every"
            + " group of up to " + Suppression.LP_LIMIT + " linked relations; complements that protect nothing released again, and in"
            + " tables of up to " + ComplementExchange.CELL_LIMIT + " cells each exchanged for others where that hides fewer and costs no more";

    private Disclosure() {
    }

    /** The thresholds in force: rule code → minimum count, in code order (kept results' keys write them as text). */
    public static Map<String, Integer> thresholds(Warehouse warehouse) {
        return DisclosureThresholds.of(warehouse);
    }

    /** The thresholds with what each applies to and says, for /config and the manifest. */
    public static List<Map<String, Object>> rules(Warehouse warehouse) {
        List<Map<String, Object>> rules = new ArrayList<>();
        warehouse.dsl().selectFrom(REF_DISCLOSURE_THRESHOLD).orderBy(REF_DISCLOSURE_THRESHOLD.RULE_CODE).forEach(r -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", r.getRuleCode());
            rule.put("applies_to", r.getAppliesTo());
            rule.put("min_count", r.getMinCount());
            rule.put("description_sv", r.getDescriptionSv());
            rule.put("description_en", r.getDescriptionEn());
            rules.add(rule);
        });
        return rules;
    }

    /** The values as they may be released: hidden where the family's pattern of the cell's year says so. */
    public static List<ReleasedValue> apply(Warehouse warehouse, Indicator indicator, List<IndicatorValue> values) {
        return apply(warehouse, indicator, values, new HashMap<>());
    }

    /** The same, keeping the patterns it used in {@code patterns} (year → pattern) for the caller. */
    static List<ReleasedValue> apply(Warehouse warehouse, Indicator indicator, List<IndicatorValue> values,
                                     Map<Integer, DisclosurePattern> patterns) {
        List<ReleasedValue> released = new ArrayList<>(values.size());
        for (IndicatorValue v : values) {
            DisclosurePattern pattern = patterns.computeIfAbsent(year(v.cell()), y -> Patterns.of(warehouse, indicator, y));
            released.add(release(indicator, v, pattern.reason(v.cell())));
        }
        return released;
    }

    /**
     * The values of the cells {@code filter} takes as they may be released ({@link #apply}), with every
     * combination of the indicator's codes in each year asked for ({@link Axes}) that has no data added
     * as a hidden cell, alike in everything to one hidden for confidentiality: a table that left empty
     * cells out would tell that each listed hidden cell holds at least one patient.
     */
    static List<ReleasedValue> apply(Warehouse warehouse, Indicator indicator, CellFilter filter, List<IndicatorValue> values,
                                     Map<Integer, DisclosurePattern> patterns) {
        List<ReleasedValue> released = apply(warehouse, indicator, values, patterns);
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>(patterns.keySet());
        filter.periods().forEach(p -> years.add(year(p)));
        java.util.Set<Cell> listed = new java.util.HashSet<>();
        released.forEach(v -> listed.add(v.cell()));
        List<ReleasedValue> empty = new ArrayList<>();
        String method = hiddenMethod(indicator);
        for (int y : years) {
            Axes axes = patterns.computeIfAbsent(y, x -> Patterns.of(warehouse, indicator, x)).axes().get(indicator.code());
            if (axes != null) {
                axes.cells(filter).stream().filter(c -> !listed.contains(c)).forEach(c -> empty.add(ReleasedValue.hidden(c, method)));
            }
        }
        if (empty.isEmpty()) {
            return released;
        }
        List<ReleasedValue> all = new ArrayList<>(released.size() + empty.size());
        all.addAll(released);
        all.addAll(empty);
        all.sort(java.util.Comparator.comparing(ReleasedValue::cell, Cell.ORDER));
        return all;
    }

    /** The calendar year a cell's period lies in. */
    static int year(Cell cell) {
        return year(cell.periodCode());
    }

    /** The calendar year a period code ("2026", "2026H1", "2026Q3", "2026-05") lies in. */
    static int year(String periodCode) {
        return Integer.parseInt(periodCode.substring(0, 4));
    }

    /**
     * One value hidden (non-null {@code reason}: the rule that hid it, kept inside; the value carries
     * {@link #CONFIDENTIAL}), or released (null reason) with why it has no value or interval where it has none.
     */
    static ReleasedValue release(Indicator indicator, IndicatorValue v, String reason) {
        if (reason != null) {
            return ReleasedValue.hidden(v.cell(), hiddenMethod(indicator));
        }
        return new ReleasedValue(v.cell(), v.numerator(), v.denominator(), v.estimate(), v.limits998(), v.comparison(), false,
                notComputed(indicator, v));
    }

    /**
     * The method every hidden cell of {@code indicator} names, one per indicator whatever the cell held:
     * a cell's own would tell of its count (a rate's limits are exact Poisson below 10 cases and Byar's
     * from 10, a proportion above 1 has no Wilson interval, a survival note tells who was at risk when).
     */
    static String hiddenMethod(Indicator indicator) {
        String survival = se.lagesbild.warehouse.indicators.SurvivalCells.methodName(indicator.method());
        if (survival != null) {
            return survival;
        }
        return switch (indicator.method()) {
            case "proportion" -> "Wilson score";
            case "rate" -> "crude rate";
            case "dsr" -> "Dobson";
            case "percentile" -> "order statistic";
            case "mean" -> "Student's t";
            default -> indicator.method();
        };
    }

    /** Why a released cell carries no value or no interval; null when it has both. */
    static String notComputed(Indicator indicator, IndicatorValue v) {
        Estimate e = v.estimate();
        boolean survival = indicator.method().endsWith("_survival");
        if (!e.available()) {
            if (survival) {
                return "not computed: " + e.method();
            }
            return indicator.method().equals("dsr")
                    ? "not computed: an age-standardised rate needs at least 10 cases (PHE's rule); this cell has "
                            + Math.round(v.numerator())
                    : "not computed: no observations";
        }
        if (Double.isNaN(e.lower())) {
            if (survival) {
                return "no interval: survival " + (e.value() == 0 ? "is 0 (everyone in the window died)" : "has no standard error");
            }
            return v.numerator() > v.denominator() && indicator.method().equals("proportion")
                    ? "no interval: the numerator exceeds the denominator (the two registers disagree)"
                    : "no interval: too few observations";
        }
        return null;
    }

    /**
     * Whether {@code cell} of {@code indicator} is hidden, and by which rule (null: released, or a cell
     * without data, which is listed as hidden): for the warehouse's own users, never published.
     */
    public static String reason(Warehouse warehouse, Indicator indicator, Cell cell) {
        return Patterns.of(warehouse, indicator, year(cell)).reason(cell);
    }
}
