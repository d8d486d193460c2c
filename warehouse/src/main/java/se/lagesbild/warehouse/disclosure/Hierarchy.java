package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.EquityGroups;

/**
 * Every way the cells of a block add up, along every hierarchy at once: both sexes from men and
 * women; Riket from the regions and from the healthcare regions, and each healthcare region from
 * its regions (Halland, in two healthcare regions, through its two unpublished halves, which add up
 * to Halland); all ages from children and adults, from the five-year bands, and from the groups of
 * each population-group dimension (education, country of birth, income); a year from its
 * half-years, a half-year from its quarters, a quarter from its months; all diagnoses (ALL) from
 * each SVF or site. A relation is a total cell and its part cells; parts missing from the block are
 * zero (the marts leave out empty cells). Nodes past the cells are the unpublished halves of split
 * regions.
 */
final class Hierarchy {
    /** A total and the parts it is the sum of, and which hierarchy says so (for the audit's arithmetic). */
    record Relation(String kind, int total, int[] parts) {
    }

    /** The relations, and the number of nodes: the cells first, then the latent halves of split regions. */
    record Structure(List<Relation> relations, int nodes, List<String> latentNames) {
    }

    /**
     * What the dimensions say: regions → the healthcare regions they belong to; age group → its kind;
     * diagnosis → its kind (SVF pathway, site group); diagnosis → the one sex it occurs in (prostate cancer: men).
     */
    record Dimensions(Map<String, List<String>> healthcareRegions, Map<String, String> ageKinds, Map<String, String> diagnosisKinds,
                      Map<String, Integer> sexRestrictions) {
        Dimensions(Map<String, List<String>> healthcareRegions, Map<String, String> ageKinds) {
            this(healthcareRegions, ageKinds, Map.of(), Map.of());
        }

        List<String> regionsOf(String healthcareRegion) {
            List<String> regions = new ArrayList<>();
            healthcareRegions.forEach((region, hcrs) -> {
                if (hcrs.contains(healthcareRegion)) {
                    regions.add(region);
                }
            });
            regions.sort(null);
            return regions;
        }
    }

    private final List<Cell> cells;
    private final Map<Cell, Integer> index = new HashMap<>();
    private final Dimensions dimensions;
    private final List<Relation> relations = new ArrayList<>();
    private final Map<String, Integer> latents = new LinkedHashMap<>();
    private final Map<Cell, List<Integer>> byDiagnosisContext = new HashMap<>();

    private Hierarchy(List<Cell> cells, Dimensions dimensions) {
        this.cells = cells;
        this.dimensions = dimensions;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            index.put(c, i);
            if (!c.diagnosisCode().equals("ALL")) {
                byDiagnosisContext.computeIfAbsent(withDiagnosis(c, "ALL"), k -> new ArrayList<>()).add(i);
            }
        }
    }

    static Structure of(List<Cell> cells, Dimensions dimensions) {
        Hierarchy h = new Hierarchy(cells, dimensions);
        for (int i = 0; i < cells.size(); i++) {
            h.relationsOf(i);
        }
        return new Structure(h.relations, cells.size() + h.latents.size(), List.copyOf(h.latents.keySet()));
    }

    private void relationsOf(int i) {
        Cell c = cells.get(i);
        if (c.sexCode() == 3) {
            add("sex", i, List.of(c.withSex(1), c.withSex(2)));
        }
        if (c.geoLevel().equals("country")) {
            add("regions in Riket", i, dimensions.healthcareRegions().keySet().stream().sorted().map(r -> c.withGeo("region", r)).toList());
            add("healthcare regions in Riket", i, dimensions.healthcareRegions().values().stream().flatMap(List::stream).distinct().sorted()
                    .map(h -> c.withGeo("healthcare_region", h)).toList());
        }
        if (c.geoLevel().equals("healthcare_region")) {
            healthcareRegion(i, c);
        }
        if (c.geoLevel().equals("region") && dimensions.healthcareRegions().getOrDefault(c.geoCode(), List.of()).size() > 1) {
            int[] halves = dimensions.healthcareRegions().get(c.geoCode()).stream().mapToInt(h -> latent(c, h)).toArray();
            relations.add(new Relation("a split region's parts", i, halves));
        }
        String age = c.ageGroupCode();
        if (age.equals("ALL")) {
            for (String kind : partitions()) {
                add("age groups (" + kind + ") in all ages", i, dimensions.ageKinds().entrySet().stream()
                        .filter(e -> e.getValue().equals(kind)).map(e -> withAge(c, e.getKey())).toList());
            }
        } else if (!EquityGroups.isGroup(age) && !index.containsKey(withAge(c, "ALL"))) {
            // a population that is not all ages (survival: adults) and has no all-ages cell beside it: its groups add up to it
            for (String kind : partitions().subList(2, partitions().size())) {
                add("population groups (" + kind + ") in " + age, i, dimensions.ageKinds().entrySet().stream()
                        .filter(e -> e.getValue().equals(kind)).map(e -> withAge(c, e.getKey())).toList());
            }
        }
        List<String> periods = subPeriods(c.periodCode());
        if (!periods.isEmpty()) {
            add("periods", i, periods.stream().map(c::inPeriod).toList());
        }
        List<Integer> diagnoses = c.diagnosisCode().equals("ALL") ? byDiagnosisContext.get(c) : null;
        if (diagnoses != null) {
            relations.add(new Relation("diagnoses in ALL", i, diagnoses.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    /** The kinds of groups that partition all ages: broad groups, five-year bands, and each population-group dimension. */
    private List<String> partitions() {
        List<String> kinds = new ArrayList<>(List.of("broad", "band"));
        dimensions.ageKinds().values().stream().filter(k -> !List.of("broad", "band", "open_top", "total").contains(k)).distinct().sorted()
                .forEach(kinds::add);
        return kinds;
    }

    /** A healthcare region = its whole regions + the halves of its split regions. */
    private void healthcareRegion(int i, Cell c) {
        List<Integer> parts = new ArrayList<>();
        for (String region : dimensions.regionsOf(c.geoCode())) {
            if (dimensions.healthcareRegions().get(region).size() > 1) {
                parts.add(latent(c.withGeo("region", region), c.geoCode()));
            } else {
                Integer part = index.get(c.withGeo("region", region));
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        if (!parts.isEmpty()) {
            relations.add(new Relation("regions in a healthcare region", i, parts.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    /** The unpublished part of split region {@code regionCell} that lies in {@code healthcareRegion}. */
    private int latent(Cell regionCell, String healthcareRegion) {
        String name = regionCell + " in " + healthcareRegion;
        return latents.computeIfAbsent(name, k -> cells.size() + latents.size());
    }

    private void add(String kind, int total, List<Cell> candidates) {
        int[] parts = candidates.stream().map(index::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
        if (parts.length > 0) {
            relations.add(new Relation(kind, total, parts));
        }
    }

    private static Cell withAge(Cell c, String age) {
        return new Cell(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(), age);
    }

    private static Cell withDiagnosis(Cell c, String diagnosis) {
        return new Cell(c.periodCode(), c.geoLevel(), c.geoCode(), diagnosis, c.sexCode(), c.ageGroupCode());
    }

    /** A year's half-years, a half-year's quarters, a quarter's months; none for a month. */
    static List<String> subPeriods(String period) {
        if (period.matches("\\d{4}")) {
            return List.of(period + "H1", period + "H2");
        }
        if (period.matches("\\d{4}H[12]")) {
            int half = period.charAt(5) - '0';
            String year = period.substring(0, 4);
            return List.of(year + "Q" + (2 * half - 1), year + "Q" + (2 * half));
        }
        if (period.matches("\\d{4}Q[1-4]")) {
            int quarter = period.charAt(5) - '0';
            String year = period.substring(0, 4);
            List<String> months = new ArrayList<>();
            for (int m = 3 * quarter - 2; m <= 3 * quarter; m++) {
                months.add(year + "-" + (m < 10 ? "0" : "") + m);
            }
            return months;
        }
        return List.of();
    }
}
