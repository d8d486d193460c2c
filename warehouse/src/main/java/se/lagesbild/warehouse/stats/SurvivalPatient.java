package se.lagesbild.warehouse.stats;

/**
 * One patient (one tumour) in a survival analysis. Times are whole days from diagnosis.
 *
 * @param sex           1 (men) or 2 (women), for the life table
 * @param ageDays       age at diagnosis in days
 * @param diagnosisDay  date of diagnosis as an epoch day ({@code LocalDate.toEpochDay()})
 * @param entryDays     when the patient comes under observation: 0 for a cohort; for period
 *                      analysis the days from diagnosis to the window's start when diagnosed before it
 * @param exitDays      days from diagnosis to death or the end of follow-up (censoring: the closing
 *                      date, an emigration or loss to follow-up, or the end of a period window); a
 *                      patient with no follow-up at all (exit not after entry, such as a death on
 *                      the day of diagnosis) is under observation for no time and adds nothing
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

    /** Whether the patient is under observation for any time (exit after entry). */
    public boolean observed() {
        return exitDays > entryDays;
    }
}
