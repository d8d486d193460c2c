package se.lagesbild.warehouse.stats;

import java.util.List;

/**
 * Survival after diagnosis: observed (Kaplan–Meier), relative (Ederer II) and net survival (Pohar
 * Perme), read from {@link SurvivalSums}. The estimators step at every time where a patient enters
 * or leaves (t_1 &lt; t_2 &lt; …, whole days); between them the at-risk set is constant.
 *
 * <p><b>Kaplan–Meier</b>: S(t) = Π_{t_j ≤ t} (1 − D_j / Y_j); Greenwood's variance of log S,
 * Σ D_j / (Y_j (Y_j − D_j)) (Kaplan &amp; Meier 1958; Greenwood 1926; R's {@code survfit}).
 *
 * <p><b>Ederer II</b>: S(t) = Π (1 − (D_j − E_j) / Y_j), E_j the expected deaths in (t_{j−1}, t_j]
 * among those at risk (Σ over the days of Σλ_i); var(log S) = Σ D_j / Y_j² (Ederer &amp; Heise
 * 1959; relsurv's {@code rs.surv(method = "ederer2")}).
 *
 * <p><b>Pohar Perme</b> (net survival): each patient weighted by 1/S_i, the inverse of their
 * expected survival, S(t) = Π (1 − [Σ dN_i/S_i / Σ Y_i/S_i − ∫ Σ Y_i λ_i/S_i / Σ Y_i/S_i]) over the
 * steps, var(log S) = Σ (Σ dN_i/S_i²) / (Σ Y_i/S_i)². The integral over (t_{j−1}, t_j] is taken day
 * by day as relsurv 2.2.9 takes it ({@code rs.surv(method = "pohar-perme")} with its default
 * {@code precision = 1}): on day k of the step the ratio of the sums accumulated over days 1…k,
 * averaged between the day's start and end. With individual weights w_i every sum carries w_i and
 * the variance's w_i² (Brenner's standardisation, {@link AgeStandardisedSurvival}). Pohar Perme,
 * Stare, Estève (2012), Biometrics 68:113–120.
 *
 * <p>Edges, the same in R: no deaths gives S = 1 (observed) or the inverse of expected survival
 * (net, above 1) with se 0; when everyone has died Kaplan–Meier is 0 with no interval, while net
 * survival keeps the value its last step gave (it subtracts expected deaths); after the last time
 * S keeps its last value and {@code atRisk} is 0 (say so before publishing: {@link #followedUp}).
 * A death on the day of diagnosis counts as one day ({@link SurvivalPatient#countedExit()}); a
 * patient diagnosed on the closing date adds nothing. With delayed entry (period analysis) a time
 * with nobody at risk leaves S undefined from there on (NaN, with a note). Ages past the life
 * table's last age and years outside it: {@link LifeTable}.
 */
public final class Survival {
    private Survival() {
    }

    /** The times reported: 1, 3 and 5 years, in days. */
    public static double[] years(double... years) {
        double[] days = new double[years.length];
        for (int i = 0; i < years.length; i++) {
            days[i] = years[i] * LifeTable.YEAR_DAYS;
        }
        return days;
    }

    /** The horizon (days) the sums need to give estimates at {@code days}. */
    public static int horizonFor(double... days) {
        double max = 0;
        for (double d : days) {
            max = Math.max(max, d);
        }
        return (int) Math.floor(max) + 1;
    }

    /** Kaplan–Meier at each of {@code days}, from patients. */
    public static List<SurvivalEstimate> kaplanMeier(List<SurvivalPatient> patients, double[] days, Confidence confidence) {
        SurvivalSums sums = new SurvivalSums(horizonFor(days), false);
        patients.forEach(p -> sums.add(p, null));
        return kaplanMeier(sums, days, confidence);
    }

    /** Pohar Perme at each of {@code days}, from patients and a life table. */
    public static List<SurvivalEstimate> poharPerme(List<SurvivalPatient> patients, LifeTable table, double[] days, Confidence confidence) {
        return poharPerme(sums(patients, table, days), days, confidence);
    }

    /** Ederer II at each of {@code days}, from patients and a life table. */
    public static List<SurvivalEstimate> edererII(List<SurvivalPatient> patients, LifeTable table, double[] days, Confidence confidence) {
        return edererII(sums(patients, table, days), days, confidence);
    }

    static SurvivalSums sums(List<SurvivalPatient> patients, LifeTable table, double[] days) {
        SurvivalSums sums = new SurvivalSums(horizonFor(days), true);
        patients.forEach(p -> sums.add(p, table));
        return sums;
    }

    /** Kaplan–Meier from sums. */
    public static List<SurvivalEstimate> kaplanMeier(SurvivalSums sums, double[] days, Confidence confidence) {
        return read(sums, days, confidence, Method.KAPLAN_MEIER);
    }

    /** Pohar Perme from sums (which must hold the life-table sums). */
    public static List<SurvivalEstimate> poharPerme(SurvivalSums sums, double[] days, Confidence confidence) {
        return read(sums, days, confidence, Method.POHAR_PERME);
    }

    /** Ederer II from sums (which must hold the life-table sums). */
    public static List<SurvivalEstimate> edererII(SurvivalSums sums, double[] days, Confidence confidence) {
        return read(sums, days, confidence, Method.EDERER_II);
    }

    /**
     * Whether an estimate at {@code days} rests on follow-up that reaches it: someone is still at
     * risk at that time, or every patient has died (nobody was censored before it).
     */
    public static boolean followedUp(SurvivalSums sums, double days) {
        if (sums.lastExit > Math.floor(days)) {
            return true;
        }
        double died = 0;
        for (double d : sums.deaths) {
            died += d;
        }
        return died == sums.patients;
    }

    private enum Method { KAPLAN_MEIER, EDERER_II, POHAR_PERME }

    private static List<SurvivalEstimate> read(SurvivalSums sums, double[] days, Confidence confidence, Method method) {
        if (method != Method.KAPLAN_MEIER && !sums.expected) {
            throw new IllegalArgumentException(method + " needs sums with the life table's expected survival");
        }
        int count = days.length;
        double[] value = new double[count];
        double[] variance = new double[count];
        String[] notes = new String[count];
        java.util.Arrays.fill(value, 1);
        java.util.Arrays.fill(notes, "");
        double s = 1;
        double v = 0;
        String gap = null;
        int previous = 0;
        for (int t = 1; t <= sums.horizon && gap == null; t++) {
            if (sums.changes[t] == 0) {
                continue;
            }
            // the step (previous, t]: its at-risk set is that of any of its days
            double y = sums.atRisk[t - 1];
            if (y == 0) {
                gap = "nobody is at risk between " + previous + " and " + t + " days after diagnosis: not estimable beyond " + previous
                        + " days";
                setFrom(days, value, variance, notes, t, Double.NaN, Double.NaN, gap);
                break;
            }
            double d = sums.deaths[t];
            switch (method) {
                case KAPLAN_MEIER -> {
                    if (d > 0) {
                        s *= 1 - d / y;
                        v += d == y ? Double.POSITIVE_INFINITY : d / (y * (y - d));
                    }
                }
                case EDERER_II -> {
                    double expectedDeaths = 0;
                    for (int k = previous; k < t; k++) {
                        expectedDeaths += sums.hazardSum[k];
                    }
                    s *= 1 - (d - expectedDeaths) / y;
                    v += d / (y * y);
                }
                case POHAR_PERME -> {
                    double a1 = 0;
                    double b1 = 0;
                    double a2 = 0;
                    double b2 = 0;
                    double integral = 0;
                    for (int k = previous; k < t; k++) {
                        a1 += sums.startHazard[k];
                        b1 += sums.startWeight[k];
                        a2 += sums.endHazard[k];
                        b2 += sums.endWeight[k];
                        integral += (a1 / b1 + a2 / b2) / 2;
                    }
                    double weighted = sums.endWeight[t - 1];
                    s *= 1 - (sums.deathWeight[t] / weighted - integral);
                    v += sums.deathWeightSquared[t] / (weighted * weighted);
                }
            }
            previous = t;
            setFrom(days, value, variance, notes, t, s, v, "");
        }
        List<SurvivalEstimate> estimates = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int step = (int) Math.floor(days[i]);
            double atRisk = step < sums.horizon ? sums.atRisk[step] : 0;
            if (sums.patients == 0) {
                estimates.add(SurvivalEstimate.notAvailable(days[i], 0, 0, "no patients"));
            } else if (Double.isNaN(value[i])) {
                estimates.add(SurvivalEstimate.notAvailable(days[i], atRisk, sums.patients, notes[i]));
            } else {
                String note = followedUp(sums, days[i]) ? "" : "no patient followed up to " + Math.round(days[i])
                        + " days: the value at the last follow-up time";
                estimates.add(SurvivalEstimate.withLogInterval(days[i], value[i], Math.sqrt(variance[i]), atRisk, sums.patients, confidence,
                        note, method == Method.KAPLAN_MEIER ? 1 : Double.POSITIVE_INFINITY));
            }
        }
        return estimates;
    }

    /** Records S at the wanted times at or after t (a later step overwrites those at or after it). */
    private static void setFrom(double[] days, double[] value, double[] variance, String[] notes, int t, double s, double v, String note) {
        for (int i = 0; i < days.length; i++) {
            if (days[i] >= t) {
                value[i] = s;
                variance[i] = v;
                notes[i] = note;
            }
        }
    }
}
