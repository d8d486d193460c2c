package se.lagesbild.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import se.lagesbild.publishing.tables.format.JsonTables;

/**
 * Requests Jetty refuses before they reach a route (an ambiguous or malformed URI, a bad header,
 * an oversized request), under any method, still get a problem document rather than Jetty's HTML
 * page or an empty body.
 */
final class ProblemErrorHandler extends ErrorHandler {
    /** Jetty writes an error body for GET, POST and HEAD only; every method gets its problem document. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", ApiProblem.TYPES + (code >= 500 ? "internal" : "bad-request"));
        problem.put("title", code >= 500 ? "Internal error" : "Bad request");
        problem.put("status", code);
        problem.put("detail", (message == null ? "The request is malformed" : message)
                + ". Check the URL: percent-encode reserved characters, and do not send control characters.");
        problem.put("instance", request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(JsonTables.MAPPER.writeValueAsBytes(problem)), callback);
    }
}
