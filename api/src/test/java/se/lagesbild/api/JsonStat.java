package se.lagesbild.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-stat 2.0 reader from the format's specification (json-stat.org): a cell's position is the
 * row-major index of its categories' indices over {@code id} and {@code size}; {@code status} by
 * that index (an object or an array).
 */
final class JsonStat {
    private JsonStat() {
    }

    /** The index of the cell with {@code codes} (dimension id → category code). */
    static int index(JsonNode dataset, Map<String, String> codes) {
        List<String> ids = new ArrayList<>();
        dataset.path("id").forEach(n -> ids.add(n.asText()));
        int index = 0;
        for (int d = 0; d < ids.size(); d++) {
            int size = dataset.path("size").get(d).asInt();
            JsonNode category = dataset.path("dimension").path(ids.get(d)).path("category");
            JsonNode position = category.path("index").path(codes.get(ids.get(d)));
            if (position.isMissingNode()) {
                throw new IllegalArgumentException("No category " + codes.get(ids.get(d)) + " in " + ids.get(d));
            }
            index = index * size + position.asInt();
        }
        return index;
    }

    /** The value of the cell, or null. */
    static Double value(JsonNode dataset, Map<String, String> codes) {
        JsonNode v = dataset.path("value").get(index(dataset, codes));
        return v == null || v.isNull() ? null : v.asDouble();
    }

    /** The status of the cell, or null. */
    static String status(JsonNode dataset, Map<String, String> codes) {
        JsonNode status = dataset.path("status");
        int i = index(dataset, codes);
        JsonNode s = status.isArray() ? status.get(i) : status.get(String.valueOf(i));
        return s == null || s.isNull() ? null : s.asText();
    }

    static int cells(JsonNode dataset) {
        int n = 1;
        for (JsonNode s : dataset.path("size")) {
            n *= s.asInt();
        }
        return n;
    }
}
