package se.lagesbild.warehouse.stats;

/** Chi-square test for trend in proportions over ordered periods (Cochran–Armitage). */
public final class Trend {
    private Trend() {
    }

    /**
     * χ² = (Σ xᵢtᵢ − p·Σ nᵢtᵢ)² / (p(1 − p)·(Σ nᵢtᵢ² − (Σ nᵢtᵢ)²/N)) with 1 degree of freedom, for
     * x of n in period i with score tᵢ (e.g. the year), p = Σx/N (Armitage 1955; as R's prop.trend.test).
     * Computed with the scores centred on their weighted mean (the same χ²: Σ xᵢ(tᵢ − t̄) = Σ xᵢtᵢ −
     * p·Σ nᵢtᵢ when t̄ = Σ nᵢtᵢ/N), and the p-value from the chi-square upper tail, so it keeps its
     * relative accuracy however strong the trend (checked against R 4.2.2 to 1e-9).
     * NaN with fewer than two periods, no variance in p or none in the scores.
     */
    public static TestResult chiSquaredForTrend(double[] x, double[] n, double[] scores) {
        if (x.length != n.length || x.length != scores.length) {
            throw new IllegalArgumentException("x, n and scores need one value per period each");
        }
        double sx = 0;
        double sn = 0;
        double snt = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            sn += n[i];
            snt += n[i] * scores[i];
        }
        // scores centred on their weighted mean: the same statistic without cancellation when the
        // scores are calendar years
        double centre = snt / sn;
        double sxt = 0;
        double sntt = 0;
        for (int i = 0; i < x.length; i++) {
            double t = scores[i] - centre;
            sxt += x[i] * t;
            sntt += n[i] * t * t;
        }
        double p = sx / sn;
        double denominator = p * (1 - p) * sntt;
        if (x.length < 2 || !(denominator > 0)) {
            return TestResult.notAvailable("chi-square test for trend");
        }
        double statistic = sxt * sxt / denominator;
        return new TestResult(statistic, Confidence.chiSquaredPValue(statistic, 1), "chi-square test for trend");
    }
}
