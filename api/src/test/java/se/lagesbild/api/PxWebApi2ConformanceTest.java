package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every live answer of every PxWebApi 2 route, checked by Atlassian's OpenAPI interaction validator
 * against the v2 contract that the server publishes (written to the shapes of PxTools/PxApiSpecs
 * {@code PxAPI-2.yml}): the configuration, every page of tables, each table, its metadata (with each
 * codelist and the default selection), its default selection, its default data, each codelist, the
 * data of one table in every output format by GET and by POST with each output format parameter,
 * and the errors (400, 403, 404, 413, 429). The status must be declared for the route, the media
 * type declared for the status, and a JSON body valid against its schema.
 */
class PxWebApi2ConformanceTest {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(contract()).withBasePathOverride("/api/v2").withResolveCombinators(true).build();

    private final List<String> problems = new ArrayList<>();
    private int checked;

    private static String contract() {
        try (InputStream in = PxWebApi2ConformanceTest.class.getClassLoader().getResourceAsStream("api/v2/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyAnswerOfEveryRouteValidatesAgainstTheContract() {
        ScbPxWebClient px = new ScbPxWebClient(TestApi.base() + "/api/v2");
        JsonNode config = check(px, "GET", "/config", null, 200);
        List<String> formats = new ArrayList<>();
        config.path("dataFormats").forEach(f -> formats.add(f.asText()));

        JsonNode first = check(px, "GET", "/tables?pageSize=7", null, 200);
        int pages = first.path("page").path("totalPages").asInt();
        List<String> tables = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            check(px, "GET", "/tables?pageSize=7&pageNumber=" + page, null, 200).path("tables").forEach(t -> tables.add(t.path("id").asText()));
        }
        check(px, "GET", "/tables?query=ledtid&lang=en", null, 200);
        check(px, "GET", "/tables?pastDays=30&includeDiscontinued=true", null, 200);

        Set<String> codelists = new LinkedHashSet<>();
        for (String table : tables) {
            check(px, "GET", "/tables/" + table, null, 200);
            check(px, "GET", "/tables/" + table + "?lang=en", null, 200);
            JsonNode meta = check(px, "GET", "/tables/" + table + "/metadata?lang=sv&defaultSelection=true&savedQuery=", null, 200);
            meta.path("dimension").fields().forEachRemaining(d -> d.getValue().path("extension").path("codelists")
                    .forEach(c -> {
                        codelists.add(c.path("id").asText());
                        check(px, "GET", "/tables/" + table + "/metadata?lang=en&codelist%5B" + d.getKey() + "%5D=" + c.path("id").asText(), null, 200);
                    }));
            check(px, "GET", "/tables/" + table + "/defaultselection?lang=sv", null, 200);
            check(px, "POST", "/tables/" + table + "/data?lang=sv&outputFormat=json-stat2", "{\"selection\":[]}", 200);
        }
        assertTrue(codelists.contains("agg_sjukvardsregioner"), "the healthcare regions are a codelist: " + codelists);
        for (String codelist : codelists) {
            check(px, "GET", "/codelists/" + codelist, null, 200);
            check(px, "GET", "/codelists/" + codelist + "?lang=en", null, 200);
        }

        String selection = "valueCodes%5BRegion%5D=00,01&valueCodes%5BTid%5D=top(2)&valueCodes%5BKon%5D=*&valueCodes%5BContentsCode%5D=*";
        String body = "{\"selection\":[{\"variableCode\":\"Region\",\"valueCodes\":[\"00\",\"NORR\"],\"codelist\":\"agg_sjukvardsregioner\"},"
                + "{\"variableCode\":\"Tid\",\"valueCodes\":[\"top(2)\"]}],\"placement\":{\"heading\":[\"Tid\"],\"stub\":[\"Region\"]}}";
        for (String format : formats) {
            check(px, "GET", "/tables/svf_within_lead_time/data?lang=en&outputFormat=" + format + "&" + selection, null, 200);
            check(px, "POST", "/tables/svf_within_lead_time/data?outputFormat=" + format, body, 200);
        }
        for (String format : List.of("csv", "html", "xlsx")) {
            check(px, "GET", "/tables/svf_within_lead_time/data?outputFormat=" + format + "&outputFormatParams=UseTexts&outputFormatParams=IncludeTitle", null, 200);
            check(px, "GET", "/tables/svf_within_lead_time/data?outputFormat=" + format + "&outputFormatParams=UseCodes", null, 200);
        }
        for (String separator : List.of("SeparatorTab", "SeparatorSpace", "SeparatorSemicolon")) {
            check(px, "GET", "/tables/svf_within_lead_time/data?outputFormat=csv&outputFormatParams=" + separator, null, 200);
        }
        check(px, "GET", "/tables/svf_within_lead_time/data?" + selection + "&heading=Region,Kon&stub=Tid,ContentsCode", null, 200);

        // errors: each a declared status with a problem document
        check(px, "GET", "/tables/nope", null, 404);
        check(px, "GET", "/tables/nope/metadata", null, 404);
        check(px, "GET", "/tables/nope/defaultselection", null, 404);
        check(px, "GET", "/codelists/nope", null, 404);
        check(px, "GET", "/tables/svf_within_lead_time/data?valueCodes%5BNope%5D=1", null, 400);
        check(px, "GET", "/tables/svf_within_lead_time/data?outputFormat=docx", null, 400);
        check(px, "GET", "/tables/svf_within_lead_time/data?outputFormat=csv&outputFormatParams=Bold", null, 400);
        check(px, "GET", "/tables/svf_within_lead_time/metadata?savedQuery=abc", null, 400);
        check(px, "GET", "/tables?pageNumber=0", null, 400);
        check(px, "POST", "/tables/svf_within_lead_time/data", "{\"selection\": [", 400);
        check(px, "POST", "/tables/svf_within_lead_time/data", "{\"selection\":[{\"variableCode\":\"Region\",\"valueCodes\":[\""
                + "0".repeat(3_000_000) + "\"]}]}", 413);

        assertTrue(checked > 5 * tables.size(), checked + " answers checked");
        assertEquals(List.of(), problems, problems.size() + " of " + checked + " answers break the v2 contract");
    }

    @Test
    void tooManyCellsAndTooManyCallsAreDeclaredAnswers() {
        ServedWarehouse served = new ServedWarehouse(TestApi.warehouseFile(), 2, message -> { });
        try (ApiServer small = new ApiServer(served, ApiSettings.defaults().withPort(0).withMaxCells(10).withRateLimit(3))) {
            small.start();
            ScbPxWebClient px = new ScbPxWebClient("http://127.0.0.1:" + small.port() + "/api/v2");
            check(px, "GET", "/tables/svf_within_lead_time/data?valueCodes%5BRegion%5D=*", null, 403);
            int status = 0;
            for (int i = 0; i < 10 && status != 429; i++) {
                status = px.get("/config").status();
            }
            assertEquals(429, status, "the rate limit answers 429");
            check(px, "GET", "/config", null, 429);
        }
        assertEquals(List.of(), problems);
    }

    /** Sends a request, checks the answer's status, validates the exchange; returns the JSON body (or a missing node). */
    private JsonNode check(ScbPxWebClient px, String method, String pathAndQuery, String body, int expected) {
        ScbPxWebClient.Response response = method.equals("GET") ? px.get(pathAndQuery) : px.post(pathAndQuery, body);
        checked++;
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != expected) {
            problems.add(method + " " + pathAndQuery + ": " + response.status() + " where " + expected + " was expected: " + cut(text));
            return TestApi.JSON.missingNode();
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, "/api/v2" + path);
        query(pathAndQuery).forEach(request::withQueryParam);
        if (body != null) {
            request.withContentType("application/json").withBody(body.length() > 10_000 ? "{}" : body);
        }
        boolean json = response.contentType().contains("json");
        SimpleResponse answer = SimpleResponse.Builder.status(response.status()).withContentType(response.contentType())
                .withBody(json || response.contentType().startsWith("text/") ? text : "(binary)").build();
        // an error answer to a request made wrong on purpose: only the answer is checked
        ValidationReport report = expected < 300 ? VALIDATOR.validate(request.build(), answer)
                : VALIDATOR.validateResponse("/api/v2" + path, com.atlassian.oai.validator.model.Request.Method.valueOf(method), answer);
        if (report.hasErrors()) {
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> problems.add(method + " " + pathAndQuery + " (" + response.status() + " " + response.contentType() + "): "
                            + m.getKey() + " " + m.getMessage() + " " + m.getContext().map(Object::toString).orElse("")));
        }
        try {
            return json ? TestApi.JSON.readTree(text) : TestApi.JSON.missingNode();
        } catch (IOException e) {
            problems.add(method + " " + pathAndQuery + ": says " + response.contentType() + " but is not JSON: " + cut(text));
            return TestApi.JSON.missingNode();
        }
    }

    private static Map<String, List<String>> query(String pathAndQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
