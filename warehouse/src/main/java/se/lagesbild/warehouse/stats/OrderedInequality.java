package se.lagesbild.warehouse.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * WHO HEAT's complex measures of inequality over ordered groups (education levels, income
 * quintiles): the slope and relative index of inequality and the absolute and relative
 * concentration index (Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a
 * review of existing measures and their application. Int J Environ Res Public Health
 * 2022;19:3697; WHO, Health Equity Assessment Toolkit technical notes; WHO's R package healthequal).
 *
 * <p><b>Ranks.</b> The groups are sorted from the most disadvantaged (order 1) to the most
 * advantaged, and each gets the ridit midpoint of its population: with pⱼ = nⱼ / Σn,
 * rⱼ = Σ_{i&lt;j} pᵢ + pⱼ/2, so the whole population runs from rank 0 to rank 1.
 *
 * <p><b>Slope and relative index (SII, RII).</b> The estimate is regressed on the rank by the model
 * that fits the indicator (as HEAT: logistic for shares, a linear model otherwise), fitted by
 * iteratively reweighted least squares to full double precision:
 * <ul>
 * <li>{@link Model#BINOMIAL}, a share: numerators dⱼ of nⱼ, logit πⱼ = β₀ + β₁rⱼ (R: {@code glm(cbind(d, n - d) ~ r,
 *   binomial)}); every person counts once (HEAT's healthequal also multiplies the grouped
 *   likelihood by the population, which changes the fit; it is not done here);</li>
 * <li>{@link Model#POISSON}, a rate: counts dⱼ in populations nⱼ, log(λⱼ) = β₀ + β₁rⱼ with offset log nⱼ
 *   (R: {@code glm(d ~ r + offset(log(n)), poisson)});</li>
 * <li>{@link Model#LINEAR}, a mean or another estimate yⱼ: weighted least squares with weights nⱼ (R:
 *   {@code lm(y ~ r, weights = n)}).</li>
 * </ul>
 * With ŷ(r) the fitted value on the indicator's scale, SII = ŷ(1) − ŷ(0) and RII = ŷ(1) / ŷ(0):
 * positive SII (RII above 1) means the indicator is higher among the advantaged. Intervals, as
 * healthequal: the HC1 sandwich covariance V = k/(k−2) · A·(Σ sⱼsⱼᵀ)·A, with A = (XᵀWX)⁻¹ and sⱼ
 * the group's score (xⱼ(dⱼ − nⱼπⱼ), xⱼ(dⱼ − λⱼnⱼ) or xⱼnⱼ(yⱼ − ŷⱼ)), and the delta method:
 * SII ± z·√(gᵀVg), RII on the log scale, exp(ln RII ± z·se). HC1 is robust to the groups lying off
 * the line, which a model-based covariance on thousands of people would ignore; but estimated from
 * a handful of residuals it can be far narrower than the estimates' own sampling error (three
 * groups: a tenth of it). So the standard error is never below the sampling one: the larger of
 * HC1's and the model's (XᵀWX)⁻¹ for shares and rates, or, for the linear model with each group's
 * standard error seⱼ given (survival, means), A·(Σ nⱼ²seⱼ²xⱼxⱼᵀ)·A (healthequal uses HC1 alone).
 *
 * <p><b>Concentration indices (ACI, RCI).</b> ACI = 2·Σ pⱼ rⱼ yⱼ − μ with μ = Σ pⱼyⱼ: the coefficient of
 * the weighted regression of 2σ²·yⱼ on rⱼ (σ² = Σ pⱼ(rⱼ − ½)², weights nⱼ), whose ordinary standard
 * error (residual variance on k − 2 degrees of freedom) gives the interval; RCI = ACI / μ on the
 * scale −1 to 1, its interval ACI's divided by μ (μ held fixed), as healthequal.
 *
 * <p>Edge cases: at least two groups with population for a point estimate, three for intervals
 * (NaN otherwise: two points fit any line exactly); a share that is 0 or 1 in every group, or a
 * rate with no events, has no logistic or log-linear fit (NaN); groups with no population are
 * left out; an estimate that does not vary gives SII 0 with an interval of zero width. Groups
 * without an order ("uppgift saknas") belong to no rank and are left out by the caller.
 */
public final class OrderedInequality {
    private OrderedInequality() {
    }

    /** How the estimate depends on the rank. */
    public enum Model { BINOMIAL, POISSON, LINEAR }

    /**
     * One group: its place in the order (1 the most disadvantaged), numerator (shares and rates)
     * or estimate (linear model), and population or denominator.
     */
    public record Group(int order, double numerator, double estimate, double population, double standardError) {
        /** A group whose estimate's own standard error is not known (shares and rates: the model knows it). */
        public Group(int order, double numerator, double estimate, double population) {
            this(order, numerator, estimate, population, Double.NaN);
        }
    }

    /** The fitted line, the four measures and the ranks the groups got, in the groups' order. */
    public record Result(double intercept, double slope, double[] ranks, List<InequalityMeasure> measures) implements java.io.Serializable {
        public InequalityMeasure measure(String code) {
            return measures.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
        }
    }

    /** The ridit midpoints of the groups' populations, in the order given (already sorted). */
    public static double[] ridits(double[] population) {
        double total = 0;
        for (double n : population) {
            total += n;
        }
        double[] ranks = new double[population.length];
        double below = 0;
        for (int j = 0; j < population.length; j++) {
            ranks[j] = (below + population[j] / 2) / total;
            below += population[j];
        }
        return ranks;
    }

    /**
     * SII, RII, ACI and RCI of {@code groups} (any order; sorted here by {@link Group#order()}).
     *
     * @param scale the indicator's scale: 100 for a share in per cent, 100 000 for a rate per
     *              100 000, 1 for a mean; estimates of binomial and Poisson groups are numerator /
     *              population × scale
     */
    public static Result of(List<Group> groups, Model model, double scale, Confidence confidence) {
        List<Group> sorted = new ArrayList<>(groups.stream().filter(g -> g.population() > 0).toList());
        sorted.sort(java.util.Comparator.comparingInt(Group::order));
        int k = sorted.size();
        double[] n = sorted.stream().mapToDouble(Group::population).toArray();
        double[] y = new double[k];
        for (int j = 0; j < k; j++) {
            Group g = sorted.get(j);
            y[j] = model == Model.LINEAR ? g.estimate() : g.numerator() / g.population() * scale;
        }
        double[] r = ridits(n);
        List<InequalityMeasure> measures = new ArrayList<>();
        Fit fit = k < 2 ? null : fit(sorted, r, model);
        if (fit == null) {
            for (String code : List.of("sii", "rii")) {
                measures.add(InequalityMeasure.point(code, Double.NaN));
            }
        } else {
            measures.add(slopeIndex(fit, model, scale, k, confidence));
            measures.add(relativeIndex(fit, model, k, confidence));
        }
        measures.addAll(concentration(y, n, r, confidence));
        return new Result(fit == null ? Double.NaN : fit.b0, fit == null ? Double.NaN : fit.b1, r, List.copyOf(measures));
    }

    /** The fitted coefficients, their HC1 covariance, and the covariance the groups' own sampling errors give (null: not known). */
    private record Fit(double b0, double b1, double[][] hc1, double[][] sampling) {
        /** √(gᵀVg), the larger of the HC1 and the sampling standard error of a contrast g. */
        double standardError(double[] g) {
            double robust = Math.sqrt(quadratic(g, hc1));
            return sampling == null ? robust : Math.max(robust, Math.sqrt(quadratic(g, sampling)));
        }
    }

    /** The inverse link: the fitted value at η on the model's own scale (share, rate per person, mean). */
    private static double mean(Model model, double eta) {
        return switch (model) {
            case BINOMIAL -> 1 / (1 + Math.exp(-eta));
            case POISSON -> Math.exp(eta);
            case LINEAR -> eta;
        };
    }

    /** dμ/dη. */
    private static double slope(Model model, double eta) {
        return switch (model) {
            case BINOMIAL -> mean(model, eta) * (1 - mean(model, eta));
            case POISSON -> Math.exp(eta);
            case LINEAR -> 1;
        };
    }

    private static InequalityMeasure slopeIndex(Fit f, Model model, double scale, int k, Confidence confidence) {
        double value = (mean(model, f.b0 + f.b1) - mean(model, f.b0)) * scale;
        double[] g = {(slope(model, f.b0 + f.b1) - slope(model, f.b0)) * scale, slope(model, f.b0 + f.b1) * scale};
        return k < 3 ? InequalityMeasure.point("sii", value) : InequalityMeasure.normal("sii", value, f.standardError(g), confidence);
    }

    private static InequalityMeasure relativeIndex(Fit f, Model model, int k, Confidence confidence) {
        double top = mean(model, f.b0 + f.b1);
        double bottom = mean(model, f.b0);
        double log = Math.log(top / bottom);
        if (k < 3 || !(top > 0 && bottom > 0)) {
            return InequalityMeasure.point("rii", top / bottom);
        }
        double[] g = {slope(model, f.b0 + f.b1) / top - slope(model, f.b0) / bottom, slope(model, f.b0 + f.b1) / top};
        double se = f.standardError(g);
        double z = confidence.z();
        return new InequalityMeasure("rii", Math.exp(log), se, Math.exp(log - z * se), Math.exp(log + z * se));
    }

    /** ACI and RCI by the convenient regression (see the class comment). */
    private static List<InequalityMeasure> concentration(double[] y, double[] n, double[] r, Confidence confidence) {
        int k = y.length;
        double total = 0;
        for (double x : n) {
            total += x;
        }
        double mu = 0;
        double sigma2 = 0;
        double pry = 0;
        for (int j = 0; j < k; j++) {
            double p = n[j] / total;
            mu += p * y[j];
            sigma2 += p * (r[j] - 0.5) * (r[j] - 0.5);
            pry += p * r[j] * y[j];
        }
        double aci = k < 2 ? Double.NaN : 2 * pry - mu;
        if (k < 3) {
            return List.of(InequalityMeasure.point("aci", aci), InequalityMeasure.point("rci", aci / mu));
        }
        // weighted least squares of 2σ²y on r: the residuals around the fitted line, k − 2 degrees of freedom
        double intercept = 2 * sigma2 * mu - aci * 0.5;
        double residual = 0;
        double spread = 0;
        for (int j = 0; j < k; j++) {
            double e = 2 * sigma2 * y[j] - intercept - aci * r[j];
            residual += n[j] * e * e;
            spread += n[j] * (r[j] - 0.5) * (r[j] - 0.5);
        }
        double se = Math.sqrt(residual / (k - 2) / spread);
        InequalityMeasure a = InequalityMeasure.normal("aci", aci, se, confidence);
        return List.of(a, new InequalityMeasure("rci", aci / mu, se / Math.abs(mu), a.lower() / mu, a.upper() / mu));
    }

    /**
     * The model's maximum-likelihood (or weighted least squares) line by iteratively reweighted
     * least squares, and its HC1 covariance; null when there is no finite fit.
     */
    private static Fit fit(List<Group> groups, double[] r, Model model) {
        int k = groups.size();
        double[] d = new double[k];
        double[] n = new double[k];
        double sumD = 0;
        double sumN = 0;
        for (int j = 0; j < k; j++) {
            d[j] = model == Model.LINEAR ? groups.get(j).estimate() : groups.get(j).numerator();
            n[j] = groups.get(j).population();
            sumD += model == Model.LINEAR ? 0 : d[j];
            sumN += n[j];
        }
        if (model == Model.BINOMIAL && (sumD <= 0 || sumD >= sumN) || model == Model.POISSON && sumD <= 0) {
            return null;
        }
        double b0 = switch (model) {
            case BINOMIAL -> Math.log(sumD / (sumN - sumD));
            case POISSON -> Math.log(sumD / sumN);
            case LINEAR -> 0;
        };
        double b1 = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double swx0 = 0;
            double swx1 = 0;
            double swx2 = 0;
            double swz0 = 0;
            double swz1 = 0;
            for (int j = 0; j < k; j++) {
                double eta = b0 + b1 * r[j];
                double w = weight(model, n[j], eta);
                double zj = model == Model.LINEAR ? d[j] : eta + score(model, d[j], n[j], eta) / w;
                swx0 += w;
                swx1 += w * r[j];
                swx2 += w * r[j] * r[j];
                swz0 += w * zj;
                swz1 += w * zj * r[j];
            }
            double det = swx0 * swx2 - swx1 * swx1;
            if (!(det > 0)) {
                return null;
            }
            double n0 = (swx2 * swz0 - swx1 * swz1) / det;
            double n1 = (swx0 * swz1 - swx1 * swz0) / det;
            boolean done = Math.abs(n0 - b0) <= 1e-15 * Math.max(1, Math.abs(n0)) && Math.abs(n1 - b1) <= 1e-15 * Math.max(1, Math.abs(n1));
            b0 = n0;
            b1 = n1;
            if (model == Model.LINEAR || done) {
                break;
            }
        }
        if (!Double.isFinite(b0) || !Double.isFinite(b1)) {
            return null;
        }
        double[] se = groups.stream().mapToDouble(Group::standardError).toArray();
        return new Fit(b0, b1, hc1(d, n, r, b0, b1, model), sampling(n, r, b0, b1, se, model));
    }

    /**
     * The covariance of the coefficients from the groups' own sampling errors: for a binomial or
     * Poisson fit the model's, (XᵀWX)⁻¹; for the weighted linear fit, whose estimates carry their
     * standard errors seⱼ, A·(Σ nⱼ²·seⱼ²·xⱼxⱼᵀ)·A with A = (XᵀNX)⁻¹ (the fit is linear in the
     * estimates); null when a linear group's error is not known.
     */
    private static double[][] sampling(double[] n, double[] r, double b0, double b1, double[] se, Model model) {
        if (model != Model.LINEAR) {
            return inverse(information(n, r, b0, b1, model));
        }
        double[][] meat = new double[2][2];
        for (int j = 0; j < n.length; j++) {
            if (!Double.isFinite(se[j])) {
                return null;
            }
            add(meat, n[j] * n[j] * se[j] * se[j], r[j]);
        }
        return sandwich(inverse(information(n, r, b0, b1, model)), meat, 1);
    }

    /** The working weight of a group at the line's η: its population times dμ/dη (nπ(1−π), nλ, n). */
    private static double weight(Model model, double n, double eta) {
        return n * slope(model, eta);
    }

    /** A group's score residual: observed minus fitted count (binomial, Poisson), or n times the estimate's residual (linear). */
    private static double score(Model model, double d, double n, double eta) {
        return model == Model.LINEAR ? n * (d - eta) : d - n * mean(model, eta);
    }

    /** XᵀWX at the line: Σ wⱼ·xⱼxⱼᵀ with xⱼ = (1, rⱼ). */
    private static double[][] information(double[] n, double[] r, double b0, double b1, Model model) {
        double[][] information = new double[2][2];
        for (int j = 0; j < n.length; j++) {
            add(information, weight(model, n[j], b0 + b1 * r[j]), r[j]);
        }
        return information;
    }

    /** m += c·xxᵀ with x = (1, r). */
    private static void add(double[][] m, double c, double r) {
        double[] x = {1, r};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                m[a][b] += c * x[a] * x[b];
            }
        }
    }

    private static double[][] inverse(double[][] m) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    /** factor·A·B·A. */
    private static double[][] sandwich(double[][] bread, double[][] meat, double factor) {
        double[][] v = new double[2][2];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double s = 0;
                for (int c = 0; c < 2; c++) {
                    for (int e = 0; e < 2; e++) {
                        s += bread[a][c] * meat[c][e] * bread[e][b];
                    }
                }
                v[a][b] = factor * s;
            }
        }
        return v;
    }

    /** The HC1 sandwich k/(k−2)·A·B·A at the fitted line (NaN for fewer than three groups). */
    private static double[][] hc1(double[] d, double[] n, double[] r, double b0, double b1, Model model) {
        int k = d.length;
        double[][] meat = new double[2][2];
        for (int j = 0; j < k; j++) {
            double u = score(model, d[j], n[j], b0 + b1 * r[j]);
            add(meat, u * u, r[j]);
        }
        return sandwich(inverse(information(n, r, b0, b1, model)), meat, k > 2 ? (double) k / (k - 2) : Double.NaN);
    }

    /** gᵀVg. */
    private static double quadratic(double[] g, double[][] v) {
        return g[0] * g[0] * v[0][0] + 2 * g[0] * g[1] * v[0][1] + g[1] * g[1] * v[1][1];
    }
}
