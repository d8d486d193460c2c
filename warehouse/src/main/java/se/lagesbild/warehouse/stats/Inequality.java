package se.lagesbild.warehouse.stats;

/**
 * Summaries of inequality between regions (as OHID Fingertips and WHO HEAT name them).
 *
 * @param range                        max − min
 * @param maxMinRatio                  max / min (NaN when min is 0)
 * @param coefficientOfVariation       standard deviation / mean (population SD over the regions, unweighted)
 * @param indexOfDisparity             mean |rᵢ − r_best| / r_best × 100 (Pearcy and Keppel 2002)
 * @param meanDifferenceFromBest       mean |rᵢ − r_best|
 * @param betweenGroupVariance         Σ wᵢ(rᵢ − μ)², wᵢ population shares, μ = Σ wᵢrᵢ (WHO HEAT "BGV")
 * @param best                         the best value (highest or lowest as the indicator's direction says)
 */
public record Inequality(double range, double maxMinRatio, double coefficientOfVariation, double indexOfDisparity,
                         double meanDifferenceFromBest, double betweenGroupVariance, double best) {

    /**
     * @param values          one value per region
     * @param populationShare each region's weight (population or denominator), any scale
     * @param higherIsBetter  which end is best
     */
    public static Inequality of(double[] values, double[] populationShare, boolean higherIsBetter) {
        if (values.length == 0 || values.length != populationShare.length) {
            throw new IllegalArgumentException("one value and one weight per region, at least one region");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double totalWeight = 0;
        double weighted = 0;
        for (int i = 0; i < values.length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
            sum += values[i];
            totalWeight += populationShare[i];
            weighted += populationShare[i] * values[i];
        }
        double mean = sum / values.length;
        double best = higherIsBetter ? max : min;
        double squares = 0;
        double fromBest = 0;
        double bgv = 0;
        double mu = weighted / totalWeight;
        for (int i = 0; i < values.length; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
            fromBest += Math.abs(values[i] - best);
            bgv += populationShare[i] / totalWeight * (values[i] - mu) * (values[i] - mu);
        }
        double sd = Math.sqrt(squares / values.length);
        double meanFromBest = fromBest / values.length;
        return new Inequality(max - min, min == 0 ? Double.NaN : max / min, mean == 0 ? Double.NaN : sd / mean,
                best == 0 ? Double.NaN : meanFromBest / best * 100, meanFromBest, bgv, best);
    }
}
