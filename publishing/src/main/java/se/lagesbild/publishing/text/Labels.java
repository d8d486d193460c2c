package se.lagesbild.publishing.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.dimensions.Dimensions;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * Every code a reader could meet, with its label in one language, read once from the warehouse's
 * dimensions and catalogue: regions and healthcare regions, diagnoses, age groups, sexes, periods,
 * goals and indicators. A code without a label is shown as it is.
 */
public final class Labels implements java.io.Serializable {
    private final Language language;
    private final Map<String, String> regions;
    private final Map<String, String> healthcareRegions;
    private final Map<String, String> diagnoses;
    private final Map<String, String> ageGroups;
    private final Map<String, String> sexes;
    private final Map<String, String> periods;
    private final Map<String, String> goals;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();

    private Labels(Warehouse warehouse, Language language) {
        this.language = language;
        regions = of(Dimensions.regions(warehouse));
        healthcareRegions = of(Dimensions.healthcareRegions(warehouse));
        diagnoses = of(Dimensions.diagnoses(warehouse));
        ageGroups = new LinkedHashMap<>(of(Dimensions.ageGroups(warehouse)));
        // a population group (education:FGY) stands where an age group does in a cell
        ageGroups.putAll(of(Dimensions.populationGroups(warehouse)));
        sexes = of(Dimensions.sexes(warehouse));
        periods = of(Dimensions.periods(warehouse));
        goals = of(Dimensions.goals(warehouse));
        Catalogue.all(warehouse).forEach(i -> indicators.put(i.code(), i));
    }

    public static Labels of(Warehouse warehouse, Language language) {
        return new Labels(warehouse, language);
    }

    /** No labels at all: every code is shown as it is (for tables that carry their names in columns of their own). */
    public static Labels none(Language language) {
        return new Labels(language);
    }

    private Labels(Language language) {
        this.language = language;
        regions = Map.of();
        healthcareRegions = Map.of();
        diagnoses = Map.of();
        ageGroups = Map.of();
        sexes = Map.of();
        periods = Map.of();
        goals = Map.of();
    }

    public Language language() {
        return language;
    }

    /** Riket's and every region's name by code, in the dimension's order. */
    public Map<String, String> regions() {
        return regions;
    }

    /** A region's, healthcare region's or Riket's name (by {@code level} when given: "healthcare_region" or other). */
    public String geography(String code, String level) {
        if ("healthcare_region".equals(level)) {
            return healthcareRegions.getOrDefault(code, code);
        }
        return regions.getOrDefault(code, healthcareRegions.getOrDefault(code, code));
    }

    public String diagnosis(String code) {
        return diagnoses.getOrDefault(code, code);
    }

    public String ageGroup(String code) {
        return ageGroups.getOrDefault(code, code);
    }

    public String sex(Object code) {
        return code == null ? "" : sexes.getOrDefault(code.toString(), code.toString());
    }

    /** A period's name (2026 → "2026", 2026H1 → "första halvåret 2026"). */
    public String period(String code) {
        return code == null ? "" : periods.getOrDefault(code, code);
    }

    public String goal(Object code) {
        return code == null ? "" : goals.getOrDefault(code.toString(), code.toString());
    }

    /** The catalogue's indicator {@code code}, or null. */
    public Indicator indicator(String code) {
        return indicators.get(code);
    }

    /** The indicator's title in the language, or the code when it is not in the catalogue. */
    public String indicatorTitle(String code) {
        Indicator i = indicators.get(code);
        return i == null ? code : language.title(i);
    }

    private Map<String, String> of(List<Dimensions.Member> members) {
        Map<String, String> labels = new LinkedHashMap<>();
        members.forEach(m -> labels.put(m.code(), language.label(m)));
        return labels;
    }

    /** Columns whose values are status words ("improved", "not tested (median)"). */
    private static final java.util.Set<String> STATUSES = java.util.Set.of("status", "revised_status", "published_status", "comparison",
            "decision");

    /**
     * A word value of {@code column} as the language writes it, the one place the page and the workbook
     * label them: a status ("improved" → "förbättrad"; "not tested (median)" → "inte testad (median)"),
     * a revision ("unchanged" → "oförändrad": a figure that stayed the same, not a change that was not
     * significant), a funnel position ("Low (0.001)" → "låg, utanför 99,8 %"), a geographic level
     * ("country" → "riket"); any other value as it is.
     */
    public String word(String column, String value) {
        if (value == null) {
            return null;
        }
        return switch (column) {
            case "funnel_position" -> java.util.Arrays.stream(se.lagesbild.warehouse.stats.Funnels.Position.values())
                    .filter(p -> p.label().equals(value)).findFirst().map(p -> language.text("funnel." + p.name())).orElse(value);
            case "revision" -> language.has("revision." + value) ? language.text("revision." + value) : status(value);
            case "geo_level", "level" -> language.textOr("level." + value, value);
            case "dimension" -> language.textOr("dimension." + value, value);
            case "reference_group" -> ageGroup(value);
            default -> STATUSES.contains(column) ? status(value) : value;
        };
    }

    private String status(String status) {
        int bracket = status.indexOf(" (");
        String word = bracket < 0 ? status : status.substring(0, bracket);
        String key = "status." + word.replace(' ', '_');
        return language.has(key) ? language.text(key) + (bracket < 0 ? "" : status.substring(bracket)) : status;
    }
}
