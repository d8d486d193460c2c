package se.lagesbild.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client for Statistics Sweden's PxWebApi 2, written from SCB's published specification and
 * documentation (field names, parameters, status codes), not from Lägesbild's code: it only knows
 * a base URL. It reads {@code /config}, pages through {@code /tables}, reads a table's JSON-stat
 * metadata, builds a selection from it and asks for the data by GET or POST.
 */
final class ScbPxWebClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** The response of one call: status, content type and body. */
    record Response(int status, String contentType, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    ScbPxWebClient(String base) {
        this.base = base;
    }

    JsonNode config() {
        return ok(get("/config")).json();
    }

    /** Every table, following the pages as {@code page.totalPages} says. */
    List<JsonNode> allTables(String lang, int pageSize) {
        List<JsonNode> tables = new ArrayList<>();
        int page = 1;
        int pages;
        do {
            JsonNode doc = ok(get("/tables?lang=" + lang + "&pageSize=" + pageSize + "&pageNumber=" + page)).json();
            doc.path("tables").forEach(tables::add);
            pages = doc.path("page").path("totalPages").asInt();
            page++;
        } while (page <= pages);
        return tables;
    }

    List<JsonNode> search(String query, String lang) {
        List<JsonNode> tables = new ArrayList<>();
        ok(get("/tables?lang=" + lang + "&query=" + encode(query))).json().path("tables").forEach(tables::add);
        return tables;
    }

    JsonNode metadata(String table, String lang) {
        return ok(get("/tables/" + table + "/metadata?lang=" + lang)).json();
    }

    /** The data of {@code selection} (variable → value expressions) by GET, in {@code format}. */
    Response data(String table, Map<String, String> selection, Map<String, String> codelists, String lang, String format) {
        StringBuilder query = new StringBuilder("?lang=" + lang + "&outputFormat=" + format);
        selection.forEach((variable, values) -> query.append("&").append(encode("valueCodes[" + variable + "]")).append("=")
                .append(encode(values)));
        codelists.forEach((variable, list) -> query.append("&").append(encode("codelist[" + variable + "]")).append("=").append(encode(list)));
        return get("/tables/" + table + "/data" + query);
    }

    /** The same by POST, with SCB's selection body. */
    Response post(String table, Map<String, List<String>> selection, String lang, String format) {
        List<Map<String, Object>> items = new ArrayList<>();
        selection.forEach((variable, values) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("variableCode", variable);
            item.put("valueCodes", values);
            items.add(item);
        });
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("selection", items));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/tables/" + table + "/data?lang=" + lang + "&outputFormat=" + format))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST {@code body} (JSON, or anything a test sends) to {@code pathAndQuery} under the base. */
    Response post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response ok(Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
