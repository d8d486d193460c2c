package se.lagesbild.warehouse.indicators;

import java.util.List;

/**
 * One indicator of the catalogue (table catalogue_indicator).
 *
 * @param method      proportion, rate (per {@code methodParam}), dsr, percentile or mean
 * @param direction   higher_is_better, lower_is_better or neither
 * @param target      the target value where one exists (as a proportion or in the unit), else null
 * @param martView    the view that yields its numerator and denominator at the common grain
 * @param disclosureFamily the indicators that count the same people share one suppression pattern
 *                    (catalogue column disclosure_family; its data source when not set)
 * @param methodOptions the method's options as key=value pairs separated by ';' (survival: the
 *                    analysis, {@link SurvivalOptions}); null when the method's defaults hold
 * @param subgoals    the sub-goals of the follow-up structure it serves, in the structure's order
 *                    (empty when no structure is loaded or the structure leaves it out)
 * @param targetYear  the year its target is to be reached (the structure's), or null
 * @param minBase     the smallest denominator a judgement of it needs (the structure's), or null
 */
public record Indicator(String code, int goal, String titleSv, String titleEn, String descriptionSv, String descriptionEn, String unit,
                        String direction, Double target, String method, Double methodParam, String scope, String dataSource,
                        String martView, String disclosureFamily, String methodOptions, List<String> subgoals, Integer targetYear,
                        Integer minBase) implements java.io.Serializable {

    public Indicator {
        subgoals = List.copyOf(subgoals);
    }

    /**
     * The same indicator placed as a follow-up structure places it (its goal, sub-goals, target and direction; a
     * direction of null keeps the catalogue's). Its data source stays the catalogue's: disclosure control reads it.
     */
    Indicator placed(int goal, List<String> subgoals, String direction, Double target, Integer targetYear, Integer minBase) {
        return new Indicator(code, goal, titleSv, titleEn, descriptionSv, descriptionEn, unit, direction == null ? this.direction : direction,
                target, method, methodParam, scope, dataSource, martView, disclosureFamily,
                methodOptions, subgoals, targetYear, minBase);
    }

    public boolean higherIsBetter() {
        return direction.equals("higher_is_better");
    }

    public boolean lowerIsBetter() {
        return direction.equals("lower_is_better");
    }

    /** Whether a value meets the target (null when there is no target or no value). */
    public Boolean targetMet(double value) {
        if (target == null || Double.isNaN(value)) {
            return null;
        }
        return lowerIsBetter() ? value <= target : value >= target;
    }

    /**
     * The sources whose batches {@code indicators}' values and counts are computed from: those their
     * catalogue rows name, the pathways' aggregated deliveries beside the pathways, and the population
     * and its groups (rates, the geography's population weights, the education, birth-country and
     * income cells). A result computed for these indicators is the same while these sources' batches
     * are ({@link se.lagesbild.warehouse.snapshots.Snapshots#stateKey(se.lagesbild.warehouse.Warehouse,
     * java.util.Collection)}).
     */
    public static java.util.SortedSet<String> sourcesRead(java.util.Collection<Indicator> indicators) {
        java.util.SortedSet<String> sources = new java.util.TreeSet<>(List.of("population", "population-groups"));
        for (Indicator i : indicators) {
            for (String source : i.dataSource().split(",")) {
                sources.add(source.trim());
            }
        }
        if (sources.contains("svf-pathways")) {
            sources.add("svf-aggregates");
        }
        return sources;
    }
}
