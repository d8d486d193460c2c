package se.lagesbild.warehouse.stats;

/**
 * One patient (one tumour) in a survival analysis. Times are whole days from diagnosis.
 *
 * @param sex           1 (men) or 2 (women), for the life table
 * @param ageDays       age at diagnosis in days
 * @param diagnosisDay  date of diagnosis as an epoch day ({@code LocalDate.toEpochDay()})
 * @param entryDays     when the patient comes under observation: 0 for a cohort; for period
 *                      analysis the days from diagnosis to the window's start when diagnosed before it
 * @param exitDays      days from diagnosis to death or the end of follow-up (censoring)
 * @param died          whether the patient died at {@code exitDays}
 */
public record SurvivalPatient(int sex, int ageDays, long diagnosisDay, int entryDays, int exitDays, boolean died) {
    public SurvivalPatient {
        if (sex != 1 && sex != 2) {
            throw new IllegalArgumentException("sex must be 1 or 2, not " + sex);
        }
        if (ageDays < 0 || entryDays < 0 || exitDays < 0) {
            throw new IllegalArgumentException("age, entry and exit cannot be negative (age " + ageDays + ", entry " + entryDays
                    + ", exit " + exitDays + " days)");
        }
    }

    /** A patient followed from diagnosis (no delayed entry). */
    public static SurvivalPatient cohort(int sex, int ageDays, long diagnosisDay, int exitDays, boolean died) {
        return new SurvivalPatient(sex, ageDays, diagnosisDay, 0, exitDays, died);
    }

    /**
     * The exit as the estimators count it: a death on the day of diagnosis (0 days) counts as one
     * day, since the patient was alive at diagnosis (a death-certificate-only case, which has no
     * survival time at all, is excluded before this).
     */
    int countedExit() {
        return exitDays == 0 && died && entryDays == 0 ? 1 : exitDays;
    }

    /** Whether the patient is under observation for any time (exit after entry). */
    public boolean observed() {
        return countedExit() > entryDays;
    }
}
