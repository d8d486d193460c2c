package se.lagesbild.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import se.lagesbild.publishing.tables.format.JsonTables;

/**
 * Requests Jetty refuses before they reach a route (an ambiguous or malformed URI, a bad header,
 * an oversized request), under any method, still get a problem document rather than Jetty's HTML
 * page or an empty body. A failure because the server is stopping or the connection ended before
 * the request was read is a 503 with Retry-After, which a balancer in front of replicas retries on
 * another one, not a 500 that blames the server or a 400 that blames the URL.
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
        if (code >= 500 && (stopping(request) || cause instanceof EofException)) {
            // the connection ended, or the server stopped, before the request was read: nothing in the request is wrong and
            // nothing failed inside; a 503 tells the client, or a balancer in front of replicas, to send it again
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            problem.put("type", ApiProblem.TYPES + "unavailable");
            problem.put("title", "Service unavailable");
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE_503);
            problem.put("detail", "The server is stopping, or the connection ended before the request was read. Send the request again;"
                    + " behind a balancer another replica answers it.");
        } else if (code >= 500) {
            problem.put("type", ApiProblem.TYPES + "internal");
            problem.put("title", "Internal error");
            problem.put("status", code);
            problem.put("detail", "The web server failed to answer"
                    + (message == null ? "" : " (" + message + ")") + ". Nothing was changed; send the request again.");
        } else {
            problem.put("type", ApiProblem.TYPES + "bad-request");
            problem.put("title", "Bad request");
            problem.put("status", code);
            problem.put("detail", (message == null ? "The request is malformed" : message)
                    + ". Check the URL: percent-encode reserved characters, and do not send control characters.");
        }
        problem.put("instance", request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(JsonTables.MAPPER.writeValueAsBytes(problem)), callback);
    }

    /** Whether the server, or the connector the request came in on, is shutting down. */
    private static boolean stopping(Request request) {
        Connector connector = request.getConnectionMetaData().getConnector();
        return connector.getServer().isStopping() || connector.isShutdown();
    }
}
