package se.lagesbild.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The browsable page at /api/docs, rendered once from the OpenAPI document (so the two cannot
 * disagree): every route with its parameters and an example link, and the problem types.
 */
final class DocsPage {
    private static final Map<String, String> PROBLEMS = Map.of(
            "bad-parameter", "400: a parameter is unknown, malformed, given twice, or names a code that does not exist."
                    + " <code>parameter</code> names it and <code>allowed</code> lists what it takes.",
            "not-answerable", "400: the request is well-formed but the warehouse cannot answer it (for instance a comparison"
                    + " the indicator's method does not have, or an agreement year without population data).",
            "not-found", "404: no such indicator or route.",
            "read-only", "405: only GET, HEAD and OPTIONS; nothing can be written through this API.",
            "too-large", "403: the result has more cells than <code>max_cells</code> in /config; narrow the query.",
            "rate-limited", "429: too many requests from this client; the Retry-After header says how many seconds to wait.",
            "unavailable", "503: every warehouse connection is busy; try again after Retry-After.",
            "internal", "500: a fault in the server itself, logged with the reference given.");

    private DocsPage() {
    }

    static String render(String yaml) {
        JsonNode spec;
        try {
            spec = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("api/openapi.yaml does not parse", e);
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(spec.path("info").path("title").asText())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}code{background:#f3f3f3;padding:0 .2rem}")
                .append(".op{margin:1.2rem 0}.path{font-family:monospace;font-weight:bold;font-size:1.05rem}")
                .append("table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;")
                .append("vertical-align:top}.get{background:#2a7;color:#fff;padding:0 .4rem;border-radius:3px;margin-right:.4rem}")
                .append("</style></head><body>");
        html.append("<h1>").append(esc(spec.path("info").path("title").asText())).append(" <small>")
                .append(esc(spec.path("info").path("version").asText())).append("</small></h1>");
        html.append("<p>").append(esc(spec.path("info").path("summary").asText())).append("</p>");
        for (String paragraph : spec.path("info").path("description").asText().split("\n\n")) {
            html.append("<p>").append(code(esc(paragraph))).append("</p>");
        }
        html.append("<p>The machine-readable contract: <a href=\"/api/v1/openapi.yaml\">/api/v1/openapi.yaml</a> (OpenAPI 3.1).</p>");
        String base = spec.path("servers").path(0).path("url").asText("/api/v1");
        html.append("<h2>Routes</h2>");
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").properties().iterator(); it.hasNext(); ) {
            var path = it.next();
            JsonNode get = path.getValue().path("get");
            html.append("<div class=\"op\"><span class=\"get\">GET</span><span class=\"path\">").append(esc(base + path.getKey()))
                    .append("</span><br>").append(code(esc(get.path("summary").asText())));
            if (get.has("description")) {
                html.append("<p>").append(code(esc(get.path("description").asText()))).append("</p>");
            }
            if (get.has("x-example")) {
                String example = base + get.path("x-example").asText();
                html.append("<p>Try: <a href=\"").append(esc(example)).append("\"><code>").append(esc(example)).append("</code></a></p>");
            }
            if (get.path("parameters").isEmpty()) {
                html.append("<p>No parameters.</p></div>");
                continue;
            }
            html.append("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>");
            for (JsonNode p : get.path("parameters")) {
                JsonNode param = p.has("$ref") ? resolve(spec, p.path("$ref").asText()) : p;
                html.append("<tr><td><code>").append(esc(param.path("name").asText())).append("</code>")
                        .append(param.path("required").asBoolean() ? " (required)" : "").append("</td><td>")
                        .append(esc(param.path("in").asText())).append("</td><td>").append(code(esc(param.path("description").asText())))
                        .append("</td></tr>");
            }
            html.append("</table></div>");
        }
        html.append("<h2>Problems</h2><p>Errors are RFC 9457 problem documents (<code>application/problem+json</code>)"
                + " with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and <code>instance</code>.</p><dl>");
        PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> html.append("<dt id=\"problem-").append(p.getKey())
                .append("\"><code>").append(p.getKey()).append("</code></dt><dd>").append(p.getValue()).append("</dd>"));
        html.append("</dl></body></html>");
        return html.toString();
    }

    private static JsonNode resolve(JsonNode spec, String ref) {
        return spec.at(ref.substring(1));
    }

    /** Markdown-style `code` spans as HTML (the text is escaped already). */
    private static String code(String text) {
        return text.replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
