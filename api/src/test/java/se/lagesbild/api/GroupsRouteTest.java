package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * /api/v1/indicators/{code}/groups on the demo warehouse: stage at diagnosis by education with
 * HEAT's measures, the planted gradient visible to an agency; a source without the dimension is a
 * 404 that says so; hidden groups show nothing.
 */
class GroupsRouteTest {
    private static final String GROUPS = ApiServer.BASE + "/indicators/early_stage_share/groups";

    @Test
    void educationGivesTheGradientAndTheMeasures() {
        JsonNode doc = TestApi.json(TestApi.get(GROUPS + "?dimension=education&period=2027"));
        JsonNode rows = doc.path("rows");
        assertEquals(5, rows.size(), "four levels and uppgift saknas");
        assertEquals("education:FGY", rows.get(0).path("group_code").asText());
        assertEquals(1, rows.get(0).path("rank").asInt());
        assertTrue(rows.get(4).path("rank").isNull(), "uppgift saknas has no place in the order");
        assertTrue(rows.get(0).path("value").asDouble() < rows.get(3).path("value").asDouble(), "FGY below EGL: " + rows);
        Map<String, JsonNode> measures = new HashMap<>();
        doc.path("meta").path("measures").forEach(m -> measures.put(m.path("measure").asText(), m));
        assertTrue(measures.keySet().containsAll(java.util.List.of("sii", "rii", "aci", "rci", "bgv", "par", "paf", "ti", "mld")),
                measures.keySet().toString());
        assertTrue(measures.get("sii").path("value").asDouble() > 0, "higher education, more stage I–II: " + measures.get("sii"));
        assertEquals("EGL", doc.path("meta").path("reference_group").asText());
        assertEquals(0.0, rows.get(3).path("difference").asDouble(), 0.0, "the reference group's own difference");
    }

    @Test
    void aSourceWithoutTheDimensionSaysSo() {
        HttpResponse<byte[]> response = TestApi.get(ApiServer.BASE + "/indicators/prem_positive_share/groups?dimension=education&period=2026");
        assertEquals(404, response.statusCode());
        JsonNode problem = TestApi.json(response);
        assertTrue(problem.path("detail").asText().contains("carries no population groups"), problem.toString());
        HttpResponse<byte[]> unknown = TestApi.get(GROUPS + "?dimension=religion&period=2027");
        assertEquals(400, unknown.statusCode());
        assertTrue(TestApi.text(unknown).contains("education"), TestApi.text(unknown));
    }

    @Test
    void hiddenGroupsShowNothingButWhy() {
        JsonNode rows = TestApi.json(TestApi.get(GROUPS + "?dimension=birth_country&period=2027&region=09")).path("rows");
        boolean anyHidden = false;
        for (JsonNode r : rows) {
            if (r.path("suppressed").asBoolean()) {
                anyHidden = true;
                assertTrue(r.path("value").isNull() && r.path("denominator").isNull() && r.path("numerator").isNull(), r.toString());
                assertTrue(r.path("note").asText().length() > 10, r.toString());
            } else {
                assertTrue(r.path("denominator").asDouble() >= 5, "a released group has at least 5 patients: " + r);
            }
        }
        assertTrue(anyHidden, "Gotland's tumours by country of birth: some groups are small");
    }
}
