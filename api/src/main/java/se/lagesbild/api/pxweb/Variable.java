package se.lagesbild.api.pxweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.lagesbild.api.ApiProblem;

/**
 * One variable of a PxWebApi 2 table: its id, label, the values that have data (code → label, in
 * order), its alternative groupings (codelists) and, where it can be left out of a selection, the
 * value it then takes (elimination). Selections follow SCB's PxWebApi 2: codes, {@code *} (all),
 * wildcards ({@code *} any characters, {@code ?} one), {@code top(n)}, {@code bottom(n)},
 * {@code from(x)}, {@code to(x)} and {@code range(x,y)}, by the values' order.
 *
 * @param type ContentsVariable, TimeVariable, GeographicalVariable or RegularVariable (as SCB's metadata says)
 * @param elimination the value taken when the variable is not selected, or null: then {@code defaults} are taken
 * @param codelists alternative groupings by id, each with its values (code → label)
 */
public record Variable(String id, String label, String type, Map<String, String> values, String elimination, List<String> defaults,
                       Map<String, Codelist> codelists) {
    private static final Pattern FUNCTION = Pattern.compile("(?i)(top|bottom|from|to|range)\\(([^)]*)\\)");

    /**
     * An alternative grouping of a variable's values.
     *
     * @param type     Aggregation (each value stands for some of the variable's own values) or Valueset
     * @param valueMap each value's codes among the variable's own values (a value not listed stands for itself)
     */
    public record Codelist(String id, String label, Map<String, String> values, String type, Map<String, List<String>> valueMap) {
    }

    /** The values a selection of this variable names, in the variable's order, without repeats. */
    public List<String> select(List<String> expressions, String codelist) {
        Map<String, String> pool = values(codelist);
        if (expressions == null || expressions.isEmpty()) {
            return elimination != null ? List.of(elimination) : defaults;
        }
        List<String> codes = new ArrayList<>(pool.keySet());
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String raw : expressions) {
            String e = raw.trim();
            Matcher f = FUNCTION.matcher(e);
            if (e.equals("*")) {
                chosen.addAll(codes);
            } else if (f.matches()) {
                chosen.addAll(function(f.group(1).toLowerCase(java.util.Locale.ROOT), f.group(2), codes));
            } else if (e.contains("*") || e.contains("?")) {
                Pattern glob = Pattern.compile(Pattern.quote(e).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
                codes.stream().filter(c -> glob.matcher(c).matches()).forEach(chosen::add);
            } else if (pool.containsKey(e)) {
                chosen.add(e);
            } else {
                throw unknown(e, pool);
            }
        }
        if (chosen.isEmpty()) {
            throw ApiProblem.badParameter("valueCodes[" + id + "]", String.join(",", expressions), "The selection of " + id
                    + " names no value that has data. Its values: " + preview(pool) + " (see the table's metadata).", List.of());
        }
        return codes.stream().filter(chosen::contains).toList();
    }

    /** The values of {@code codelist} (null: the variable's own). */
    public Map<String, String> values(String codelist) {
        if (codelist == null || codelist.isBlank()) {
            return values;
        }
        Codelist list = codelists.get(codelist);
        if (list == null) {
            throw ApiProblem.badParameter("codelist[" + id + "]", codelist, id + " has " + (codelists.isEmpty() ? "no codelists"
                    : "the codelists " + String.join(", ", codelists.keySet())) + "; leave codelist out for its own values.",
                    List.copyOf(codelists.keySet()));
        }
        return list.values();
    }

    private List<String> function(String name, String argument, List<String> codes) {
        String[] args = argument.split(",", -1);
        return switch (name) {
            case "top", "bottom" -> {
                int n = count(name, argument);
                // top(n): the n last in order (the newest periods), bottom(n): the n first, as SCB's API does
                yield name.equals("top") ? codes.subList(Math.max(0, codes.size() - n), codes.size()) : codes.subList(0, Math.min(n,
                        codes.size()));
            }
            case "from" -> codes.subList(position(args[0].trim(), codes), codes.size());
            case "to" -> codes.subList(0, position(args[0].trim(), codes) + 1);
            default -> {
                if (args.length != 2) {
                    throw ApiProblem.badParameter("valueCodes[" + id + "]", "range(" + argument + ")", "range takes two values:"
                            + " range(first,last).", List.of());
                }
                int from = position(args[0].trim(), codes);
                int to = position(args[1].trim(), codes);
                yield codes.subList(Math.min(from, to), Math.max(from, to) + 1);
            }
        };
    }

    private int count(String name, String argument) {
        try {
            int n = Integer.parseInt(argument.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem
        }
        throw ApiProblem.badParameter("valueCodes[" + id + "]", name + "(" + argument + ")", name + " takes a whole number above 0, for"
                + " example " + name + "(3).", List.of());
    }

    private int position(String code, List<String> codes) {
        int i = codes.indexOf(code);
        if (i < 0) {
            throw unknown(code, values);
        }
        return i;
    }

    private ApiProblem unknown(String code, Map<String, String> pool) {
        return ApiProblem.badParameter("valueCodes[" + id + "]", code, "'" + se.lagesbild.api.Query.printable(code) + "' is not a value of "
                + id + " that has data. Its values: " + preview(pool) + " (see the table's metadata).", List.copyOf(pool.keySet()));
    }

    private static String preview(Map<String, String> pool) {
        List<String> codes = new ArrayList<>(pool.keySet());
        return codes.size() <= 30 ? String.join(", ", codes) : String.join(", ", codes.subList(0, 30)) + " and " + (codes.size() - 30)
                + " more";
    }

    /** Code → label in order. */
    static Map<String, String> ordered(List<String> codes, Map<String, String> labels) {
        Map<String, String> values = new LinkedHashMap<>();
        codes.forEach(c -> values.put(c, labels.getOrDefault(c, c)));
        return values;
    }
}
