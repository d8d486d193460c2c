package se.lagesbild.warehouse.indicators;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;

/**
 * The tumours a survival mart's population loses before any estimator, and why (the mart's
 * companion view VIEW_exclusions: death certificate only, no follow-up at all, a later tumour in
 * the same group, …), counted by diagnosis group, year of diagnosis and reason. Every survival value
 * states them for Riket and both sexes over the diagnosis years its patients come from; a count
 * under the patients' disclosure threshold is written "..", as a hidden value is.
 */
final class Exclusions {
    /** diagnosis → year of diagnosis → reason → tumours. */
    private final Map<String, TreeMap<Integer, Map<String, Long>>> counts;
    private final int threshold;

    private Exclusions(Map<String, TreeMap<Integer, Map<String, Long>>> counts, int threshold) {
        this.counts = counts;
        this.threshold = threshold;
    }

    /** The exclusions of {@code martView}'s population (none when the mart has no exclusions view). */
    static Exclusions of(Warehouse warehouse, String martView) {
        Map<String, TreeMap<Integer, Map<String, Long>>> counts = new TreeMap<>();
        String view = martView + "_exclusions";
        boolean exists = warehouse.dsl().fetchExists(DSL.selectOne().from("information_schema.tables").where(DSL.field("table_name").eq(view)));
        if (exists) {
            warehouse.dsl().resultQuery("SELECT diagnosis_code, year(diagnosis_date), reason, count(*) FROM \"" + view + "\" GROUP BY ALL")
                    .forEach(r -> counts.computeIfAbsent(r.get(0, String.class), k -> new TreeMap<>())
                            .computeIfAbsent(r.get(1, Integer.class), k -> new TreeMap<>()).put(r.get(2, String.class), r.get(3, Long.class)));
        }
        return new Exclusions(counts, DisclosureThresholds.of(warehouse).getOrDefault(DisclosureThresholds.PATIENTS, 5));
    }

    /**
     * "; excluded before estimation (Riket, both sexes, diagnosed 2022–2027): 12 no follow-up (0
     * days), .. death certificate only", or "" when nothing was excluded.
     */
    String note(String diagnosis, int[] years) {
        Map<String, Long> total = new TreeMap<>();
        TreeMap<Integer, Map<String, Long>> byYear = counts.getOrDefault(diagnosis, new TreeMap<>());
        byYear.subMap(years[0], true, years[1], true).values().forEach(m -> m.forEach((reason, n) -> total.merge(reason, n, Long::sum)));
        if (total.isEmpty()) {
            return "";
        }
        StringJoiner list = new StringJoiner(", ");
        total.forEach((reason, n) -> list.add((n < threshold ? ".." : String.valueOf(n)) + " " + reason));
        String span = years[0] == years[1] ? String.valueOf(years[0]) : years[0] + "–" + years[1];
        return "; excluded before estimation (Riket, both sexes, diagnosed " + span + "): " + list;
    }
}
