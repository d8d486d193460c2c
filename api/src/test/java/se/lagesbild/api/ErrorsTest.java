package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every error case answers an RFC 9457 problem document that names what is wrong, never a 500. */
class ErrorsTest {
    private static final String VALUES = ApiServer.BASE + "/indicators/svf_within_lead_time/values";

    private static JsonNode problem(HttpResponse<byte[]> response, int status) {
        assertEquals(status, response.statusCode(), TestApi.text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = TestApi.json(response);
        assertTrue(Spec.checkComponent("Problem", problem).isEmpty(), Spec.checkComponent("Problem", problem) + " in " + problem);
        assertEquals(status, problem.path("status").asInt());
        for (String field : List.of("type", "title", "detail", "instance")) {
            assertTrue(problem.hasNonNull(field), field + " in " + problem);
        }
        return problem;
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "region|99|Unknown region '99'",
        "region|01,,03|empty entry",
        "period|2026H3|Unknown period '2026H3'",
        "period|2026-13|Unknown period",
        "sex|4|Unknown sex '4'",
        "diagnosis|breast|Unknown diagnosis 'breast'",
        "age|18-|Unknown age",
        "healthcare-region|SYD-OST|Unknown healthcare-region",
        "format|xml|Unknown format 'xml'",
        "snapshot|baseline-1999|no snapshot 'baseline-1999'",
        "region|01' OR '1'='1|Unknown region",
        "period|2026); DROP TABLE load_batch; --|Unknown period",
        "colour|blue|takes no parameter 'colour'"})
    void aBadParameterIsA400NamingIt(String name, String value, String message) {
        JsonNode problem = problem(TestApi.get(VALUES + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)), 400);
        assertEquals(name, problem.path("parameter").asText());
        assertTrue(problem.path("detail").asText().contains(message), problem.toString());
        assertTrue(problem.path("type").asText().endsWith("bad-parameter"));
    }

    @Test
    void hallandsSplitNeverMakesANumeratorExceedItsDenominator() {
        // with floating-point weights the healthcare region Väst had 17.918000000000003 of 17.918 and this answered 500
        for (String region : List.of("VAST", "SYD")) {
            HttpResponse<byte[]> response = TestApi.get(ApiServer.BASE + "/indicators/svf_inclusion/baseline?baseline=2026&healthcare-region="
                    + region);
            assertEquals(200, response.statusCode(), TestApi.text(response));
        }
        JsonNode bare = problem(TestApi.get(ApiServer.BASE + "/regions?format=%25"), 400);
        assertEquals("format", bare.path("parameter").asText());
    }

    @Test
    void theAllowedValuesAreListed() {
        JsonNode problem = problem(TestApi.get(VALUES + "?sex=0"), 400);
        assertEquals(List.of("1", "2", "3"), TestApi.JSON.convertValue(problem.path("allowed"), List.class));
        JsonNode periods = problem(TestApi.get(VALUES + "?period=26"), 400);
        assertEquals("see /api/v1/periods", periods.path("allowed").get(0).asText());
    }

    @Test
    void aParameterGivenTwiceIsA400() {
        JsonNode problem = problem(TestApi.get(VALUES + "?region=01&region=03"), 400);
        assertTrue(problem.path("detail").asText().contains("more than once"));
    }

    @Test
    void equityNeedsAPeriodAndAnswersOnlyWhereTheIndicatorHasValues() {
        assertEquals("period", problem(TestApi.get(ApiServer.BASE + "/indicators/svf_inclusion/equity"), 400).path("parameter").asText());
        JsonNode empty = problem(TestApi.get(ApiServer.BASE + "/indicators/svf_inclusion/equity?period=2026"), 404);
        assertTrue(empty.path("detail").asText().contains("no values for period 2026, diagnosis ALL and age ALL"), empty.toString());
        assertTrue(problem(TestApi.get(ApiServer.BASE + "/indicators/svf_inclusion/equity?period=2026,2027"), 400).path("detail")
                .asText().contains("one code"));
    }

    @Test
    void unknownIndicatorsAndRoutesAre404() {
        JsonNode problem = problem(TestApi.get(ApiServer.BASE + "/indicators/no_such_thing/values"), 404);
        assertTrue(problem.path("detail").asText().contains("svf_within_lead_time"), "lists the indicators there are");
        problem(TestApi.get(ApiServer.BASE + "/indicators/no_such_thing"), 404);
        problem(TestApi.get(ApiServer.BASE + "/no/such/route"), 404);
        JsonNode year = problem(TestApi.get(ApiServer.BASE + "/agreement/1999/payments"), 400);
        assertEquals("year", year.path("parameter").asText());
    }

    @Test
    void writingIsRefused() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<byte[]> response = TestApi.send(TestApi.server().port(), method, ApiServer.BASE + "/indicators", "Content-Type",
                    "application/json");
            assertEquals("GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElse(""));
            assertTrue(problem(response, 405).path("detail").asText().contains(method));
        }
    }

    @Test
    void aJsonOnlyRouteRefusesOtherFormats() {
        assertEquals("format", problem(TestApi.get(ApiServer.BASE + "/config?format=csv"), 400).path("parameter").asText());
    }

    @Test
    void aResultOverTheCellLimitIsA403SayingTheLimit() throws Exception {
        try (ServedWarehouse served = new ServedWarehouse(TestApi.warehouseFile(), 2, m -> { });
             ApiServer small = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(0).withMaxCells(50).withAccessLog(null))) {
            int port = small.start();
            JsonNode problem = problem(TestApi.get(port, VALUES + "?period=2026"), 403);
            assertEquals(50, problem.path("limit").asInt());
            assertTrue(problem.path("cells").asInt() > 50);
            assertTrue(problem.path("detail").asText().contains("the limit is 50"));
            assertEquals(200, TestApi.get(port, VALUES + "?period=2026&region=00&diagnosis=ALL&age=ALL").statusCode());
        }
    }

    @Test
    void overTheRateLimitIsA429WithRetryAfter() {
        try (ServedWarehouse served = new ServedWarehouse(TestApi.warehouseFile(), 2, m -> { });
             ApiServer limited = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(5).withAccessLog(null))) {
            int port = limited.start();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, TestApi.get(port, ApiServer.BASE + "/health").statusCode());
            }
            HttpResponse<byte[]> refused = TestApi.get(port, ApiServer.BASE + "/health");
            JsonNode problem = problem(refused, 429);
            long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 55 && retry <= 60, "the first of the burst leaves the 60-second window in about a minute: " + retry);
            assertTrue(problem.path("detail").asText().contains("5 requests in the last 60 seconds"), problem.toString());
            HttpResponse<byte[]> pxweb = TestApi.get(port, "/api/v2/config");
            problem(pxweb, 429);
            assertTrue(pxweb.headers().firstValue("Retry-After").isPresent(), "PxWebApi 2 counts against the same limit, as SCB's does");
        }
    }
}
