package se.lagesbild.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of one request, checked before anything is computed: a parameter the route
 * does not take, a malformed list, or a code the dimension does not have is a 400 naming the
 * parameter and the values it takes. Lists are comma-separated codes ({@code region=01,03}).
 */
public final class Query {
    /** Parameters every data route takes. */
    public static final List<String> COMMON = List.of("format", "snapshot");
    private static final int MAX_LISTED = 40;
    private static final int MAX_LENGTH = 4000;

    private final Map<String, List<String>> parameters;

    public Query(Map<String, List<String>> parameters, List<String> accepted) {
        this.parameters = parameters;
        for (var entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (!accepted.contains(name) && !COMMON.contains(name)) {
                List<String> all = new ArrayList<>(accepted);
                all.addAll(COMMON);
                throw ApiProblem.badParameter(name, String.join(",", entry.getValue()), "This route takes no parameter '" + printable(name)
                        + "'. Parameters it takes: " + String.join(", ", all) + ".", all);
            }
            if (entry.getValue().isEmpty()) {
                throw ApiProblem.badParameter(name, null, "The value of " + printable(name) + " cannot be read: it is not valid"
                        + " percent-encoding (write a % sign as %25).", null);
            }
            if (entry.getValue().size() > 1) {
                throw ApiProblem.badParameter(name, String.join(",", entry.getValue()), "The parameter " + name
                        + " is given more than once; give it once, with its values separated by commas.", null);
            }
            if (entry.getValue().get(0).length() > MAX_LENGTH) {
                throw ApiProblem.badParameter(name, entry.getValue().get(0).substring(0, 40) + "…", "The parameter " + name
                        + " is longer than " + MAX_LENGTH + " characters.", null);
            }
        }
    }

    /** The raw value, or null when not given. */
    public String raw(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The codes of a comma-separated list, each one of {@code allowed}; empty when not given.
     * {@code where} says where the full list of codes is, for dimensions too long to list.
     */
    public List<String> codes(String name, List<String> allowed, String where) {
        String raw = raw(name);
        if (raw == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : raw.split(",", -1)) {
            String c = code.trim();
            if (c.isEmpty()) {
                throw ApiProblem.badParameter(name, raw, "The list in " + name + " has an empty entry; separate codes with single commas,"
                        + " for example " + name + "=" + String.join(",", allowed.subList(0, Math.min(2, allowed.size()))) + ".",
                        listed(allowed, where));
            }
            if (!allowed.contains(c)) {
                throw ApiProblem.badParameter(name, raw, "Unknown " + name + " '" + printable(c) + "'. "
                        + (allowed.size() <= MAX_LISTED ? "Codes: " + String.join(", ", allowed) + "." : "See " + where + " for the codes."),
                        listed(allowed, where));
            }
            codes.add(c);
        }
        return List.copyOf(codes);
    }

    /** One code of {@code allowed}, or {@code fallback} when not given. */
    public String one(String name, List<String> allowed, String where, String fallback) {
        List<String> codes = codes(name, allowed, where);
        if (codes.size() > 1) {
            throw ApiProblem.badParameter(name, raw(name), "The parameter " + name + " takes one code here, not a list.",
                    listed(allowed, where));
        }
        return codes.isEmpty() ? fallback : codes.get(0);
    }

    /** A required single code. */
    public String required(String name, List<String> allowed, String where, String example) {
        String value = one(name, allowed, where, null);
        if (value == null) {
            throw ApiProblem.badParameter(name, null, "The parameter " + name + " is required, for example " + name + "=" + example + ".",
                    listed(allowed, where));
        }
        return value;
    }

    private static List<String> listed(List<String> allowed, String where) {
        return allowed.size() <= MAX_LISTED ? allowed : List.of("see " + where);
    }

    /** The text with control characters shown as '?' and cut at 80 characters, for messages. */
    public static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
