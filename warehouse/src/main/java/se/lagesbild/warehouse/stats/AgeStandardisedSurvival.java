package se.lagesbild.warehouse.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Age-standardised net survival with the International Cancer Survival Standards (Corazziari, Quinn,
 * Capocaccia 2004, Eur J Cancer 40:2307–2316): five age groups at diagnosis, 15–44, 45–54, 55–64,
 * 65–74 and 75+, weighted by one of three standards chosen by site ({@link Standard}).
 *
 * <p><b>Traditional</b> (direct) standardisation: S = Σ_k W_k S_k of the age groups' Pohar Perme
 * estimates, var(S) = Σ_k W_k² var(S_k) with var(S_k) = S_k² se(log S_k)². Needs every age group to
 * have an estimate; otherwise not available, naming the group.
 *
 * <p><b>Brenner's individual weighting</b> (Brenner, Arndt, Gefeller, Hakulinen 2004, Eur J Cancer
 * 40:326–335; Rutherford et al. 2020): one Pohar Perme estimate in which each patient of age group
 * k carries w_k = W_k / (n_k / n), the standard's share over the group's share of the patients, so
 * the weighted patients have the standard's age distribution; its variance carries w_k². Needs at
 * least one patient in each group the standard weights; a group may have no estimate of its own.
 * This is the estimator Lägesbild's indicators use, as it holds up in small regions where an age
 * group's own estimate fails.
 *
 * <p>Both are checked against R 4.2.2 with relsurv 2.2.9 (traditional: {@code rs.surv} per age
 * group; Brenner: a direct implementation of relsurv's computation with weights, itself checked
 * against {@code rs.surv} with unit weights).
 */
public final class AgeStandardisedSurvival {
    /** The age groups' lower limits in years; the last group is open. */
    public static final int[] GROUP_FROM = {15, 45, 55, 65, 75};
    /** The age groups as labels. */
    public static final List<String> GROUPS = List.of("15-44", "45-54", "55-64", "65-74", "75+");

    private AgeStandardisedSurvival() {
    }

    /**
     * The three standards. ICSS 1: cancers whose incidence rises with age (most sites, all sites
     * together, prostate); ICSS 2: broadly constant with age (melanoma, cervix, brain, thyroid, soft
     * tissue and bone); ICSS 3: mainly young adults (testis, Hodgkin lymphoma, acute lymphatic
     * leukaemia). Corazziari et al. 2004, table 2.
     */
    public enum Standard {
        ICSS1(0.07, 0.12, 0.23, 0.29, 0.29),
        ICSS2(0.28, 0.17, 0.21, 0.20, 0.14),
        ICSS3(0.60, 0.10, 0.10, 0.10, 0.10);

        private final double[] weights;

        Standard(double... weights) {
            this.weights = weights;
        }

        public double weight(int group) {
            return weights[group];
        }

        public static Standard of(String code) {
            try {
                return valueOf(code.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown survival standard '" + code + "': ICSS1, ICSS2 or ICSS3");
            }
        }
    }

    /** The ICSS age group (0–4) of an age at diagnosis in days, or −1 under 15. */
    public static int group(int ageDays) {
        double years = ageDays / LifeTable.YEAR_DAYS;
        for (int k = GROUP_FROM.length - 1; k >= 0; k--) {
            if (years >= GROUP_FROM[k]) {
                return k;
            }
        }
        return -1;
    }

    /** Each age group's sums from patients (those under 15 are left out). */
    public static List<SurvivalSums> sumsByGroup(List<SurvivalPatient> patients, LifeTable table, double[] days) {
        List<SurvivalSums> groups = new ArrayList<>();
        for (int k = 0; k < GROUP_FROM.length; k++) {
            groups.add(new SurvivalSums(Survival.horizonFor(days), true));
        }
        for (SurvivalPatient p : patients) {
            int k = group(p.ageDays());
            if (k >= 0) {
                groups.get(k).add(p, table);
            }
        }
        return groups;
    }

    /** Traditional direct standardisation of the age groups' Pohar Perme estimates. */
    public static List<SurvivalEstimate> traditional(List<SurvivalSums> byGroup, Standard standard, double[] days, Confidence confidence) {
        List<List<SurvivalEstimate>> groups = byGroup.stream().map(g -> Survival.poharPerme(g, days, confidence)).toList();
        List<SurvivalEstimate> out = new ArrayList<>();
        double patients = byGroup.stream().mapToDouble(SurvivalSums::patients).sum();
        for (int i = 0; i < days.length; i++) {
            double s = 0;
            double variance = 0;
            double atRisk = 0;
            String missing = null;
            for (int k = 0; k < byGroup.size(); k++) {
                SurvivalEstimate e = groups.get(k).get(i);
                atRisk += e.atRisk();
                if (!e.available() || !e.note().isEmpty()) {
                    missing = missing == null ? "age group " + GROUPS.get(k) + ": " + (e.note().isEmpty() ? "no estimate" : e.note()) : missing;
                    continue;
                }
                double w = standard.weight(k);
                s += w * e.value();
                variance += w * w * e.standardError() * e.standardError();
            }
            if (missing != null) {
                out.add(SurvivalEstimate.notAvailable(days[i], atRisk, patients, "not standardised: " + missing));
            } else {
                out.add(SurvivalEstimate.withLogInterval(days[i], s, Math.sqrt(variance) / s, atRisk, patients, confidence, "",
                        Double.POSITIVE_INFINITY));
            }
        }
        return out;
    }

    /** Brenner's individually weighted Pohar Perme estimate. */
    public static List<SurvivalEstimate> brenner(List<SurvivalSums> byGroup, Standard standard, double[] days, Confidence confidence) {
        SurvivalSums weighted = brennerSums(byGroup, standard);
        if (weighted == null) {
            List<SurvivalEstimate> out = new ArrayList<>();
            double patients = byGroup.stream().mapToDouble(SurvivalSums::patients).sum();
            String empty = GROUPS.get(emptyGroup(byGroup, standard));
            for (double d : days) {
                out.add(SurvivalEstimate.notAvailable(d, 0, patients, "not standardised: no patients aged " + empty));
            }
            return out;
        }
        return Survival.poharPerme(weighted, days, confidence);
    }

    /**
     * The age groups' sums combined with Brenner's weights W_k n / n_k, or null when a weighted
     * group has no patients.
     */
    public static SurvivalSums brennerSums(List<SurvivalSums> byGroup, Standard standard) {
        if (emptyGroup(byGroup, standard) >= 0) {
            return null;
        }
        double n = byGroup.stream().mapToDouble(SurvivalSums::patients).sum();
        SurvivalSums combined = new SurvivalSums(byGroup.get(0).horizonDays(), true);
        for (int k = 0; k < byGroup.size(); k++) {
            combined.add(byGroup.get(k), standard.weight(k) * n / byGroup.get(k).patients());
        }
        return combined;
    }

    private static int emptyGroup(List<SurvivalSums> byGroup, Standard standard) {
        for (int k = 0; k < byGroup.size(); k++) {
            if (standard.weight(k) > 0 && byGroup.get(k).patients() == 0) {
                return k;
            }
        }
        return -1;
    }
}
