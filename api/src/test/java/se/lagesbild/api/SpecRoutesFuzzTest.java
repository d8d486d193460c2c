package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every route in the OpenAPI document, asked over a raw socket with any method, with its own
 * parameters and hostile ones, with request targets no polite client sends (a bare '%', control
 * bytes, overlong lines) and oversized headers: no answer is a 5xx, and every error answer (any
 * method, any status) is an RFC 9457 problem document that the document's Problem schema accepts.
 * The seed is fixed, so a failure can be replayed.
 */
class SpecRoutesFuzzTest {
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "HEAD", "PUT", "DELETE", "PATCH", "POST", "OPTIONS", "FOO",
            "TRACE", "get");
    private static final List<String> CODES = List.of("svf_within_lead_time", "svf_inclusion", "svf_lead_time_median", "svf_lead_time_mean",
            "new_cancer_cases_dsr_esp2013", "new_cancer_cases_rate", "nope", "%", "%00", "..", "%2e%2e%2f", "a".repeat(300));
    private static final List<String> YEARS = List.of("2025", "2026", "1999", "-1", "%", "99999999999999999999", "20x6");
    private static final List<String> VALUES = List.of("01", "00,01", "VAST", "NORR", "1,2", "3", "2026", "2026H1", "2027", "2026-03",
            "ALL", "BREAST", "18+", "csv", "json-stat2", "arrow", "json", TestApi.SNAPSHOT, "", ",", "%", "%%", "%G0", "%0", "%00", "%FF",
            "%C3%28", "'", "\"", "<x>", "1e309", "NaN", "-1", "9".repeat(40), "%0D%0AX-Injected:%201", "+", "a b");

    @Test
    void noRequestToAnyRouteIsAServerErrorAndEveryErrorIsAProblem() {
        int port = TestApi.server().port();
        Random random = new Random(20261201);
        List<String> paths = Spec.paths();
        int errors = 0;
        int requests = Integer.getInteger("lagesbild.fuzz.requests", 1500); // more for a manual run
        for (int i = 0; i < requests; i++) {
            String template = paths.get(random.nextInt(paths.size()));
            String path = template.replace("{code}", pick(random, CODES)).replace("{year}", pick(random, YEARS));
            StringBuilder target = new StringBuilder(ApiServer.BASE).append(path);
            List<String> names = parameterNames(template);
            int parameters = random.nextInt(4);
            for (int p = 0; p < parameters; p++) {
                String name = names.isEmpty() || random.nextInt(5) == 0 ? pick(random, List.of("x", "%", "format", "", "region%5B%5D"))
                        : pick(random, names);
                target.append(p == 0 ? '?' : '&').append(name);
                if (random.nextInt(8) > 0) {
                    target.append('=').append(pick(random, VALUES));
                }
            }
            String method = pick(random, METHODS);
            List<String> headers = new ArrayList<>();
            if (random.nextInt(6) == 0) {
                headers.add("Accept: " + pick(random, List.of("text/csv", "application/vnd.apache.arrow.stream", "*/*;q=x", "%")));
            }
            RawHttp.Response response = RawHttp.send(port, method, target.toString(), headers.toArray(String[]::new));
            errors += check(method + " " + target, response) ? 1 : 0;
        }
        assertTrue(errors > 300, "a good share of refusals among the answers: " + errors);
    }

    @Test
    void malformedTargetsAndOversizedHeadersAreProblemsToo() {
        int port = TestApi.server().port();
        List<String> targets = List.of("/api/v1/regions?format=%", "/api/v1/regions?%=1", "/api/v1/regions?format=%2", "/api/v1/%",
                "/api/v1/indicators/%/values", "/api/v1/regions?format=%ZZ", "/api/v1/regions?a=\u0001", "/api/v1/regions#frag",
                "/api/v1/regions?" + "x=1&".repeat(3000), "/" + "a".repeat(20_000), "*", "http://elsewhere/api/v1/regions",
                "/api/v1/indicators/svf_within_lead_time/values?period=2026&format=%");
        for (String target : targets) {
            for (String method : List.of("GET", "HEAD", "PUT", "DELETE")) {
                check(method + " " + target, RawHttp.send(port, method, target));
            }
        }
        check("huge header", RawHttp.send(port, "GET", "/api/v1/regions", "X-Big: " + "x".repeat(40_000)));
        check("many headers", RawHttp.send(port, "GET", "/api/v1/regions", java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> "X-H" + i + ": v").toArray(String[]::new)));
        RawHttp.Response missing = RawHttp.send(port, "HEAD", "/api/v1/nothing");
        assertEquals(404, missing.status(), "HEAD of an unknown route is a 404 as GET is");
        assertEquals("application/problem+json", missing.contentType());
    }

    /** Asserts the answer; returns whether it was an error. */
    static boolean check(String request, RawHttp.Response response) {
        int status = response.status();
        assertTrue(status < 500, status + " for " + request + ": " + response.text());
        assertTrue(!response.headers().containsKey("x-injected"), request);
        if (status < 400) {
            return false;
        }
        assertTrue(response.contentType().startsWith("application/problem+json"), status + " " + response.contentType() + " for " + request);
        if (!request.startsWith("HEAD ")) {
            JsonNode problem;
            try {
                problem = TestApi.JSON.readTree(response.body());
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON for " + request + ": " + response.text(), e);
            }
            assertTrue(Spec.checkComponent("Problem", problem).isEmpty(), Spec.checkComponent("Problem", problem) + " in " + problem
                    + " for " + request);
            assertEquals(status, problem.path("status").asInt(), request);
        }
        return true;
    }

    private static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        JsonNode operation = Spec.DOCUMENT.path("paths").path(template).path("get");
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = parameter.has("$ref") ? Spec.DOCUMENT.at(parameter.path("$ref").asText().substring(1)) : parameter;
            if (p.path("in").asText().equals("query")) {
                names.add(p.path("name").asText());
            }
        }
        return names;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
