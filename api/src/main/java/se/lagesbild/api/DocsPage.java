package se.lagesbild.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The browsable page at /api/docs, rendered once from the two OpenAPI documents (so page and
 * contracts cannot disagree): for /api/v1 and for PxWebApi 2 at /api/v2, every route with its
 * parameters and an example link, and the problem types both versions answer with.
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
            "unavailable", "503: every warehouse connection is busy, or the server is stopping; try again after Retry-After.",
            "internal", "500: a fault in the server itself, logged with the reference given.");

    private DocsPage() {
    }

    /** The page for both versions: /api/v1 from {@code v1Yaml}, PxWebApi 2 at /api/v2 from {@code v2Yaml}, and the problem types they share. */
    static String render(String v1Yaml, String v2Yaml) {
        JsonNode v1 = parse(v1Yaml, "api/openapi.yaml");
        JsonNode v2 = parse(v2Yaml, "api/v2/openapi.yaml");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lägesbild API</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}code{background:#f3f3f3;padding:0 .2rem}")
                .append(".op{margin:1.2rem 0}.path{font-family:monospace;font-weight:bold;font-size:1.05rem}")
                .append("table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;")
                .append("vertical-align:top}.get,.post{background:#2a7;color:#fff;padding:0 .4rem;border-radius:3px;margin-right:.4rem}")
                .append(".post{background:#27a}</style></head><body>");
        html.append("<h1>Lägesbild API</h1><p>The same released values in two shapes: <a href=\"#v1\">version 1</a> at <code>/api/v1</code>,")
                .append(" and <a href=\"#v2\">PxWebApi 2</a> at <code>/api/v2</code>, the shape of Statistics Sweden's API that SCB's")
                .append(" front end PxWeb 2 and clients written for SCB read. Errors in both are the <a href=\"#problems\">problem")
                .append(" documents</a> below.</p>");
        version(html, "v1", v1, "/api/v1/openapi.yaml");
        version(html, "v2", v2, "/api/v2/openapi.yaml");
        html.append("<h2 id=\"problems\">Problems</h2><p>Errors are RFC 9457 problem documents (<code>application/problem+json</code>)"
                + " with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and <code>instance</code>.</p><dl>");
        PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> html.append("<dt id=\"problem-").append(p.getKey())
                .append("\"><code>").append(p.getKey()).append("</code></dt><dd>").append(p.getValue()).append("</dd>"));
        html.append("</dl></body></html>");
        return html.toString();
    }

    private static JsonNode parse(String yaml, String name) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not parse", e);
        }
    }

    /** One version's section: its description, contract link and every operation with its parameters. */
    private static void version(StringBuilder html, String id, JsonNode spec, String contract) {
        html.append("<h2 id=\"").append(id).append("\">").append(esc(spec.path("info").path("title").asText())).append(" <small>")
                .append(esc(spec.path("info").path("version").asText())).append("</small></h2>");
        if (spec.path("info").has("summary")) {
            html.append("<p>").append(esc(spec.path("info").path("summary").asText())).append("</p>");
        }
        for (String paragraph : spec.path("info").path("description").asText().split("\n\n")) {
            html.append("<p>").append(code(esc(paragraph))).append("</p>");
        }
        html.append("<p>The machine-readable contract: <a href=\"").append(contract).append("\">").append(contract).append("</a> (OpenAPI ")
                .append(esc(spec.path("openapi").asText())).append(").</p>");
        String base = spec.path("servers").path(0).path("url").asText();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").properties().iterator(); it.hasNext(); ) {
            var path = it.next();
            for (String method : new String[] {"get", "post"}) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operation(html, spec, method, base, path.getKey(), op);
                }
            }
        }
    }

    private static void operation(StringBuilder html, JsonNode spec, String method, String base, String route, JsonNode op) {
        String path = base + route;
        html.append("<div class=\"op\"><span class=\"").append(method).append("\">").append(method.toUpperCase(java.util.Locale.ROOT))
                .append("</span><span class=\"path\">").append(esc(path)).append("</span><br>").append(code(esc(op.path("summary").asText())));
        if (op.has("description")) {
            html.append("<p>").append(code(esc(op.path("description").asText()))).append("</p>");
        }
        if (op.has("x-example")) {
            String example = base + op.path("x-example").asText();
            html.append("<p>Try: <a href=\"").append(esc(example)).append("\"><code>").append(esc(example)).append("</code></a></p>");
        }
        if (op.has("requestBody")) {
            html.append("<p>Body: ").append(code(esc(op.path("requestBody").path("description").asText("JSON")))).append("</p>");
        }
        if (op.path("parameters").isEmpty()) {
            html.append("<p>No parameters.</p></div>");
            return;
        }
        html.append("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>");
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = p.has("$ref") ? resolve(spec, p.path("$ref").asText()) : p;
            html.append("<tr><td><code>").append(esc(param.path("name").asText())).append("</code>")
                    .append(param.path("required").asBoolean() ? " (required)" : "").append("</td><td>")
                    .append(esc(param.path("in").asText())).append("</td><td>").append(code(esc(param.path("description").asText())))
                    .append("</td></tr>");
        }
        html.append("</table></div>");
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
