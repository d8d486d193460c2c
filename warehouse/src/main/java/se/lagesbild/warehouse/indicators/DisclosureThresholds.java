package se.lagesbild.warehouse.indicators;

import static se.lagesbild.warehouse.db.Tables.REF_DISCLOSURE_THRESHOLD;

import java.util.Map;
import java.util.TreeMap;

import se.lagesbild.warehouse.Warehouse;

/**
 * The disclosure thresholds in force (configuration: table {@code ref_disclosure_threshold}), by rule
 * code in code order. The one reader of that table: disclosure control, the notes on exclusions and
 * the keys of kept results all see the same thresholds.
 */
public final class DisclosureThresholds {
    /** The rule for a proportion's denominator, a percentile's observations and survival's patients. */
    public static final String PATIENTS = "LEAD_TIME_PATIENTS";

    private DisclosureThresholds() {
    }

    /** Rule code → minimum count, sorted by rule code (so its text is the same for the same thresholds). */
    public static Map<String, Integer> of(Warehouse warehouse) {
        return new TreeMap<>(warehouse.dsl().selectFrom(REF_DISCLOSURE_THRESHOLD)
                .fetchMap(REF_DISCLOSURE_THRESHOLD.RULE_CODE, REF_DISCLOSURE_THRESHOLD.MIN_COUNT));
    }
}
