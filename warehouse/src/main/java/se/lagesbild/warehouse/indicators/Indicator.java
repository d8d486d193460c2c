package se.lagesbild.warehouse.indicators;

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
 */
public record Indicator(String code, int goal, String titleSv, String titleEn, String descriptionSv, String descriptionEn, String unit,
                        String direction, Double target, String method, Double methodParam, String scope, String dataSource,
                        String martView, String disclosureFamily, String methodOptions) {

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
}
