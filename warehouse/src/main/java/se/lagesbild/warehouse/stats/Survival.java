package se.lagesbild.warehouse.stats;

import java.util.List;

/**
 * Survival after diagnosis: observed (Kaplan–Meier), relative (Ederer II) and net survival (Pohar
 * Perme), read from {@link SurvivalSums} at exactly the requested times, as relsurv 2.2-9's
 * {@code rs.surv(..., add.times = days)} computes them ({@link SurvivalReading} says how: the crude
 * grid is every exit and every requested time, the expected part is integrated in one-day fine
 * steps within it).
 *
 * <p><b>Kaplan–Meier</b>: S(t) = Π_{t_j ≤ t} (1 − D_j / Y_j), Y_j those entered before t_j and
 * followed to it; Greenwood's variance of log S, Σ D_j / (Y_j (Y_j − D_j)) (Kaplan &amp; Meier 1958;
 * Greenwood 1926; R's {@code survfit}, with delayed entry {@code Surv(entry, exit, status)}).
 *
 * <p><b>Ederer II</b>: S(t) = Π (1 − (D_j − E_j) / Y_j), E_j the expected deaths in the crude
 * interval (t_{j−1}, t_j] among those at risk (Σ over its fine steps of h·Σλ_i); var(log S) =
 * Σ D_j / Y_j² (Ederer &amp; Heise 1959; relsurv's {@code rs.surv(method = "ederer2")}, whose own
 * grid has no requested times: here they are in the grid, so the value is carried to exactly t
 * through the population hazard, as strs reports it at an interval's end).
 *
 * <p><b>Pohar Perme</b> (net survival): each patient weighted by 1/S_i, the inverse of their
 * expected survival, S(t) = Π (1 − [Σ dN_i/S_i / Σ Y_i/S_i − ∫ Σ Y_i λ_i/S_i / Σ Y_i/S_i]) over the
 * crude intervals, var(log S) = Σ (Σ dN_i/S_i²) / (Σ Y_i/S_i)². With individual weights w_i every
 * sum carries w_i and the variance's w_i² (Brenner's standardisation, {@link AgeStandardisedSurvival}).
 * Pohar Perme, Stare, Estève (2012), Biometrics 68:113–120; relsurv 2.2-9.
 *
 * <p>Edges, the same in R: no deaths gives S = 1 (observed) or above 1 (net: the inverse of expected
 * survival, carried to t) with se 0; when everyone has died Kaplan–Meier is 0 with no interval,
 * while net survival keeps the value its last step gave (it subtracts expected deaths); a requested
 * time after the last exit reads the value at the last exit (rs.surv caps add.times there) and says
 * so ({@link #followedUp}). A patient with no follow-up (exit not after entry: a day-0 case) is not
 * added at all; the register's rule leaves such cases out and counts them before any estimator.
 * With delayed entry (period analysis) an interval with nobody at risk leaves S undefined from there
 * on (NaN, with a note). Ages past the life table's last age and years outside it: {@link LifeTable}.
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
        return SurvivalReading.read(sums, days, confidence, SurvivalReading.Method.KAPLAN_MEIER);
    }

    /** Pohar Perme from sums (which must hold the life-table sums). */
    public static List<SurvivalEstimate> poharPerme(SurvivalSums sums, double[] days, Confidence confidence) {
        return SurvivalReading.read(sums, days, confidence, SurvivalReading.Method.POHAR_PERME);
    }

    /** Ederer II from sums (which must hold the life-table sums). */
    public static List<SurvivalEstimate> edererII(SurvivalSums sums, double[] days, Confidence confidence) {
        return SurvivalReading.read(sums, days, confidence, SurvivalReading.Method.EDERER_II);
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

}
