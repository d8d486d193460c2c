package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** Caching by vintage, gzip, CORS, content negotiation and the access log, as agencies' clients meet them. */
class HttpBehaviourTest {
    private static final String VALUES = ApiServer.BASE + "/indicators/svf_within_lead_time/values?period=2026&diagnosis=ALL";

    @Test
    void anUnchangedAnswerIsA304ByItsETag() {
        HttpResponse<byte[]> first = TestApi.get(VALUES);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\"v"), etag);
        assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<byte[]> again = TestApi.get(VALUES, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> csv = TestApi.get(VALUES + "&format=csv", "If-None-Match", etag);
        assertEquals(200, csv.statusCode(), "another format is another representation");
        HttpResponse<byte[]> snapshot = TestApi.get(VALUES + "&snapshot=" + TestApi.SNAPSHOT);
        assertTrue(!snapshot.headers().firstValue("ETag").orElseThrow().equals(etag));
        assertEquals("public, max-age=86400", snapshot.headers().firstValue("Cache-Control").orElse(""), "a snapshot never changes");
        assertArrayEquals(first.body(), TestApi.get(VALUES).body(), "the same answer again (from the cache)");
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() {
        HttpResponse<byte[]> get = TestApi.get(VALUES);
        HttpResponse<byte[]> head = TestApi.send(TestApi.server().port(), "HEAD", VALUES);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        assertEquals("application/json", head.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void largeAnswersAreGzippedWhenAsked() throws Exception {
        HttpResponse<byte[]> plain = TestApi.get(VALUES);
        HttpResponse<byte[]> gzipped = TestApi.get(VALUES, "Accept-Encoding", "gzip");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(gzipped.body().length < plain.body().length / 3, gzipped.body().length + " of " + plain.body().length);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertArrayEquals(plain.body(), unzipped);
    }

    @Test
    void browsersMayReadFromAnyOriginByDefault() {
        HttpResponse<byte[]> response = TestApi.get(ApiServer.BASE + "/regions", "Origin", "https://www.folkhalsomyndigheten.se");
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<byte[]> preflight = TestApi.send(TestApi.server().port(), "OPTIONS", ApiServer.BASE + "/regions", "Origin",
                "https://rcc.example", "Access-Control-Request-Method", "GET");
        assertTrue(preflight.statusCode() < 300, "preflight " + preflight.statusCode());
    }

    @Test
    void corsCanBeLimitedToNamedOrigins() {
        try (ServedWarehouse served = new ServedWarehouse(TestApi.warehouseFile(), 2, m -> { });
             ApiServer server = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null)
                     .withCorsOrigins(java.util.List.of("https://www.socialstyrelsen.se")))) {
            int port = server.start();
            assertEquals("https://www.socialstyrelsen.se", TestApi.get(port, ApiServer.BASE + "/regions", "Origin",
                    "https://www.socialstyrelsen.se").headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(TestApi.get(port, ApiServer.BASE + "/regions", "Origin", "https://evil.example").headers()
                    .firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }

    @Test
    void theAcceptHeaderChoosesTheFormatAndFormatOverridesIt() {
        HttpResponse<byte[]> csv = TestApi.get(ApiServer.BASE + "/sexes", "Accept", "text/csv");
        assertTrue(TestApi.text(csv).startsWith("code,label_sv,label_en\r\n1,Män,Men\r\n"), TestApi.text(csv));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("sexes.csv"));
        HttpResponse<byte[]> arrow = TestApi.get(ApiServer.BASE + "/sexes", "Accept", "application/vnd.apache.arrow.stream");
        assertEquals(3, Formats.arrow(arrow.body()).size());
        HttpResponse<byte[]> json = TestApi.get(ApiServer.BASE + "/sexes?format=json", "Accept", "text/csv");
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void everyRequestIsInTheAccessLog() {
        TestApi.get(ApiServer.BASE + "/age-groups?format=csv&marker=access-log-test");
        String log = TestApi.ACCESS_LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"GET /api/v1/age-groups?format=csv&marker=access-log-test\" 400"), log.length() > 2000
                ? log.substring(log.length() - 2000) : log);
        assertTrue(log.contains("\"GET /api/v1/regions\" 200"));
    }
}
