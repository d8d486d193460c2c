package se.lagesbild.warehouse.stats;

import java.util.Arrays;

/**
 * The patients behind a {@link SurvivalSums}, kept in packed arrays (one entry per patient and
 * window): what the exact reading needs where relsurv's crude grid leaves whole days, at requested
 * times that fall within a day and at entries within a crude interval ({@link SurvivalReading}).
 * All members use one life table (or none, for observed survival).
 */
final class SurvivalMembers {
    final LifeTable table;
    int size;
    int[] sex = new int[16];
    int[] ageDays = new int[16];
    long[] diagnosisDay = new long[16];
    int[] entry = new int[16];
    int[] exit = new int[16];
    boolean[] died = new boolean[16];
    double[] weight = new double[16];
    /** Expected survival from diagnosis to the entry day (1 for an entry at diagnosis). */
    double[] entrySurvival = new double[16];
    /** Every member's expected survival to a whole day, kept per day asked for (cells of one atom ask for the same days). */
    private final java.util.Map<Integer, double[]> survivalAt = new java.util.HashMap<>();

    /** Whole days at which every member's expected survival is kept as the sums pass them (the reporting times' days). */
    final int[] checkpoints;
    /** [checkpoint][member]: expected survival at the checkpoint's day (NaN for a member not followed to it). */
    double[][] atCheckpoint;

    SurvivalMembers(LifeTable table, int[] checkpoints) {
        this.table = table;
        this.checkpoints = checkpoints;
        this.atCheckpoint = new double[checkpoints.length][16];
    }

    /** The checkpoint index of {@code day}, or −1. */
    int checkpoint(int day) {
        for (int c = 0; c < checkpoints.length; c++) {
            if (checkpoints[c] == day) {
                return c;
            }
        }
        return -1;
    }

    void add(int sex, int ageDays, long diagnosisDay, int entry, int exit, boolean died, double weight, double entrySurvival) {
        if (size == this.sex.length) {
            int n = size * 2;
            this.sex = Arrays.copyOf(this.sex, n);
            this.ageDays = Arrays.copyOf(this.ageDays, n);
            this.diagnosisDay = Arrays.copyOf(this.diagnosisDay, n);
            this.entry = Arrays.copyOf(this.entry, n);
            this.exit = Arrays.copyOf(this.exit, n);
            this.died = Arrays.copyOf(this.died, n);
            this.weight = Arrays.copyOf(this.weight, n);
            this.entrySurvival = Arrays.copyOf(this.entrySurvival, n);
            for (int c = 0; c < checkpoints.length; c++) {
                atCheckpoint[c] = Arrays.copyOf(atCheckpoint[c], n);
            }
        }
        for (int c = 0; c < checkpoints.length; c++) {
            atCheckpoint[c][size] = Double.NaN;
        }
        this.sex[size] = sex;
        this.ageDays[size] = ageDays;
        this.diagnosisDay[size] = diagnosisDay;
        this.entry[size] = entry;
        this.exit[size] = exit;
        this.died[size] = died;
        this.weight[size] = weight;
        this.entrySurvival[size] = entrySurvival;
        size++;
        survivalAt.clear();
    }

    /** The population hazard per day of member i at {@code time} days after diagnosis (relsurv's cell at the time). */
    double hazard(int i, double time) {
        return table.hazardAt(sex[i], ageDays[i] + time, diagnosisDay[i] + time);
    }

    /** Every member's expected survival to whole day {@code day} ({@link #expectedSurvival}), computed once per day. */
    double[] expectedSurvivalAll(int day) {
        return survivalAt.computeIfAbsent(day, d -> {
            double[] all = new double[size];
            for (int i = 0; i < size; i++) {
                all[i] = expectedSurvival(i, d);
            }
            return all;
        });
    }

    /** Member i's hazard per day and one-day survival on whole day {@code day} (one table look-up for both). */
    void day(int i, int day, double[] hazardAndSurvival) {
        int age = LifeTable.ageIndex(ageDays[i] + (double) day);
        int year = LifeTable.yearOf(diagnosisDay[i] + day);
        hazardAndSurvival[0] = table.hazardPerDay(sex[i], age, year);
        hazardAndSurvival[1] = table.daySurvival(sex[i], age, year);
    }

    /** The one-day survival of member i on whole day {@code day} (the hazard at the day's start). */
    double daySurvival(int i, int day) {
        return table.daySurvival(sex[i], LifeTable.ageIndex(ageDays[i] + (double) day), LifeTable.yearOf(diagnosisDay[i] + day));
    }

    /**
     * Expected survival of member i from diagnosis to whole day {@code day}, one day at a time as
     * the sums take it (each day's hazard at its start).
     */
    double expectedSurvival(int i, int day) {
        double s = 1;
        int d = 0;
        while (d < day) {
            int age = LifeTable.ageIndex(ageDays[i] + (double) d);
            int year = LifeTable.yearOf(diagnosisDay[i] + d);
            int next = Math.min(day, Math.min(LifeTable.dayOfNextAge(ageDays[i], age), (int) (LifeTable.newYear(year + 1) - diagnosisDay[i])));
            next = Math.max(next, d + 1);
            s *= Math.pow(table.daySurvival(sex[i], age, year), next - d);
            d = next;
        }
        return s;
    }
}
