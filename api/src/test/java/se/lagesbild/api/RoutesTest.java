package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import se.lagesbild.api.routes.Route;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.stats.Confidence;

/** Every route in every format, against the real server on the demo warehouse, checked against the OpenAPI document. */
class RoutesTest {
    /** One request per route: {path template, path and query}. */
    static List<String[]> tableRequests() {
        return List.of(
                new String[] {"/regions", "/regions"},
                new String[] {"/healthcare-regions", "/healthcare-regions"},
                new String[] {"/diagnoses", "/diagnoses"},
                new String[] {"/periods", "/periods"},
                new String[] {"/sexes", "/sexes"},
                new String[] {"/age-groups", "/age-groups"},
                new String[] {"/population-groups", "/population-groups"},
                new String[] {"/indicators", "/indicators"},
                new String[] {"/indicators/{code}/values", "/indicators/svf_within_lead_time/values?period=2026,2026H1&diagnosis=ALL,BREAST"},
                new String[] {"/indicators/{code}/values", "/indicators/new_cancer_cases_rate/values?period=2026&sex=1,2"},
                new String[] {"/indicators/{code}/values", "/indicators/svf_lead_time_median/values?period=2026&region=00,01"},
                new String[] {"/indicators/{code}/equity", "/indicators/svf_inclusion/equity?period=2026&diagnosis=BREAST&age=18%2B"},
                new String[] {"/indicators/{code}/baseline", "/indicators/svf_within_lead_time/baseline?baseline=2026&followup=2027"},
                new String[] {"/indicators/{code}/baseline", "/indicators/svf_lead_time_median/baseline?baseline=2026&followup=2027&region=00"},
                new String[] {"/indicators/{code}/equity", "/indicators/new_cancer_cases_dsr_esp2013/equity?period=2026&diagnosis=MALIGNANT"},
                new String[] {"/indicators/{code}/revisions", "/indicators/svf_within_lead_time/revisions?published=" + TestApi.SNAPSHOT
                        + "&baseline=2026&followup=2027&region=00,01,03"},
                new String[] {"/indicators/{code}/groups", "/indicators/early_stage_share/groups?dimension=education&period=2027"},
                new String[] {"/goal-fulfilment/{year}", "/goal-fulfilment/2027?lang=en"},
                new String[] {"/agreement/{year}/conditions", "/agreement/2026/conditions"},
                new String[] {"/agreement/{year}/payments", "/agreement/2026/payments"},
                new String[] {"/vintages", "/vintages"},
                new String[] {"/snapshots", "/snapshots"});
    }

    @Test
    void everyRouteIsInTheSpecAndEverySpecPathIsARoute() {
        List<String> served = new ArrayList<>(TestApi.server().routes().stream().map(Route::path).toList());
        served.add("/openapi.yaml");
        assertEquals(Set.copyOf(Spec.paths()), Set.copyOf(served));
        for (String[] request : tableRequests()) {
            assertTrue(served.contains(request[0]), request[0]);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tableRequests")
    void everyFormatCarriesTheSameRows(String template, String request) throws Exception {
        String url = ApiServer.BASE + request + (request.contains("?") ? "&" : "?");
        HttpResponse<byte[]> json = TestApi.get(url + "format=json");
        assertEquals(200, json.statusCode(), TestApi.text(json));
        JsonNode table = TestApi.json(json);
        Set<ValidationMessage> problems = Spec.check(template, 200, "application/json", table);
        assertTrue(problems.isEmpty(), request + ": " + problems);
        JsonNode rows = table.path("rows");
        assertTrue(rows.size() > 0, request + " answered no rows");

        HttpResponse<byte[]> csv = TestApi.get(url + "format=csv");
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        List<Map<String, String>> csvRows = Formats.csv(csv.body());
        assertEquals(rows.size(), csvRows.size());

        HttpResponse<byte[]> arrow = TestApi.get(url + "format=arrow");
        assertEquals("application/vnd.apache.arrow.stream", arrow.headers().firstValue("Content-Type").orElse(""));
        List<Map<String, Object>> arrowRows = Formats.arrow(arrow.body());
        assertEquals(rows.size(), arrowRows.size());

        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            for (var field : row.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                String fromCsv = csvRows.get(i).get(name);
                Object fromArrow = arrowRows.get(i).get(name);
                if (value.isNull()) {
                    assertEquals("", fromCsv, request + " row " + i + " " + name);
                    assertEquals(null, fromArrow, request + " row " + i + " " + name);
                } else if (value.isNumber()) {
                    assertEquals(value.asDouble(), Double.parseDouble(fromCsv), 0, request + " row " + i + " " + name);
                    assertEquals(value.asDouble(), ((Number) fromArrow).doubleValue(), 0, request + " row " + i + " " + name);
                } else {
                    assertEquals(value.asText(), fromCsv, request + " row " + i + " " + name);
                    assertEquals(value.isBoolean() ? value.asBoolean() : value.asText(), fromArrow, request + " row " + i + " " + name);
                }
            }
        }

        HttpResponse<byte[]> stat = TestApi.get(url + "format=json-stat2");
        JsonNode dataset = TestApi.json(stat);
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(getClass().getClassLoader().getResourceAsStream("jsonstat-2.0-dataset.schema.json"));
        assertTrue(schema.validate(dataset).isEmpty(), request + ": " + schema.validate(dataset));
        long cells = 1;
        for (JsonNode s : dataset.path("size")) {
            cells *= s.asLong();
        }
        assertEquals(dataset.path("id").size(), dataset.path("size").size());
        long measures = table.path("columns").findValuesAsText("role").stream().filter("measure"::equals).count();
        assertEquals(measures, dataset.path("size").get(dataset.path("size").size() - 1).asLong());
        if (dataset.path("value").isArray()) {
            assertEquals(cells, dataset.path("value").size());
        }
        long filled = 0;
        for (JsonNode v : dataset.path("value")) {
            filled += v.isNull() ? 0 : 1;
        }
        long jsonFilled = 0;
        for (JsonNode row : rows) {
            for (JsonNode c : table.path("columns")) {
                if (c.path("role").asText().equals("measure") && !row.path(c.path("name").asText()).isNull()) {
                    jsonFilled++;
                }
            }
        }
        assertEquals(jsonFilled, filled, request + ": the dataset's values are the table's measures");
    }

    @Test
    void valuesAreTheEnginesReleasedValues() {
        JsonNode rows = TestApi.json(TestApi.get(ApiServer.BASE
                + "/indicators/svf_within_lead_time/values?period=2026&region=00,01&diagnosis=ALL&sex=3&age=ALL")).path("rows");
        assertEquals(2, rows.size());
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            List<ReleasedValue> engine = Released.values(w, "svf_within_lead_time",
                    CellFilter.all().periods("2026").geo("00", "01").diagnoses("ALL").sexes(3).ageGroups("ALL"), Confidence.NINETY_FIVE);
            assertEquals(2, engine.size());
            for (int i = 0; i < 2; i++) {
                ReleasedValue v = engine.get(i);
                JsonNode row = rows.get(i);
                assertEquals(v.cell().geoCode(), row.path("geo_code").asText());
                assertFalse(v.suppressed());
                assertEquals(v.numerator(), row.path("numerator").asDouble(), 0);
                assertEquals(v.denominator(), row.path("denominator").asDouble(), 0);
                assertEquals(v.estimate().value(), row.path("value").asDouble(), 0);
                assertEquals(v.estimate().lower(), row.path("lower").asDouble(), 0);
                assertEquals(v.estimate().upper(), row.path("upper").asDouble(), 0);
                assertEquals(v.limits998().lower(), row.path("lower_998").asDouble(), 0);
                assertEquals(v.limits998().upper(), row.path("upper_998").asDouble(), 0);
                assertTrue(row.path("lower_998").asDouble() < row.path("lower").asDouble()
                        && row.path("upper_998").asDouble() > row.path("upper").asDouble(), "99.8 % limits wider than the 95 %: " + row);
                assertEquals(v.numerator() / v.denominator(), row.path("value").asDouble(), 1e-12);
            }
        }
        assertEquals("benchmark", rows.get(0).path("comparison").asText());
    }

    /**
     * Once the server has computed its tables, v1's values, equity and baseline (no snapshot asked)
     * are looked up in them instead of computed per request: the numbers are still the engine's,
     * computed here directly from the warehouse.
     */
    @Test
    void precomputedValuesEquityAndBaselineAreTheEngines() throws InterruptedException {
        TestApi.awaitComputed(TestApi.server());
        String code = "svf_within_lead_time";
        // parameters in an order no other test asks, so the answer is not one cached before the tables were computed
        JsonNode values = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators/" + code + "/values?sex=2,1,3&diagnosis=ALL&period=2026&age=ALL"))
                .path("rows");
        JsonNode equity = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators/" + code + "/equity?age=ALL&diagnosis=ALL&period=2026")).path("rows");
        JsonNode baseline = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators/" + code + "/baseline?sex=3&age=ALL&diagnosis=ALL&followup=2027"
                + "&baseline=2025")).path("rows");
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            List<ReleasedValue> engine = Released.values(w, code, CellFilter.all().periods("2026").diagnoses("ALL").ageGroups("ALL"),
                    Confidence.NINETY_FIVE);
            assertEquals(engine.size(), values.size());
            for (int i = 0; i < engine.size(); i++) {
                ReleasedValue v = engine.get(i);
                JsonNode row = values.get(i);
                assertEquals(v.cell().geoCode() + v.cell().sexCode(), row.path("geo_code").asText() + row.path("sex_code").asInt());
                assertEquals(v.suppressed(), row.path("suppressed").asBoolean(), row.toString());
                if (!v.suppressed()) {
                    assertEquals(v.comparison(), row.path("comparison").asText(), row.toString());
                    assertEquals(v.estimate().value(), row.path("value").asDouble(), 0, row.toString());
                    assertEquals(v.estimate().upper(), row.path("upper").asDouble(), 0, row.toString());
                    assertEquals(v.denominator(), row.path("denominator").asDouble(), 0, row.toString());
                }
            }
            Released.Equity direct = Released.equity(w, code, "2026", "ALL", "ALL", Confidence.NINETY_FIVE);
            assertEquals(direct.rows().size(), equity.size());
            int gaps = 0;
            for (int i = 0; i < direct.rows().size(); i++) {
                Released.EquityRow r = direct.rows().get(i);
                JsonNode row = equity.get(i);
                assertEquals(r.cell().geoCode(), row.path("geo_code").asText());
                if (r.gap() != null) {
                    assertEquals(r.gap().adjustedPValue(), row.path("p_value_adjusted").asDouble(), 0, row.toString());
                    gaps++;
                }
                if (r.funnel95() != null) {
                    assertEquals(r.funnel95().lower(), row.path("funnel_95_lower").asDouble(), 0, row.toString());
                }
            }
            assertTrue(gaps > 5, gaps + " gaps women - men compared");
            List<Released.ReleasedChange> changes = Released.baseline(w, code, "2025", "2027",
                    CellFilter.all().sexes(3).ageGroups("ALL").diagnoses("ALL"), Confidence.NINETY_FIVE);
            assertEquals(changes.size(), baseline.size());
            for (int i = 0; i < changes.size(); i++) {
                Released.ReleasedChange c = changes.get(i);
                JsonNode row = baseline.get(i);
                assertEquals(c.suppressed(), row.path("suppressed").asBoolean(), row.toString());
                if (!c.suppressed()) {
                    assertEquals(c.change().difference().value(), row.path("change").asDouble(), 0, row.toString());
                    assertEquals(c.change().test().pValue(), row.path("p_value").asDouble(), 0, row.toString());
                    assertEquals(c.change().status(), row.path("status").asText(), row.toString());
                }
            }
        }
    }

    @Test
    void theSpecCheckRejectsAWrongAnswer() throws Exception {
        JsonNode wrong = TestApi.JSON.readTree("{\"title\":\"t\",\"meta\":{},\"columns\":[],\"rows\":[{\"period_code\":\"2026\","
                + "\"geo_level\":\"county\",\"geo_code\":\"01\",\"diagnosis_code\":\"ALL\",\"age_group_code\":\"ALL\",\"suppressed\":false,"
                + "\"reason\":null,\"sex_code\":3,\"value\":\"0.5\",\"lower\":null,\"upper\":null,\"lower_998\":null,\"upper_998\":null,"
                + "\"numerator\":1,\"denominator\":2,"
                + "\"method\":\"Wilson score\",\"comparison\":\"fine\"}]}");
        Set<ValidationMessage> problems = Spec.check("/indicators/{code}/values", 200, "application/json", wrong);
        assertEquals(3, problems.size(), problems.toString()); // geo_level, value as text, comparison
    }

    @Test
    void valuesCanBeComparedWithARegionInsteadOfRiket() {
        String url = ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026&diagnosis=ALL&sex=3&age=ALL&region=00,01,22";
        JsonNode byRiket = TestApi.json(TestApi.get(url));
        JsonNode byStockholm = TestApi.json(TestApi.get(url + "&benchmark=01"));
        assertEquals("01", byStockholm.path("meta").path("benchmark").asText(), "the benchmark is in meta");
        Map<String, String> riket = new java.util.HashMap<>();
        Map<String, String> stockholm = new java.util.HashMap<>();
        byRiket.path("rows").forEach(r -> riket.put(r.path("geo_code").asText(), r.path("comparison").asText()));
        byStockholm.path("rows").forEach(r -> stockholm.put(r.path("geo_code").asText(), r.path("comparison").asText()));
        assertEquals("benchmark", riket.get("00"));
        assertEquals("benchmark", stockholm.get("01"));
        assertTrue(Set.of("better", "similar", "worse").contains(stockholm.get("00")), "Riket compared with Stockholm: " + stockholm);
        assertTrue(Set.of("better", "similar", "worse").contains(riket.get("01")));
        assertEquals(byRiket.path("rows").get(1).path("value"), byStockholm.path("rows").get(1).path("value"), "the same values");
        assertEquals(400, TestApi.get(url + "&benchmark=99").statusCode());
    }

    @Test
    void documentsValidateAgainstTheSpec() {
        for (String[] request : List.of(new String[] {"/health", "/health"}, new String[] {"/config", "/config"},
                new String[] {"/indicators/{code}", "/indicators/svf_inclusion"})) {
            HttpResponse<byte[]> response = TestApi.get(ApiServer.BASE + request[1]);
            assertEquals(200, response.statusCode());
            Set<ValidationMessage> problems = Spec.check(request[0], 200, "application/json", TestApi.json(response));
            assertTrue(problems.isEmpty(), request[1] + ": " + problems);
        }
        // the indicator as the loaded follow-up structure places it (the demo loads the shipped one)
        JsonNode inclusion = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators/svf_inclusion"));
        assertEquals(0.70, inclusion.path("target").asDouble(), 0);
        assertEquals(2030, inclusion.path("target_year").asInt());
        assertEquals("1.1", inclusion.path("subgoals").path(0).path("code").asText());
        assertTrue(inclusion.path("subgoals").path(0).path("placeholder").asBoolean(), "the shipped sub-goals say they stand in");
        JsonNode goals = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators")).path("meta").path("goals");
        assertEquals("2.2", goals.path(1).path("subgoals").path(1).path("code").asText(), goals.toString());
        assertTrue(goals.path(1).path("subgoals").path(1).path("indicators").toString().contains("net_survival_5y"));
        JsonNode config = TestApi.json(TestApi.get(ApiServer.BASE + "/config"));
        assertEquals(5, config.path("suppression_thresholds").path("LEAD_TIME_PATIENTS").asInt());
        assertEquals(100_000, config.path("max_cells").asInt());
        assertNotNull(config.path("current_vintage").asText(null));
    }

    @Test
    void goalFulfilmentIsServedAsTheReportHasIt() {
        String csv = TestApi.text(TestApi.get(ApiServer.BASE + "/goal-fulfilment/2027?lang=en&format=csv"));
        java.util.Map<String, String> status = new java.util.TreeMap<>();
        for (String line : csv.split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("indicator") && List.of("screening_coverage", "hpv_vaccination_one_dose", "eol_conversation", "qol_global_health")
                    .contains(cells[1])) {
                status.put(cells[1], line.contains(",on_track,") ? "on_track" : line.contains(",reached,") ? "reached"
                        : line.contains(",not_on_track,") ? "not_on_track" : line.contains(",cannot_be_judged,") ? "cannot_be_judged" : line);
            }
        }
        assertEquals(java.util.Map.of("eol_conversation", "not_on_track", "hpv_vaccination_one_dose", "reached", "qol_global_health",
                "cannot_be_judged", "screening_coverage", "on_track"), status, csv);
        assertTrue(csv.contains("subgoal,1.3,"), "the sub-goals of the loaded structure: " + csv);
        HttpResponse<byte[]> wrongYear = TestApi.get(ApiServer.BASE + "/goal-fulfilment/1999");
        assertEquals(400, wrongYear.statusCode());
        assertTrue(TestApi.text(wrongYear).contains("2027"), "the years there are: " + TestApi.text(wrongYear));
        HttpResponse<byte[]> wrongLanguage = TestApi.get(ApiServer.BASE + "/goal-fulfilment/2027?lang=de");
        assertEquals(400, wrongLanguage.statusCode());
    }

    @Test
    void theSpecAndTheDocsPageAreServed() {
        HttpResponse<byte[]> spec = TestApi.get(ApiServer.BASE + "/openapi.yaml");
        assertEquals(200, spec.statusCode());
        assertTrue(TestApi.text(spec).startsWith("openapi: 3.1.0"));
        String docs = TestApi.text(TestApi.get("/api/docs"));
        for (String path : Spec.paths()) {
            assertTrue(docs.contains("/api/v1" + path), path + " is on the docs page");
        }
        assertTrue(docs.contains("id=\"problem-bad-parameter\""));
        // one page for both versions: every PxWebApi 2 route and method too, with its contract
        Spec.V2.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                assertTrue(docs.contains("<span class=\"" + method + "\">" + method.toUpperCase(java.util.Locale.ROOT)
                        + "</span><span class=\"path\">/api/v2" + path.getKey() + "</span>"), method + " /api/v2" + path.getKey() + " is on the docs page")));
        assertTrue(docs.contains("id=\"v2\"") && docs.contains("href=\"/api/v2/openapi.yaml\""));
        JsonNode lost = TestApi.json(TestApi.get("/api/v2/nope"));
        assertTrue(lost.path("detail").asText().contains("/api/docs#v2 and in /api/v2/openapi.yaml"), "a v2 error points to v2: " + lost);
    }

    @Test
    void aSnapshotAnswersAsTheWarehouseStoodThen() {
        String values = ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2027&region=00&diagnosis=ALL&sex=3&age=ALL";
        JsonNode now = TestApi.json(TestApi.get(values)).path("rows");
        assertEquals(1, now.size());
        assertTrue(now.get(0).path("denominator").asDouble() > 100);
        JsonNode then = TestApi.json(TestApi.get(values + "&snapshot=" + TestApi.SNAPSHOT)).path("rows");
        double thenPatients = then.size() == 0 ? 0 : then.get(0).path("denominator").asDouble();
        assertTrue(thenPatients < now.get(0).path("denominator").asDouble() / 2,
                "the 2027 pathways were loaded after the snapshot; only regions' aggregates were there: " + then);
        JsonNode before2027 = TestApi.json(TestApi.get(values.replace("2027", "2026") + "&snapshot=" + TestApi.SNAPSHOT)).path("rows");
        JsonNode current2026 = TestApi.json(TestApi.get(values.replace("2027", "2026"))).path("rows");
        assertEquals(current2026.get(0).path("value").asDouble(), before2027.get(0).path("value").asDouble(), 0);
        assertEquals(TestApi.SNAPSHOT, TestApi.json(TestApi.get(ApiServer.BASE + "/snapshots")).path("rows").get(0).path("name").asText());
    }

    @Test
    void agreementPaymentsAddUpToEachPart() {
        JsonNode rows = TestApi.json(TestApi.get(ApiServer.BASE + "/agreement/2026/payments")).path("rows");
        Map<String, long[]> parts = new java.util.TreeMap<>();
        for (JsonNode r : rows) {
            long[] p = parts.computeIfAbsent(r.path("payment_code").asText(), k -> new long[2]);
            p[0] = r.path("part_amount_sek").asLong();
            p[1] += r.path("amount_sek").asLong();
        }
        assertFalse(parts.isEmpty());
        for (var p : parts.entrySet()) {
            assertTrue(p.getValue()[1] == p.getValue()[0] || p.getValue()[1] == 0, p.getKey() + " pays " + p.getValue()[1] + " of "
                    + p.getValue()[0]);
        }
        assertEquals(21, rows.size() / parts.size(), "one row per region and part");
    }
}
