package se.lagesbild.warehouse.stats;

/** Chi-square test for trend in proportions over ordered periods (Cochran–Armitage). */
public final class Trend {
    private Trend() {
    }

    /**
     * χ² = (Σ xᵢtᵢ − p·Σ nᵢtᵢ)² / (p(1 − p)·(Σ nᵢtᵢ² − (Σ nᵢtᵢ)²/N)) with 1 degree of freedom, for
     * x of n in period i with score tᵢ (e.g. the year), p = Σx/N (Armitage 1955; as R's prop.trend.test).
     * NaN with fewer than two periods, no variance in p or none in the scores.
     */
    public static TestResult chiSquaredForTrend(double[] x, double[] n, double[] scores) {
        if (x.length != n.length || x.length != scores.length) {
            throw new IllegalArgumentException("x, n and scores need one value per period each");
        }
        double sx = 0;
        double sn = 0;
        double sxt = 0;
        double snt = 0;
        double sntt = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            sn += n[i];
            sxt += x[i] * scores[i];
            snt += n[i] * scores[i];
            sntt += n[i] * scores[i] * scores[i];
        }
        double p = sx / sn;
        double denominator = p * (1 - p) * (sntt - snt * snt / sn);
        if (x.length < 2 || !(denominator > 0)) {
            return TestResult.notAvailable("chi-square test for trend");
        }
        double statistic = Math.pow(sxt - p * snt, 2) / denominator;
        return new TestResult(statistic, Confidence.chiSquaredPValue(statistic, 1), "chi-square test for trend");
    }
}
