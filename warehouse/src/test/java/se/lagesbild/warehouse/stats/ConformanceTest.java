package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.warehouse.stats.ConformanceCases.assertClose;
import static se.lagesbild.warehouse.stats.ConformanceCases.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every numeric conformance case in shared/conformance/stats/ (PHEindicatormethods 2.1.0 test
 * data, UKHSA; expected values recomputed from textbook formulas) to the README's tolerances.
 */
class ConformanceTest {
    @Test
    void wilsonScoreIntervals() {
        List<Map<String, String>> cases = ConformanceCases.read("phe_wilson_proportion.csv");
        assertEquals(58, cases.size());
        for (Map<String, String> c : cases) {
            Estimate e = Proportions.wilson(number(c, "x"), number(c, "n"), new Confidence(number(c, "confidence")), number(c, "multiplier"));
            String id = c.get("case_id");
            if (!c.get("value").isEmpty()) {
                assertClose(number(c, "value"), e.value(), id + " value");
            }
            assertClose(number(c, "lower"), e.lower(), id + " lower");
            assertClose(number(c, "upper"), e.upper(), id + " upper");
        }
    }

    @Test
    void byarsLimitsForCounts() {
        List<Map<String, String>> cases = ConformanceCases.read("phe_byars_count.csv");
        assertEquals(7, cases.size());
        for (Map<String, String> c : cases) {
            Estimate e = PoissonCounts.byars(number(c, "x"), new Confidence(number(c, "confidence")));
            assertClose(number(c, "lower"), e.lower(), c.get("case_id") + " lower");
            assertClose(number(c, "upper"), e.upper(), c.get("case_id") + " upper");
        }
    }

    @Test
    void crudeRatesExactBelowTenByarsFromTen() {
        List<Map<String, String>> cases = ConformanceCases.read("phe_crude_rate.csv");
        assertEquals(52, cases.size());
        for (Map<String, String> c : cases) {
            Estimate e = PoissonCounts.crudeRate(number(c, "x"), number(c, "n"), number(c, "multiplier"), new Confidence(number(c, "confidence")));
            String id = c.get("case_id");
            assertClose(number(c, "value"), e.value(), id + " value");
            assertClose(number(c, "lower"), e.lower(), id + " lower");
            assertClose(number(c, "upper"), e.upper(), id + " upper");
            if (!c.get("value").isEmpty()) {
                assertEquals(c.get("method").equals("Exact") ? "exact Poisson" : "Byar's", e.method(), id);
            }
        }
    }

    @Test
    void directlyStandardisedRatesWithDobsonIntervals() {
        Map<String, List<Map<String, String>>> inputs = ConformanceCases.read("phe_dsr_inputs.csv").stream()
                .collect(Collectors.groupingBy(r -> r.get("case_id")));
        List<Map<String, String>> expected = ConformanceCases.read("phe_dsr_expected.csv");
        assertEquals(14, expected.size());
        for (Map<String, String> c : expected) {
            List<Map<String, String>> bands = new ArrayList<>(inputs.get(c.get("case_id")));
            bands.sort((a, b) -> Integer.compare(Integer.parseInt(a.get("band_index")), Integer.parseInt(b.get("band_index"))));
            double[] events = bands.stream().mapToDouble(b -> number(b, "count")).toArray();
            double[] population = bands.stream().mapToDouble(b -> number(b, "pop")).toArray();
            double[] weights = bands.stream().mapToDouble(b -> number(b, "stdpop")).toArray();
            Estimate e = StandardisedRates.dobson(events, population, weights, number(c, "multiplier"), new Confidence(number(c, "confidence")));
            String id = c.get("case_id") + " " + c.get("multiplier") + " " + c.get("confidence");
            assertClose(number(c, "value"), e.value(), id + " value");
            assertClose(number(c, "lower"), e.lower(), id + " lower");
            assertClose(number(c, "upper"), e.upper(), id + " upper");
        }
    }

    @Test
    void meansWithStudentTIntervals() {
        List<Map<String, String>> inputs = ConformanceCases.read("phe_mean_inputs.csv");
        Map<String, double[]> values = new java.util.HashMap<>(inputs.stream().collect(Collectors.groupingBy(r -> r.get("group"),
                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().mapToDouble(r -> number(r, "x")).toArray()))));
        values.put("ALL", inputs.stream().mapToDouble(r -> number(r, "x")).toArray()); // every value together
        List<Map<String, String>> expected = ConformanceCases.read("phe_mean_expected.csv");
        assertEquals(6, expected.size());
        for (Map<String, String> c : expected) {
            Estimate e = Means.studentT(values.get(c.get("group")), new Confidence(number(c, "confidence")));
            String id = c.get("group") + " " + c.get("confidence");
            assertClose(number(c, "value"), e.value(), id + " value");
            assertClose(number(c, "lower"), e.lower(), id + " lower");
            assertClose(number(c, "upper"), e.upper(), id + " upper");
        }
    }

    @Test
    void funnelLimitsForProportionsInPercent() {
        List<Map<String, String>> cases = ConformanceCases.read("phe_funnel_proportion_limits.csv");
        assertEquals(200, cases.size());
        for (Map<String, String> c : cases) {
            double target = number(c, "baseline") / 100;
            double n = number(c, "population");
            double multiplier = number(c, "multiplier");
            Estimate inner = Funnels.limits(target, n, Confidence.NINETY_FIVE, multiplier);
            Estimate outer = Funnels.limits(target, n, Confidence.NINETY_NINE_POINT_EIGHT, multiplier);
            String id = c.get("dataset") + " n=" + c.get("population");
            assertEquals(number(c, "lower_95"), inner.lower(), 1e-6, id + " lower 95");
            assertEquals(number(c, "upper_95"), inner.upper(), 1e-6, id + " upper 95");
            assertEquals(number(c, "lower_998"), outer.lower(), 1e-6, id + " lower 99.8");
            assertEquals(number(c, "upper_998"), outer.upper(), 1e-6, id + " upper 99.8");
        }
    }

    @Test
    void funnelSignificanceAgainstThePooledTarget() {
        List<Map<String, String>> areas = ConformanceCases.read("phe_funnel_proportion_inputs.csv");
        assertEquals(303, areas.size());
        double target = areas.stream().mapToDouble(a -> number(a, "numerator")).sum() / areas.stream().mapToDouble(a -> number(a, "denominator")).sum();
        for (Map<String, String> a : areas) {
            assertEquals(a.get("significance"), Funnels.position(number(a, "numerator"), number(a, "denominator"), target).label(), a.get("area"));
        }
    }
}
