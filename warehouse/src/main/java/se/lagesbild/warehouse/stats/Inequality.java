package se.lagesbild.warehouse.stats;

/**
 * Summaries of inequality between regions (as OHID Fingertips and WHO HEAT name them).
 *
 * @param range                  max − min
 * @param maxMinRatio            max / min (NaN when min is 0)
 * @param coefficientOfVariation standard deviation / mean (population SD over the regions, unweighted)
 * @param indexOfDisparity       Pearcy and Keppel's index of disparity against the best region, in per cent
 *                               ({@link #indexOfDisparity(double[], Reference, boolean)})
 * @param meanDifferenceFromBest mean |rᵢ − r_best| over all J regions, the best one contributing 0 (WHO
 *                               HEAT's unweighted "mean difference from best performing subgroup")
 * @param betweenGroupVariance   Σ wᵢ(rᵢ − μ)², wᵢ population shares, μ = Σ wᵢrᵢ (WHO HEAT "BGV")
 * @param best                   the best value (highest or lowest as the indicator's direction says)
 */
public record Inequality(double range, double maxMinRatio, double coefficientOfVariation, double indexOfDisparity,
                         double meanDifferenceFromBest, double betweenGroupVariance, double best) implements java.io.Serializable {

    /**
     * What the index of disparity measures the regions against: the best region ({@link #best()}),
     * the unweighted mean of the regions ({@link #mean()}), or a given value such as Riket's
     * ({@link #value(double)}).
     */
    public record Reference(String kind, double value) {
        public static Reference best() {
            return new Reference("best", Double.NaN);
        }

        public static Reference mean() {
            return new Reference("mean", Double.NaN);
        }

        public static Reference value(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("the reference of the index of disparity must be a number, not " + value);
            }
            return new Reference("value", value);
        }
    }

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
                indexOfDisparity(values, Reference.best(), higherIsBetter), meanFromBest, bgv, best);
    }

    /**
     * The index of disparity (Pearcy JN, Keppel KG. A summary measure of health disparity. Public
     * Health Rep 2002;117:273–280): the average absolute difference between each group's rate and
     * the reference rate R, as a percentage of R:
     * <pre>ID = (Σⱼ |rⱼ − R| / m) / R × 100</pre>
     * where, against the best region (Pearcy and Keppel's choice), the sum runs over the J − 1 other
     * regions and m = J − 1; against a reference that is not one of the regions (their unweighted
     * mean, or a given value such as Riket's), it runs over all J and m = J.
     *
     * <p>Variants not computed here, for readers comparing with other tools: the population-weighted
     * ID (each |rⱼ − R| weighted by the group's share of the population, Harper and Lynch 2005), and
     * ID against the total population's rate computed with the groups' populations. The index is
     * relative: it changes when an indicator is expressed as its complement (e.g. share not within
     * the lead time), so Pearcy and Keppel recommend expressing rates as adverse events.
     *
     * <p>Edge cases: NaN for no regions, for a single region against the best (no other region to
     * compare), or when R is 0.
     */
    public static double indexOfDisparity(double[] values, Reference reference, boolean higherIsBetter) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double r;
        int excluded = -1;
        switch (reference.kind()) {
            case "best" -> {
                excluded = 0;
                for (int i = 1; i < values.length; i++) {
                    if (higherIsBetter ? values[i] > values[excluded] : values[i] < values[excluded]) {
                        excluded = i;
                    }
                }
                r = values[excluded];
            }
            case "mean" -> r = java.util.Arrays.stream(values).average().orElse(Double.NaN);
            default -> r = reference.value();
        }
        int m = excluded >= 0 ? values.length - 1 : values.length;
        if (m == 0 || r == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += i == excluded ? 0 : Math.abs(values[i] - r);
        }
        return sum / m / Math.abs(r) * 100;
    }
}
