package se.lagesbild.api.routes;

import java.util.List;
import java.util.Map;

import se.lagesbild.api.Query;
import se.lagesbild.api.Source;

/**
 * One GET route under /api/v1: its path (Javalin syntax, {@code {code}} for a path parameter), the
 * query parameters it takes besides format and snapshot, and how it answers.
 */
public record Route(String path, List<String> parameters, Handler handler) {
    /** Computes the answer on a leased connection. */
    @FunctionalInterface
    public interface Handler {
        Answer answer(Source lease, Query query, Map<String, String> pathParameters);
    }
}
