package se.lagesbild.api.pxweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Query;

/**
 * A PxWebApi 2 request's query parameters as PxWebApi reads them: names in any case
 * ({@code outputformat} is {@code outputFormat}), {@code valueCodes[VAR]} and {@code codelist[VAR]}
 * by variable, and parameters the route does not know ignored (a client may send what another
 * PxWebApi version takes). A value that is not valid percent-encoding, or longer than any
 * selection needs, is a 400 naming the parameter: it is never dropped silently.
 */
final class PxParams {
    private static final int MAX_LENGTH = 20_000;

    private final Map<String, String> plain = new LinkedHashMap<>();
    private final Map<String, List<String>> valueCodes = new LinkedHashMap<>();
    private final Map<String, String> codelists = new LinkedHashMap<>();

    PxParams(Map<String, List<String>> query) {
        for (var entry : query.entrySet()) {
            String name = entry.getKey();
            List<String> values = entry.getValue();
            if (values.isEmpty()) {
                throw ApiProblem.badParameter(name, null, "The value of " + Query.printable(name) + " cannot be read: it is not valid"
                        + " percent-encoding (write a % sign as %25).", null);
            }
            for (String v : values) {
                if (v.length() > MAX_LENGTH) {
                    throw ApiProblem.badParameter(name, v.substring(0, 40) + "…", "The parameter " + Query.printable(name) + " is longer than "
                            + MAX_LENGTH + " characters.", null);
                }
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("valuecodes[") && lower.endsWith("]")) {
                List<String> codes = valueCodes.computeIfAbsent(name.substring(11, name.length() - 1), k -> new ArrayList<>());
                values.forEach(v -> codes.addAll(PxWebApi.split(v)));
            } else if (lower.startsWith("codelist[") && lower.endsWith("]")) {
                codelists.put(name.substring(9, name.length() - 1), values.get(values.size() - 1));
            } else {
                plain.put(lower, values.get(values.size() - 1));
            }
        }
    }

    /** The value of parameter {@code name} (any case), or null. */
    String get(String name) {
        return plain.get(name.toLowerCase(Locale.ROOT));
    }

    /** A boolean parameter: true or false in any case; absent gives {@code fallback}. */
    boolean flag(String name, boolean fallback) {
        String v = get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
        }
        throw ApiProblem.badParameter(name, v, name + " is true or false, not '" + Query.printable(v) + "'.", List.of("true", "false"));
    }

    /** A whole number from 1, or {@code fallback} when absent. */
    int positive(String name, int fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the problem below
        }
        throw ApiProblem.badParameter(name, v, name + " must be a whole number from 1.", List.of());
    }

    /** A comma-separated list (heading, stub, outputFormatParams), or an empty list when absent. */
    List<String> list(String name) {
        String v = get(name);
        return v == null ? List.of() : PxWebApi.split(v);
    }

    /** valueCodes by the variable named in the brackets, as given. */
    Map<String, List<String>> valueCodes() {
        return valueCodes;
    }

    /** codelist by the variable named in the brackets, as given. */
    Map<String, String> codelists() {
        return codelists;
    }
}
