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

    private final Map<String, List<String>> plain = new LinkedHashMap<>();
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
                plain.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(values);
            }
        }
    }

    /** The value of parameter {@code name} (any case; the last when it is given twice), or null. */
    String get(String name) {
        List<String> values = plain.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(values.size() - 1);
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

    /**
     * A list (heading, stub, outputFormatParams): comma-separated, or the parameter repeated as PxWeb 2
     * sends {@code outputFormatParams=SeparatorSemicolon&outputFormatParams=IncludeTitle}; empty when absent.
     */
    List<String> list(String name) {
        List<String> list = new ArrayList<>();
        plain.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).forEach(v -> list.addAll(PxWebApi.split(v)));
        return list;
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
