package se.lagesbild.warehouse.disclosure;

import java.util.Map;

/**
 * The thresholds in force (table ref_disclosure_threshold, configuration): a figure built on fewer
 * than {@code patients} patients (proportions' denominators, percentiles, means, survival) or
 * fewer than {@code cases} cases (the count behind a rate or an age-standardised rate) is hidden,
 * and for SVF data a month with fewer than {@code month} treatment starts. No count hidden by
 * these may be recovered from the released values, nor narrowed to an interval of fewer than
 * {@code interval} possible values (5 by default: as little as "fewer than 5" already says; 1 lets
 * secondary suppression prevent exact recovery only, hiding fewer cells).
 */
public record DisclosureRules(int patients, int cases, int month, int interval) {
    /** The threshold for a count of this kind ({@link DisclosurePattern.Quantities#CASES} or patients). */
    int threshold(int kind) {
        return kind == DisclosurePattern.Quantities.CASES ? cases : patients;
    }

    static DisclosureRules of(Map<String, Integer> thresholds) {
        return new DisclosureRules(thresholds.getOrDefault(Disclosure.PRIMARY, 5), thresholds.getOrDefault(Disclosure.CASES, 5),
                thresholds.getOrDefault(Disclosure.MONTH, 10), thresholds.getOrDefault(Disclosure.INTERVAL, 5));
    }
}
