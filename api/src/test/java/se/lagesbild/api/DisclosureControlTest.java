package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No value below the suppression thresholds leaves the server, in any format: hidden cells carry
 * no number, released ones rest on enough units, no hidden cell can be recovered by subtraction,
 * and asking for a part of a slice hides the same cells as asking for all of it. (The audit by
 * linear programming of the same demo data runs among the acceptance tests:
 * {@code DemoDisclosureAuditTest}.)
 */
class DisclosureControlTest {
    private static final String VALUES = ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026,2026-03&age=ALL";
    private static final List<String> MEASURES = List.of("value", "lower", "upper", "lower_998", "upper_998", "standard_error", "numerator",
            "denominator");

    private static JsonNode rows(String url) {
        return TestApi.json(TestApi.get(url)).path("rows");
    }

    @Test
    void hiddenCellsCarryNoNumberInAnyFormat() {
        JsonNode rows = rows(VALUES);
        int hidden = 0;
        for (JsonNode r : rows) {
            if (r.path("suppressed").asBoolean()) {
                hidden++;
                for (String m : MEASURES) {
                    assertTrue(r.path(m).isNull(), m + " of a hidden cell: " + r);
                }
                // one public reason whichever rule hid it: "fewer than 5" beside "secondary" would tell a count is small
                assertEquals("hidden for confidentiality", r.path("reason").asText(), r.toString());
            } else {
                double minimum = r.path("period_code").asText().contains("-") ? 10 : 5;
                assertTrue(r.path("denominator").asDouble() >= minimum, "released on too few: " + r);
            }
        }
        assertTrue(hidden > 100, "the demo data is small, so many cells are hidden: " + hidden);

        List<Map<String, String>> csv = Formats.csv(TestApi.get(VALUES + "&format=csv").body());
        List<Map<String, Object>> arrow = Formats.arrow(TestApi.get(VALUES + "&format=arrow").body());
        assertEquals(rows.size(), csv.size());
        assertEquals(rows.size(), arrow.size());
        for (int i = 0; i < rows.size(); i++) {
            boolean suppressed = rows.get(i).path("suppressed").asBoolean();
            assertEquals(String.valueOf(suppressed), csv.get(i).get("suppressed"));
            assertEquals(suppressed, arrow.get(i).get("suppressed"));
            for (String m : MEASURES) {
                if (suppressed) {
                    assertEquals("", csv.get(i).get(m));
                    assertEquals(null, arrow.get(i).get(m));
                }
            }
        }

        JsonNode stat = TestApi.json(TestApi.get(VALUES + "&format=json-stat2"));
        assertEquals("Region", stat.path("dimension").path("geo_code").path("label").asText(), "dimensions labelled, not column ids");
        assertEquals("Värde (95 % KI)", stat.path("dimension").path("measure").path("category").path("label").path("value").asText());
        assertEquals(4, stat.path("dimension").path("measure").path("category").path("unit").path("value").path("decimals").asInt(),
                "units and decimals on the measures");
        JsonNode status = stat.path("status");
        assertEquals((long) hidden * MEASURES.size(), status.size(), "every measure of every hidden cell has status ..");
        for (var s : status.properties()) {
            assertEquals("..", s.getValue().asText());
            JsonNode v = stat.path("value").isArray() ? stat.path("value").get(Integer.parseInt(s.getKey()))
                    : stat.path("value").path(s.getKey());
            assertTrue(v.isNull(), "the value at " + s.getKey() + " is hidden");
        }
    }

    @Test
    void aCellWithoutDataIsListedExactlyAsAHiddenOne() {
        // Gotland's 2026 pathways: a few diagnoses (AML, breast, melanoma, oesophagus, prostate), none of penile cancer; a table
        // that left penile cancer out would tell that Gotland's hidden breast cancers are at least 1
        JsonNode gotland = rows(ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026&region=09&age=ALL&sex=3");
        Map<String, JsonNode> byDiagnosis = new HashMap<>();
        gotland.forEach(r -> byDiagnosis.put(r.path("diagnosis_code").asText(), r));
        assertTrue(byDiagnosis.size() >= 30, "every SVF diagnosis is listed for Gotland: " + byDiagnosis.keySet());
        JsonNode penis = byDiagnosis.get("PENIS");
        JsonNode breast = byDiagnosis.get("BREAST");
        assertTrue(penis.path("suppressed").asBoolean() && breast.path("suppressed").asBoolean(), penis + " " + breast);
        for (String field : List.of("reason", "method", "comparison", "value", "denominator")) {
            assertEquals(breast.path(field), penis.path(field), field + ": a cell without data and a hidden one look alike");
        }
        JsonNode prostate = rows(ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026&region=09&age=ALL&diagnosis=PROST");
        List<Integer> sexes = new java.util.ArrayList<>();
        prostate.forEach(r -> sexes.add(r.path("sex_code").asInt()));
        assertEquals(List.of(1, 3), sexes, "prostate cancer is listed for men and both sexes, not women");
    }

    @Test
    void noHiddenCellCanBeRecoveredBySubtraction() {
        // per total: its patients when released (NaN when hidden), the released parts' patients, and the hidden parts
        Map<String, double[]> bySex = new HashMap<>();
        Map<String, double[]> byRegion = new HashMap<>();
        for (JsonNode r : rows(VALUES)) {
            boolean hidden = r.path("suppressed").asBoolean();
            double patients = hidden ? Double.NaN : r.path("denominator").asDouble();
            String p = r.path("period_code").asText();
            String d = r.path("diagnosis_code").asText();
            int sex = r.path("sex_code").asInt();
            String level = r.path("geo_level").asText();
            add(bySex.computeIfAbsent(p + d + r.path("geo_code").asText(), k -> new double[3]), sex == 3, patients);
            if (level.equals("country") || level.equals("region")) {
                add(byRegion.computeIfAbsent(p + d + sex, k -> new double[3]), level.equals("country"), patients);
            }
        }
        // one hidden part under a released total is recovered by subtraction: allowed only when it is 0, a combination without
        // data, which every table lists as hidden (so that a hidden cell may be empty) and which tells of no one
        bySex.forEach((k, v) -> assertFalse(!Double.isNaN(v[0]) && v[2] == 1 && v[0] - v[1] != 0, "one sex hidden under a released total: " + k));
        byRegion.forEach((k, v) -> assertFalse(!Double.isNaN(v[0]) && v[2] == 1 && v[0] - v[1] != 0,
                "one region hidden under a released Riket: " + k));
        assertTrue(bySex.values().stream().anyMatch(v -> v[2] >= 2), "some totals have hidden parts");
    }

    private static void add(double[] total, boolean isTotal, double patients) {
        if (isTotal) {
            total[0] = patients;
        } else if (Double.isNaN(patients)) {
            total[2]++;
        } else {
            total[1] += patients;
        }
    }

    @Test
    void aPartOfASliceHidesWhatTheWholeSliceHides() {
        Map<String, Boolean> whole = new HashMap<>();
        for (JsonNode r : rows(VALUES + "&diagnosis=CRC,BREAST")) {
            whole.put(r.path("period_code").asText() + r.path("geo_code").asText() + r.path("diagnosis_code").asText()
                    + r.path("sex_code").asText(), r.path("suppressed").asBoolean());
        }
        int compared = 0;
        for (String part : List.of("&diagnosis=CRC,BREAST&sex=1", "&diagnosis=CRC,BREAST&sex=3&region=01,22", "&diagnosis=CRC&region=00")) {
            for (JsonNode r : rows(VALUES + part)) {
                String key = r.path("period_code").asText() + r.path("geo_code").asText() + r.path("diagnosis_code").asText()
                        + r.path("sex_code").asText();
                assertEquals(whole.get(key), r.path("suppressed").asBoolean(), key + " asked for alone (" + part + ")");
                compared++;
            }
        }
        assertTrue(compared > 20, "compared " + compared);
    }

    @Test
    void childrenAskedForAloneAreHiddenAsWhenAskedWithAdults() {
        String rate = ApiServer.BASE + "/indicators/new_cancer_cases_rate/values?period=2026&diagnosis=MALIGNANT&sex=3&region=";
        JsonNode all = rows(rate + "01,09,22,23&age=0-17,18%2B,ALL");
        JsonNode children = rows(rate + "01,09,22,23&age=0-17");
        int compared = 0;
        for (JsonNode c : children) {
            for (JsonNode a : all) {
                if (a.path("geo_code").equals(c.path("geo_code")) && a.path("age_group_code").asText().equals("0-17")) {
                    assertEquals(a.path("suppressed").asBoolean(), c.path("suppressed").asBoolean(), c.toString());
                    compared++;
                }
            }
        }
        assertEquals(4, compared);
        Map<String, int[]> byGeo = new HashMap<>();
        for (JsonNode a : all) {
            int[] g = byGeo.computeIfAbsent(a.path("geo_code").asText(), k -> new int[2]);
            if (a.path("age_group_code").asText().equals("ALL")) {
                g[1] = a.path("suppressed").asBoolean() ? 0 : 1;
            } else if (a.path("suppressed").asBoolean()) {
                g[0]++;
            }
        }
        byGeo.forEach((geo, g) -> assertFalse(g[1] == 1 && g[0] == 1, "children or adults alone hidden under released all ages: " + geo));
    }

    @Test
    void comparisonsRestOnlyOnReleasedValues() {
        JsonNode equity = rows(ApiServer.BASE + "/indicators/svf_within_lead_time/equity?period=2026&diagnosis=CRC");
        int gaps = 0;
        int hidden = 0;
        for (JsonNode r : equity) {
            if (!r.path("difference_women_men").isNull()) {
                gaps++;
                assertFalse(r.path("women_value").isNull() || r.path("men_value").isNull() || r.path("value").isNull(), r.toString());
            }
            if (r.path("suppressed").asBoolean()) {
                hidden++;
                for (String m : List.of("value", "numerator", "denominator", "funnel_95_lower", "difference_women_men")) {
                    assertTrue(r.path(m).isNull(), m + " of a hidden region: " + r);
                }
            }
        }
        assertTrue(gaps > 0 && hidden > 0, "gaps " + gaps + ", hidden " + hidden);

        JsonNode baseline = rows(ApiServer.BASE + "/indicators/svf_within_lead_time/baseline?baseline=2026&followup=2027&diagnosis=CRC");
        int suppressed = 0;
        for (JsonNode r : baseline) {
            if (r.path("suppressed").asBoolean()) {
                suppressed++;
                for (String m : List.of("baseline_value", "followup_value", "change", "p_value")) {
                    assertTrue(r.path(m).isNull(), m + " of a hidden comparison: " + r);
                }
            }
        }
        assertTrue(suppressed > 0);
    }

    @Test
    void agreementSharesOnTooFewPatientsAreHiddenAndNotRepeatedInTheReasons() {
        JsonNode conditions = rows(ApiServer.BASE + "/agreement/2025/conditions");
        JsonNode payments = rows(ApiServer.BASE + "/agreement/2025/payments");
        int hidden = 0;
        for (JsonNode c : conditions) {
            if (c.path("reason").asText().contains("value hidden")) {
                hidden++;
                assertTrue(c.path("observed").isNull(), c.toString());
                for (JsonNode p : payments) {
                    if (p.path("region_code").asText().equals(c.path("region_code").asText())
                            && p.path("payment_code").asText().equals(c.path("payment_code").asText())) {
                        assertFalse(p.path("reasons").asText().matches(".*" + c.path("condition_code").asText() + ": [0-9.]+ %.*"),
                                p.path("reasons").asText());
                        assertNotEquals("", p.path("reasons").asText());
                    }
                }
            }
        }
        assertTrue(hidden > 0, "the demo's Gotland has too few patients for its inclusion share");
    }

    @Test
    void stockholmsHeadlineIsShownAndTheYearMinusItsHalfRecoversNothing() {
        JsonNode stockholm = rows(ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026,2027&region=01&diagnosis=ALL&sex=1,2,3&age=ALL");
        assertEquals(6, stockholm.size());
        for (JsonNode r : stockholm) {
            assertFalse(r.path("suppressed").asBoolean(), "Stockholm is not hidden to protect Gotland: " + r);
        }
        // the attack: a year minus its half-year (and a half-year minus its quarters) gives the other part
        JsonNode periods = rows(ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026,2026H1,2026H2,2026Q1,2026Q2,2026Q3,2026Q4"
                + "&region=00&diagnosis=ALL&age=90%2B");
        Map<String, JsonNode> cell = new HashMap<>();
        periods.forEach(r -> cell.put(r.path("period_code").asText() + "/" + r.path("sex_code").asText(), r));
        int checked = 0;
        for (String sex : List.of("1", "2", "3")) {
            for (String[] split : new String[][] {{"2026", "2026H1", "2026H2"}, {"2026H1", "2026Q1", "2026Q2"}, {"2026H2", "2026Q3", "2026Q4"}}) {
                JsonNode total = cell.get(split[0] + "/" + sex);
                JsonNode a = cell.get(split[1] + "/" + sex);
                JsonNode b = cell.get(split[2] + "/" + sex);
                if (total == null || a == null || b == null) {
                    continue;
                }
                long hidden = java.util.stream.Stream.of(total, a, b).filter(r -> r.path("suppressed").asBoolean()).count();
                assertNotEquals(1L, hidden, "exactly one hidden among " + String.join(", ", split) + " (sex " + sex + ") would be recovered");
                checked++;
            }
        }
        assertTrue(checked > 0);
        JsonNode config = TestApi.json(TestApi.get(ApiServer.BASE + "/config"));
        assertEquals(5, config.path("suppression_thresholds").path("CASES").asInt(), "the cases threshold is configuration: " + config);
        assertTrue(config.path("suppression_rules").size() >= 4);
        JsonNode equity = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators/svf_within_lead_time/equity?period=2026&level=healthcare-region"));
        assertEquals(7, equity.path("rows").size(), "six healthcare regions and Riket");
        assertEquals("healthcare_region", equity.path("meta").path("level").asText());
    }
}
