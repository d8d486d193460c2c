package se.lagesbild.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered as an RFC 9457 problem document ({@code application/problem+json}): type,
 * title, status, detail, instance, and where a parameter is to blame, {@code parameter},
 * {@code value} and {@code allowed} (the values it takes, or a hint where they are too many).
 */
public final class ApiProblem extends RuntimeException {
    /** Where the problem types are described (the docs page). */
    public static final String TYPES = "/api/docs#problem-";

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** A bad value of one query or path parameter, with the values it takes. */
    public static ApiProblem badParameter(String parameter, String value, String detail, List<String> allowed) {
        ApiProblem p = new ApiProblem(400, "bad-parameter", "Bad parameter", detail);
        p.extensions.put("parameter", parameter);
        p.extensions.put("value", value);
        if (allowed != null) {
            p.extensions.put("allowed", allowed);
        }
        return p;
    }

    /** A request the warehouse cannot answer as asked (for instance a comparison a method does not have). */
    public static ApiProblem notAnswerable(String detail) {
        return new ApiProblem(400, "not-answerable", "Not answerable", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem methodNotAllowed(String method) {
        ApiProblem p = new ApiProblem(405, "read-only", "Read-only API",
                "This API only reads: " + method + " is not allowed. Use GET (or HEAD, OPTIONS).");
        p.headers.put("Allow", "GET, HEAD, OPTIONS");
        return p;
    }

    public static ApiProblem tooLarge(int cells, int limit) {
        ApiProblem p = new ApiProblem(403, "too-large", "Result too large", "The result has " + cells + " cells; the limit is " + limit
                + ". Narrow the query with period, region, sex, diagnosis or age (see /api/v1/config).");
        p.extensions.put("cells", cells);
        p.extensions.put("limit", limit);
        return p;
    }

    /** A selection of more cells than allowed, answered 403 as SCB's PxWebApi 2 does; {@code hint} says how to narrow it. */
    public static ApiProblem tooManyCells(long cells, int limit, String hint) {
        ApiProblem p = new ApiProblem(403, "too-large", "Result too large", "The selection has " + cells + " cells; the limit is " + limit
                + ". " + hint);
        p.extensions.put("cells", cells);
        p.extensions.put("limit", limit);
        return p;
    }

    public static ApiProblem rateLimited(long retryAfterSeconds, int perMinute) {
        ApiProblem p = new ApiProblem(429, "rate-limited", "Too many requests", "This client has made " + perMinute
                + " requests in the last 60 seconds, the most allowed in any 60 seconds. Try again in " + retryAfterSeconds + " s.");
        p.headers.put("Retry-After", String.valueOf(retryAfterSeconds));
        return p;
    }

    /**
     * A refusal the web server itself makes (a body over the size limit, 413; a header too large,
     * 431), as a problem document with what to do.
     */
    public static ApiProblem refused(int status, String detail) {
        return new ApiProblem(status, status == 413 ? "too-large-body" : "refused", status == 413 ? "Content too large" : "Request refused",
                detail);
    }

    public static ApiProblem unavailable(String detail) {
        ApiProblem p = new ApiProblem(503, "unavailable", "Service unavailable", detail);
        p.headers.put("Retry-After", "5");
        return p;
    }

    public static ApiProblem internal(String reference) {
        return new ApiProblem(500, "internal", "Internal error", "The server failed to answer (reference " + reference
                + "); the error is logged. Nothing was changed.");
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem document for the request path {@code instance}. */
    public Map<String, Object> document(String instance) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPES + type);
        doc.put("title", title);
        doc.put("status", status);
        doc.put("detail", getMessage());
        doc.put("instance", instance);
        doc.putAll(extensions);
        return doc;
    }
}
