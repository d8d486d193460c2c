package se.lagesbild.warehouse.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.IndicatorValue;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Proportions;

/** Primary and secondary suppression, with the default thresholds (5 patients; 10 starts a month). */
class DisclosureTest {
    static final Map<String, Integer> DEFAULTS = Map.of(Disclosure.PRIMARY, 5, Disclosure.MONTH, 10);
    static final Indicator LEAD_TIME = new Indicator("svf_within_lead_time", 2, "", "", "", "", "proportion", "higher_is_better", 0.8,
            "proportion", null, "adult", "svf-pathways", "mart_svf_within_lead_time");

    private static IndicatorValue value(String period, String level, String geo, int sex, double x, double n) {
        return new IndicatorValue(new Cell(period, level, geo, "BREAST", sex, "ALL"), x, n, Proportions.wilson(x, n, Confidence.NINETY_FIVE),
                Proportions.wilson(x, n, Confidence.NINETY_NINE_POINT_EIGHT), "similar");
    }

    private static ReleasedValue find(List<ReleasedValue> released, String geo, int sex, String period) {
        return released.stream().filter(r -> r.cell().geoCode().equals(geo) && r.cell().sexCode() == sex && r.cell().periodCode().equals(period))
                .findFirst().orElseThrow();
    }

    @Test
    void aSmallCellAndTheSiblingThatWouldRevealItAreHidden() {
        List<IndicatorValue> values = List.of(value("2026", "region", "09", 1, 2, 3), value("2026", "region", "09", 2, 12, 20),
                value("2026", "region", "09", 3, 14, 23));
        List<ReleasedValue> released = Disclosure.apply(DEFAULTS, LEAD_TIME, values);
        ReleasedValue men = find(released, "09", 1, "2026");
        assertTrue(men.suppressed());
        assertTrue(men.reason().contains("fewer than 5"), men.reason());
        assertTrue(Double.isNaN(men.numerator()) && Double.isNaN(men.denominator()) && Double.isNaN(men.estimate().value()),
                "nothing of a hidden cell is carried");
        assertEquals("suppressed", men.comparison());
        ReleasedValue women = find(released, "09", 2, "2026");
        assertTrue(women.suppressed(), "women = both − men would reveal men");
        assertTrue(women.reason().contains("secondary"), women.reason());
        assertFalse(find(released, "09", 3, "2026").suppressed(), "the total is released");
        assertEquals(23, find(released, "09", 3, "2026").denominator());
    }

    @Test
    void aMonthNeedsTenTreatmentStartsAYearFive() {
        List<IndicatorValue> values = List.of(value("2026-03", "country", "00", 3, 5, 8), value("2026", "country", "00", 3, 5, 8));
        List<ReleasedValue> released = Disclosure.apply(DEFAULTS, LEAD_TIME, values);
        assertTrue(find(released, "00", 3, "2026-03").suppressed());
        assertTrue(find(released, "00", 3, "2026-03").reason().contains("a month with fewer than 10"));
        assertFalse(find(released, "00", 3, "2026").suppressed());
        assertTrue(Disclosure.apply(Map.of(Disclosure.PRIMARY, 9, Disclosure.MONTH, 10), LEAD_TIME, values).get(1).suppressed(),
                "the thresholds are configuration");
    }

    @Test
    void aHiddenRegionCannotBeRecoveredFromItsHealthcareRegion() {
        List<IndicatorValue> values = List.of(value("2026", "region", "09", 3, 2, 4), value("2026", "region", "01", 3, 400, 900),
                value("2026", "region", "23", 3, 20, 40), value("2026", "healthcare_region", "STHLM", 3, 402, 904));
        List<ReleasedValue> released = Disclosure.apply(DEFAULTS, Map.of("01", List.of("STHLM"), "09", List.of("STHLM")), Map.of(), LEAD_TIME,
                values);
        assertTrue(find(released, "09", 3, "2026").suppressed());
        assertTrue(find(released, "01", 3, "2026").suppressed(), "Stockholm–Gotland − Stockholm would reveal Gotland");
        assertTrue(find(released, "01", 3, "2026").reason().contains("secondary"));
        assertFalse(find(released, "STHLM", 3, "2026").suppressed());
        assertFalse(Disclosure.apply(DEFAULTS, LEAD_TIME, values).stream().filter(r -> r.cell().geoCode().equals("01")).findFirst()
                .orElseThrow().suppressed(), "without the healthcare regions, Riket's rule hides Jämtland, the smallest other region");
    }

    @Test
    void aHiddenHealthcareRegionCannotBeRecoveredFromRiket() {
        List<IndicatorValue> values = List.of(value("2026", "healthcare_region", "NORR", 1, 1, 3),
                value("2026", "healthcare_region", "SYD", 1, 30, 60), value("2026", "healthcare_region", "VAST", 1, 40, 90),
                value("2026", "country", "00", 1, 71, 153));
        List<ReleasedValue> released = Disclosure.apply(DEFAULTS, LEAD_TIME, values);
        assertTrue(find(released, "NORR", 1, "2026").suppressed());
        assertTrue(find(released, "SYD", 1, "2026").suppressed(), "Riket − Väst − Syd would reveal Norr");
        assertFalse(find(released, "VAST", 1, "2026").suppressed());
    }

    @Test
    void aHiddenAgeGroupCannotBeRecoveredFromAllAges() {
        java.util.function.BiFunction<String, double[], IndicatorValue> age = (code, xn) -> new IndicatorValue(
                new Cell("2026", "country", "00", "MALIGNANT", 3, code), xn[0], xn[1], Proportions.wilson(xn[0], xn[1], Confidence.NINETY_FIVE),
                Proportions.wilson(xn[0], xn[1], Confidence.NINETY_NINE_POINT_EIGHT), "benchmark");
        List<IndicatorValue> values = List.of(age.apply("0-17", new double[] {1, 3}), age.apply("18+", new double[] {300, 900}),
                age.apply("ALL", new double[] {301, 903}));
        List<ReleasedValue> released = Disclosure.apply(DEFAULTS, Map.of(), Map.of("0-17", "broad", "18+", "broad", "ALL", "total"),
                LEAD_TIME, values);
        assertTrue(released.get(0).suppressed());
        assertTrue(released.get(1).suppressed(), "all ages − adults would reveal the children");
        assertFalse(released.get(2).suppressed());
    }

    @Test
    void aSmallRegionAndTheNextSmallestRegionAreHidden() {
        List<IndicatorValue> values = new ArrayList<>(List.of(value("2026", "region", "09", 3, 2, 4), value("2026", "region", "23", 3, 20, 40),
                value("2026", "region", "01", 3, 400, 900), value("2026", "country", "00", 3, 422, 944)));
        List<ReleasedValue> released = Disclosure.apply(DEFAULTS, LEAD_TIME, values);
        assertTrue(find(released, "09", 3, "2026").suppressed());
        assertTrue(find(released, "23", 3, "2026").suppressed(), "Riket − the others would reveal Gotland");
        assertFalse(find(released, "01", 3, "2026").suppressed());
        assertFalse(find(released, "00", 3, "2026").suppressed());
        for (ReleasedValue r : released) {
            assertTrue(r.suppressed() || r.denominator() >= 5, "no released value below the threshold: " + r);
        }
    }
}
