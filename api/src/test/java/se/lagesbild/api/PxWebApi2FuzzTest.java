package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PxWebApi 2 under attack, over a raw socket: at least 20 000 requests to every v2 route and to
 * paths no route takes, with any method, SCB's parameters in any case with good, hostile and
 * malformed values (bare and broken percent-escapes, control bytes, 10 000-character codes), codelists
 * real and not, POST bodies good, broken, mistyped, deeply nested and over the size limit, and
 * oversized headers. No answer is a 5xx; every error (any method, any status: 400, 403, 404, 405,
 * 413, 414, 431) is an RFC 9457 problem document. The seed is fixed, so a failure can be replayed.
 */
class PxWebApi2FuzzTest {
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH",
            "OPTIONS", "FOO", "get");
    private static final List<String> TABLES = List.of("svf_inclusion", "svf_within_lead_time", "svf_lead_time_p90", "net_survival_5y",
            "child_observed_survival_5y", "new_cancer_cases_dsr_esp2013", "prem_positive_share", "nope", "%", "%00", "..", "%2e%2e%2f",
            "SVF_INCLUSION", "a".repeat(300));
    private static final List<String> CODELISTS = List.of("agg_sjukvardsregioner", "agg_half", "agg_quarter", "agg_month", "nope", "%",
            "%G0", "", "vs_x", "AGG_SJUKVARDSREGIONER");
    private static final List<String> PATHS = List.of("/config", "/tables", "/tables/{id}", "/tables/{id}/metadata",
            "/tables/{id}/defaultselection", "/tables/{id}/data", "/tables/{id}/data", "/tables/{id}/data", "/codelists/{cl}",
            "/openapi.yaml", "/tables//data", "/tables/{id}//data", "/", "", "/navigation", "/savedqueries", "/tables/{id}/data/x");
    private static final List<String> NAMES = List.of("valueCodes[Region]", "valueCodes[Tid]", "valueCodes[Kon]", "valueCodes[ContentsCode]",
            "valueCodes[Diagnos]", "valueCodes[Alder]", "valuecodes[region]", "VALUECODES[TID]", "valueCodes[Nope]", "valueCodes[%]",
            "valueCodes[]", "valueCodes", "codelist[Region]", "codelist[Tid]", "codelist[Kon]", "codelist[%]", "outputFormat",
            "outputformat", "outputFormatParams", "lang", "Lang", "heading", "stub", "pageNumber", "pageSize", "query", "pastDays",
            "includeDiscontinued", "defaultSelection", "savedQuery", "x", "%", "");
    private static final List<String> VALUES = List.of("00", "01,03", "*", "0*", "?", "??", "top(2)", "top(0)", "top(-1)", "top(99999999999)",
            "bottom(1)", "from(2026)", "to(2026)", "range(2025,2027)", "range(2027,2025)", "range(", "2026", "2026H1", "2027", "1,2,3",
            "VARDE", "KI95NEDRE,KI95OVRE", "NAMNARE", "ALL", "18+", "agg_sjukvardsregioner", "NORR,SYD", "csv", "json-stat2", "xlsx",
            "px", "html", "json-px", "arrow", "parquet", "docx", "UseTexts", "SeparatorSemicolon", "IncludeTitle,UseCodes", "Bold", "sv",
            "en", "xx", "true", "false", "maybe", "0", "-1", "1", "3", "2147483648", "1e309", "NaN", "Region,Kon", "Tid", "Nope", "", ",",
            "%", "%%", "%G0", "%0", "%00", "%FF", "%C3%28", "%0D%0AX-Injected:%201", "'", "\"", "<script>", "a b", "+", "0".repeat(10_000));
    private static final List<String> BODIES = List.of(
            "{\"selection\":[]}",
            "{\"selection\":[{\"variableCode\":\"Region\",\"valueCodes\":[\"00\",\"01\"]},{\"variableCode\":\"Tid\",\"valueCodes\":[\"top(2)\"]}]}",
            "{\"selection\":[{\"variableCode\":\"Region\",\"codelist\":\"agg_sjukvardsregioner\",\"valueCodes\":[\"*\"]}],"
                    + "\"placement\":{\"heading\":[\"Region\"],\"stub\":[\"Tid\"]}}",
            "{\"selection\":[{\"variableCode\":\"region\",\"valueCodes\":[\"01\"]}],\"placement\":{\"heading\":[\"Nope\"]}}",
            "{\"selection\":[{\"variableCode\":\"Nope\",\"valueCodes\":[\"1\"]}]}",
            "{\"selection\":[{\"variableCode\":\"Region\",\"valueCodes\":\"01\"}]}",
            "{\"selection\":[{\"variableCode\":null,\"valueCodes\":[null]}]}",
            "{\"selection\":[{\"variableCode\":\"Region\",\"codelist\":\"nope\",\"valueCodes\":[\"*\"]}]}",
            "{\"selection\":\"all\"}", "{\"selection\":null}", "{\"selection\":[1,2,3]}", "{\"placement\":{\"stub\":\"Region\"}}",
            "[]", "null", "42", "\"x\"", "{", "{\"selection\": [", "not json", "\u0000\u0001", "",
            "{\"selection\":[{\"variableCode\":\"Region\",\"valueCodes\":[" + "\"01\",".repeat(20_000) + "\"03\"]}]}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"selection\":[{\"variableCode\":\"Tid\",\"valueCodes\":[\"" + "x".repeat(1_200_000) + "\"]}]}");

    @Test
    void noV2RequestIsAServerErrorAndEveryErrorIsAProblem() {
        int port = TestApi.server().port();
        Random random = new Random(20261205);
        int requests = Integer.getInteger("lagesbild.fuzz.v2.requests", 20_000);
        int errors = 0;
        int posts = 0;
        for (int i = 0; i < requests; i++) {
            String path = pick(random, PATHS).replace("{id}", pick(random, TABLES)).replace("{cl}", pick(random, CODELISTS));
            StringBuilder target = new StringBuilder(ApiServer.BASE.replace("v1", "v2")).append(path);
            int parameters = random.nextInt(5);
            for (int p = 0; p < parameters; p++) {
                target.append(p == 0 ? '?' : '&').append(pick(random, NAMES).replace("[", random.nextBoolean() ? "[" : "%5B")
                        .replace("]", random.nextBoolean() ? "]" : "%5D"));
                if (random.nextInt(10) > 0) {
                    String value = pick(random, VALUES);
                    target.append('=').append(value.replace(" ", random.nextBoolean() ? "%20" : "+"));
                }
            }
            String method = pick(random, METHODS);
            List<String> headers = new ArrayList<>();
            byte[] body = null;
            if (method.equals("POST") && random.nextInt(4) > 0) {
                body = pick(random, BODIES).getBytes(StandardCharsets.UTF_8);
                headers.add("Content-Type: " + pick(random, List.of("application/json", "application/json", "text/plain", "%", "application/json; charset=latin1")));
                posts++;
            }
            if (random.nextInt(50) == 0) {
                headers.add("X-Big: " + "x".repeat(40_000));
            }
            RawHttp.Response response = RawHttp.send(port, method, target.toString(), body, headers.toArray(String[]::new));
            errors += SpecRoutesFuzzTest.check(method + " " + target + (body == null ? "" : " with a body of " + body.length + " bytes"),
                    response) ? 1 : 0;
        }
        assertTrue(errors > requests / 4, "a good share of refusals among the answers: " + errors);
        assertTrue(posts > requests / 20, "POST bodies among them: " + posts);
    }

    @Test
    void theDefectsFoundBeforeAreProblemsNamingTheParameter() {
        int port = TestApi.server().port();
        String data = "/api/v2/tables/svf_lead_time_p90/data";
        assertBadParameter(RawHttp.send(port, "GET", data + "?codelist[Region]=%"), "codelist[Region]");
        assertBadParameter(RawHttp.send(port, "GET", data + "?valueCodes[Region]=%G0"), "valueCodes[Region]");
        assertBadParameter(RawHttp.send(port, "GET", data + "?lang=%"), "lang");
        assertBadParameter(RawHttp.send(port, "GET", data + "?outputFormat=%ZZ"), "outputFormat");
        RawHttp.Response emptySegment = RawHttp.send(port, "POST", "/api/v2/tables//data", "{\"selection\":[]}".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json");
        assertEquals(404, emptySegment.status());
        assertEquals("application/problem+json", emptySegment.contentType());
        RawHttp.Response large = RawHttp.send(port, "POST", data, ("{\"selection\":[{\"variableCode\":\"Tid\",\"valueCodes\":[\""
                + "x".repeat(2_000_000) + "\"]}]}").getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        assertEquals(413, large.status());
        assertTrue(SpecRoutesFuzzTest.check("a 2 MB body", large));
        RawHttp.Response put = RawHttp.send(port, "PUT", "/api/v2/tables");
        assertEquals(405, put.status());
        assertTrue(SpecRoutesFuzzTest.check("PUT", put));
        RawHttp.Response header = RawHttp.send(port, "GET", "/api/v2/config", "X-Big: " + "x".repeat(40_000));
        assertEquals(431, header.status());
        assertTrue(SpecRoutesFuzzTest.check("a 40 kB header", header));
    }

    private static void assertBadParameter(RawHttp.Response response, String parameter) {
        assertEquals(400, response.status(), response.text());
        assertTrue(SpecRoutesFuzzTest.check(parameter, response));
        JsonNode problem;
        try {
            problem = TestApi.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.text(), e);
        }
        assertEquals(parameter.toLowerCase(java.util.Locale.ROOT), problem.path("parameter").asText().toLowerCase(java.util.Locale.ROOT),
                "the problem names the parameter: " + problem);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
