package se.lagesbild.warehouse.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * WHO HEAT's summary measures of inequality between population groups that need no order
 * (country of birth, and ordered dimensions too), after Schlotheuber A, Hosseinpoor AR, Summary
 * measures of health inequality, Int J Environ Res Public Health 2022;19:3697, and WHO's HEAT
 * technical notes. With groups j = 1…k, estimates yⱼ, standard errors seⱼ, population shares
 * pⱼ = nⱼ / Σn and the setting average μ = Σ pⱼyⱼ (the total's value when the groups are the whole
 * population), and y_ref the reference group's estimate (the most advantaged group for an ordered
 * dimension, else the best: the highest for a favourable indicator, the lowest for an adverse one):
 * <ul>
 * <li>difference Dⱼ = yⱼ − y_ref, se √(seⱼ² + se_ref²); ratio Rⱼ = yⱼ / y_ref, on the log scale with se
 *   √((seⱼ/yⱼ)² + (se_ref/y_ref)²) (the groups independent);</li>
 * <li>population attributable risk PAR = y_ref − μ and fraction PAF = PAR / μ × 100: how much the
 *   setting would gain if everyone had the reference group's level;</li>
 * <li>between-group variance BGV = Σ pⱼ(yⱼ − μ)², and its standard deviation BGSD = √BGV;</li>
 * <li>mean difference from the best (reference) group, weighted MDBW = Σ pⱼ|yⱼ − y_ref| and unweighted
 *   MDBU = Σ|yⱼ − y_ref| / k, and from the mean, MDMW = Σ pⱼ|yⱼ − μ| and MDMU = Σ|yⱼ − μ| / k;</li>
 * <li>index of disparity IDISW = MDMW / μ × 100 and IDISU = MDMU / μ × 100;</li>
 * <li>Theil index TI = Σ pⱼ (yⱼ/μ) ln(yⱼ/μ) × 1000 and mean log deviation MLD = Σ pⱼ(−ln(yⱼ/μ)) × 1000
 *   (HEAT's scale, ×1000).</li>
 * </ul>
 * Intervals for BGV, BGSD, TI and MLD by the delta method over the groups' estimates (μ moving with
 * them): ∂BGV/∂yⱼ = 2pⱼ(yⱼ − μ); ∂TI/∂yⱼ = 1000·pⱼ/μ·[(1 + ln(yⱼ/μ)) − Σᵢ pᵢ(yᵢ/μ)(1 + ln(yᵢ/μ))]
 * (as Ahn et al., JCO Clin Cancer Inform 2018;2:1–19); ∂MLD/∂yⱼ = 1000·pⱼ(1/μ − 1/yⱼ); BGSD's from
 * BGV's, se/(2·BGSD). The other measures are given without an interval (HEAT simulates them).
 *
 * <p>Edge cases: the measures need at least two groups with population (NaN otherwise); TI and MLD
 * need every estimate above 0 (NaN otherwise: HEAT replaces 0 by 10⁻⁶, which makes the value
 * depend on that choice); relative measures are NaN when μ is 0; groups without population are
 * left out. A group "uppgift saknas" is no population group of interest and is left out by the
 * caller.
 */
public final class GroupInequality {
    private GroupInequality() {
    }

    /** One group's estimate, standard error and population. */
    public record Group(String code, double estimate, double standardError, double population) {
    }

    /** Every measure, the reference group, μ, and each group's difference and ratio to the reference. */
    public record Result(String reference, double settingAverage, List<InequalityMeasure> measures,
                         List<InequalityMeasure> differences, List<InequalityMeasure> ratios) implements java.io.Serializable {
        public InequalityMeasure measure(String code) {
            return measures.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
        }
    }

    /**
     * @param reference      the reference group's code, or null for the best group by {@code higherIsBetter}
     * @param higherIsBetter whether the indicator is favourable
     */
    public static Result of(List<Group> all, String reference, boolean higherIsBetter, Confidence confidence) {
        List<Group> groups = all.stream().filter(g -> g.population() > 0).toList();
        int k = groups.size();
        double total = groups.stream().mapToDouble(Group::population).sum();
        double[] p = groups.stream().mapToDouble(g -> g.population() / total).toArray();
        double[] y = groups.stream().mapToDouble(Group::estimate).toArray();
        double[] se = groups.stream().mapToDouble(Group::standardError).toArray();
        int ref = referenceIndex(groups, reference, higherIsBetter);
        double mu = 0;
        for (int j = 0; j < k; j++) {
            mu += p[j] * y[j];
        }
        List<InequalityMeasure> measures = new ArrayList<>();
        if (k < 2 || ref < 0) {
            for (String code : List.of("bgv", "bgsd", "mdbw", "mdbu", "mdmw", "mdmu", "idisw", "idisu", "par", "paf", "ti", "mld")) {
                measures.add(InequalityMeasure.point(code, Double.NaN));
            }
            return new Result(ref < 0 ? null : groups.get(ref).code(), mu, measures, List.of(), List.of());
        }
        double yRef = y[ref];
        double bgv = 0;
        double mdbw = 0;
        double mdbu = 0;
        double mdmw = 0;
        double mdmu = 0;
        double ti = 0;
        double mld = 0;
        double tiCentre = 0;
        boolean positive = true;
        for (int j = 0; j < k; j++) {
            bgv += p[j] * (y[j] - mu) * (y[j] - mu);
            mdbw += p[j] * Math.abs(y[j] - yRef);
            mdbu += Math.abs(y[j] - yRef) / k;
            mdmw += p[j] * Math.abs(y[j] - mu);
            mdmu += Math.abs(y[j] - mu) / k;
            positive &= y[j] > 0;
            double rj = y[j] / mu;
            ti += p[j] * rj * Math.log(rj);
            mld -= p[j] * Math.log(rj);
            tiCentre += p[j] * rj * (1 + Math.log(rj));
        }
        double varBgv = 0;
        double varTi = 0;
        double varMld = 0;
        for (int j = 0; j < k; j++) {
            double gBgv = 2 * p[j] * (y[j] - mu);
            double gTi = 1000 * p[j] / mu * (1 + Math.log(y[j] / mu) - tiCentre);
            double gMld = 1000 * p[j] * (1 / mu - 1 / y[j]);
            varBgv += gBgv * gBgv * se[j] * se[j];
            varTi += gTi * gTi * se[j] * se[j];
            varMld += gMld * gMld * se[j] * se[j];
        }
        InequalityMeasure bgvMeasure = InequalityMeasure.normal("bgv", bgv, Math.sqrt(varBgv), confidence);
        measures.add(bgvMeasure);
        double bgsd = Math.sqrt(bgv);
        measures.add(InequalityMeasure.normal("bgsd", bgsd, Math.sqrt(varBgv) / (2 * bgsd), confidence));
        measures.add(InequalityMeasure.point("mdbw", mdbw));
        measures.add(InequalityMeasure.point("mdbu", mdbu));
        measures.add(InequalityMeasure.point("mdmw", mdmw));
        measures.add(InequalityMeasure.point("mdmu", mdmu));
        measures.add(InequalityMeasure.point("idisw", mu == 0 ? Double.NaN : mdmw / mu * 100));
        measures.add(InequalityMeasure.point("idisu", mu == 0 ? Double.NaN : mdmu / mu * 100));
        measures.add(InequalityMeasure.point("par", yRef - mu));
        measures.add(InequalityMeasure.point("paf", mu == 0 ? Double.NaN : (yRef - mu) / mu * 100));
        measures.add(positive ? InequalityMeasure.normal("ti", ti * 1000, Math.sqrt(varTi), confidence) : InequalityMeasure.point("ti", Double.NaN));
        measures.add(positive ? InequalityMeasure.normal("mld", mld * 1000, Math.sqrt(varMld), confidence) : InequalityMeasure.point("mld", Double.NaN));
        List<InequalityMeasure> differences = new ArrayList<>();
        List<InequalityMeasure> ratios = new ArrayList<>();
        double z = confidence.z();
        for (int j = 0; j < k; j++) {
            String code = groups.get(j).code();
            double dse = j == ref ? 0 : Math.sqrt(se[j] * se[j] + se[ref] * se[ref]);
            differences.add(InequalityMeasure.normal(code, y[j] - yRef, dse, confidence));
            double log = Math.log(y[j] / yRef);
            double lse = j == ref ? 0 : Math.sqrt(Math.pow(se[j] / y[j], 2) + Math.pow(se[ref] / yRef, 2));
            ratios.add(new InequalityMeasure(code, Math.exp(log), lse, Math.exp(log - z * lse), Math.exp(log + z * lse)));
        }
        return new Result(groups.get(ref).code(), mu, List.copyOf(measures), List.copyOf(differences), List.copyOf(ratios));
    }

    private static int referenceIndex(List<Group> groups, String reference, boolean higherIsBetter) {
        int best = -1;
        for (int j = 0; j < groups.size(); j++) {
            Group g = groups.get(j);
            if (reference != null) {
                if (g.code().equals(reference)) {
                    return j;
                }
            } else if (best < 0 || (higherIsBetter ? g.estimate() > groups.get(best).estimate() : g.estimate() < groups.get(best).estimate())) {
                best = j;
            }
        }
        return reference != null ? -1 : best;
    }
}
