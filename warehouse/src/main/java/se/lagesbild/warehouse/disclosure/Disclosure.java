package se.lagesbild.warehouse.disclosure;

import static se.lagesbild.warehouse.db.Tables.DIM_AGE_GROUP;
import static se.lagesbild.warehouse.db.Tables.MAP_REGION_HEALTHCARE_REGION;
import static se.lagesbild.warehouse.db.Tables.REF_DISCLOSURE_THRESHOLD;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.IndicatorValue;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * Disclosure control before any value leaves the warehouse. Thresholds are configuration (table
 * ref_disclosure_threshold), read when applied:
 * <ul>
 * <li>primary: a value built on fewer than LEAD_TIME_PATIENTS units (default 5) is hidden, and
 *   for SVF data a month with fewer than MONTH_TREATMENT_STARTS (default 10);</li>
 * <li>secondary: where the two sexes make up "both", the regions make up Riket, the regions of a
 *   healthcare region make it up, the healthcare regions make up Riket, or the age groups of one
 *   kind (five-year bands; children and adults) make up all ages, and exactly one part is hidden, it could be recovered by
 *   subtraction from the total, so the smallest other part is hidden too; repeated until no
 *   hidden part can be recovered.</li>
 * </ul>
 * A hidden value keeps nothing but its cell and the reason.
 */
public final class Disclosure {
    public static final String PRIMARY = "LEAD_TIME_PATIENTS";
    public static final String MONTH = "MONTH_TREATMENT_STARTS";
    /** The kinds of age group whose members add up to all ages. */
    private static final java.util.Set<String> PARTITIONS = java.util.Set.of("band", "broad");

    private Disclosure() {
    }

    /** The thresholds in force: rule code → minimum count. */
    public static Map<String, Integer> thresholds(Warehouse warehouse) {
        return warehouse.dsl().selectFrom(REF_DISCLOSURE_THRESHOLD)
                .fetchMap(REF_DISCLOSURE_THRESHOLD.RULE_CODE, REF_DISCLOSURE_THRESHOLD.MIN_COUNT);
    }

    /** The values as they may be released. */
    public static List<ReleasedValue> apply(Warehouse warehouse, Indicator indicator, List<IndicatorValue> values) {
        Map<String, List<String>> healthcareRegions = new HashMap<>();
        warehouse.dsl().selectFrom(MAP_REGION_HEALTHCARE_REGION).forEach(r -> healthcareRegions
                .computeIfAbsent(r.getRegionCode(), k -> new ArrayList<>()).add(r.getHealthcareRegionCode()));
        Map<String, String> ageKinds = warehouse.dsl().selectFrom(DIM_AGE_GROUP).fetchMap(DIM_AGE_GROUP.AGE_GROUP_CODE,
                DIM_AGE_GROUP.AGE_GROUP_KIND);
        return apply(thresholds(warehouse), healthcareRegions, ageKinds, indicator, values);
    }

    static List<ReleasedValue> apply(Map<String, Integer> thresholds, Indicator indicator, List<IndicatorValue> values) {
        return apply(thresholds, Map.of(), Map.of(), indicator, values);
    }

    /**
     * @param healthcareRegions region code → the healthcare regions it is part of (Halland is in
     *                          two), so a hidden region cannot be recovered from its healthcare
     *                          region minus the other regions either
     * @param ageKinds          age group code → its kind: the five-year bands ("band") add up to all
     *                          ages, and so do children and adults ("broad"), so a hidden age group
     *                          cannot be recovered from the total minus the others of its kind
     */
    static List<ReleasedValue> apply(Map<String, Integer> thresholds, Map<String, List<String>> healthcareRegions,
                                     Map<String, String> ageKinds, Indicator indicator, List<IndicatorValue> values) {
        int minimum = thresholds.getOrDefault(PRIMARY, 5);
        int month = thresholds.getOrDefault(MONTH, 10);
        boolean svf = indicator.dataSource().contains("svf-pathways");
        Map<Cell, String> hidden = new LinkedHashMap<>();
        Map<Cell, IndicatorValue> byCell = new HashMap<>();
        for (IndicatorValue v : values) {
            byCell.put(v.cell(), v);
            if (v.denominator() < minimum) {
                hidden.put(v.cell(), "fewer than " + minimum + " (primary suppression)");
            } else if (svf && v.cell().periodCode().matches("\\d{4}-\\d{2}") && v.denominator() < month) {
                hidden.put(v.cell(), "a month with fewer than " + month + " (primary suppression)");
            }
        }
        boolean changed = true;
        while (changed) {
            changed = protect(byCell, hidden, c -> List.of(key(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(),
                    c.ageGroupCode())), c -> c.sexCode() != 3);
            changed |= protect(byCell, hidden, c -> List.of(key(c.periodCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode())),
                    c -> c.geoLevel().equals("region"));
            changed |= protect(byCell, hidden, c -> healthcareRegions.getOrDefault(c.geoCode(), List.of()).stream()
                    .map(h -> key(h, c.periodCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode())).toList(),
                    c -> c.geoLevel().equals("region"));
            changed |= protect(byCell, hidden, c -> List.of(key(c.periodCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode())),
                    c -> c.geoLevel().equals("healthcare_region"));
            changed |= protect(byCell, hidden, c -> List.of(key(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(),
                    ageKinds.get(c.ageGroupCode()))), c -> PARTITIONS.contains(ageKinds.getOrDefault(c.ageGroupCode(), "")));
        }
        List<ReleasedValue> released = new ArrayList<>();
        for (IndicatorValue v : values) {
            String reason = hidden.get(v.cell());
            released.add(reason == null
                    ? new ReleasedValue(v.cell(), v.numerator(), v.denominator(), v.estimate(), v.limits998(), v.comparison(), false, null)
                    : new ReleasedValue(v.cell(), Double.NaN, Double.NaN, Estimate.notAvailable(v.estimate().method()),
                            Estimate.notAvailable(v.estimate().method()), "suppressed", true,
                            reason));
        }
        return released;
    }

    /**
     * Among parts (cells for which {@code isPart} holds) grouped by {@code group}: a group with
     * exactly one hidden part and a released total hides its smallest other part. Returns whether
     * anything more was hidden.
     */
    private static boolean protect(Map<Cell, IndicatorValue> cells, Map<Cell, String> hidden, Function<Cell, List<String>> groups,
                                   java.util.function.Predicate<Cell> isPart) {
        Map<String, List<Cell>> parts = new LinkedHashMap<>();
        for (Cell c : cells.keySet()) {
            if (isPart.test(c)) {
                for (String group : groups.apply(c)) {
                    parts.computeIfAbsent(group, k -> new ArrayList<>()).add(c);
                }
            }
        }
        boolean changed = false;
        for (List<Cell> siblings : parts.values()) {
            long hiddenCount = siblings.stream().filter(hidden::containsKey).count();
            if (hiddenCount == 1 && siblings.size() > 1) {
                Cell next = siblings.stream().filter(c -> !hidden.containsKey(c))
                        .min(Comparator.comparingDouble((Cell c) -> cells.get(c).denominator()).thenComparing(Cell::toString)).orElseThrow();
                hidden.put(next, "would reveal a suppressed cell by subtraction from the total (secondary suppression)");
                changed = true;
            }
        }
        return changed;
    }

    private static String key(Object... parts) {
        return java.util.Arrays.toString(parts);
    }
}
