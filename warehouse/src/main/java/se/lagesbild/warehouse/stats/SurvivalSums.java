package se.lagesbild.warehouse.stats;

/**
 * The sums over a group of patients, day by day, from which Kaplan–Meier, Ederer II and Pohar
 * Perme estimates are read ({@link Survival}). For each one-day step d (from d to d + 1 days after
 * diagnosis) over the patients at risk in it (entry ≤ d and exit ≥ d + 1), with S_i the patient's
 * expected survival from diagnosis (the life table's) and λ_i the expected hazard per day in the step:
 * <ul>
 * <li>Y(d) = number at risk; Σλ_i (Ederer II's expected hazard);</li>
 * <li>Σ w_i/S_i(d), Σ w_i λ_i/S_i(d) at the step's start, and the same with S_i(d + 1) at its end
 *   (Pohar Perme's weighted at-risk sums and expected hazard);</li>
 * </ul>
 * and for each day t: the deaths D(t), Σ w_i/S_i(t) and Σ w_i²/S_i(t)² over them, and how many
 * patients enter or leave at t (the times where the estimators step).
 *
 * <p>Sums over disjoint groups add ({@link #add}), so a region's sums give its healthcare region's
 * and Riket's by addition; with a coefficient c, the weighted sums scale by c and the squared ones
 * by c² (Brenner's weights for one age group). S_i(t) = Π exp(−λ_i) over the days before t, each
 * day's λ taken at the day's start (relsurv 2.2.9 with {@code precision = 1}).
 */
public final class SurvivalSums {
    final int horizon;
    final boolean expected;
    final double[] atRisk;
    final double[] hazardSum;
    final double[] startWeight;
    final double[] startHazard;
    final double[] endWeight;
    final double[] endHazard;
    final double[] deaths;
    final double[] deathWeight;
    final double[] deathWeightSquared;
    final double[] changes;
    double patients;
    int lastExit;

    /**
     * Empty sums up to {@code horizonDays} days.
     *
     * @param expected whether the life-table sums are kept (false: Kaplan–Meier only)
     */
    public SurvivalSums(int horizonDays, boolean expected) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("the horizon must be at least one day, not " + horizonDays);
        }
        this.horizon = horizonDays;
        this.expected = expected;
        atRisk = new double[horizonDays];
        hazardSum = expected ? new double[horizonDays] : null;
        startWeight = expected ? new double[horizonDays] : null;
        startHazard = expected ? new double[horizonDays] : null;
        endWeight = expected ? new double[horizonDays] : null;
        endHazard = expected ? new double[horizonDays] : null;
        deaths = new double[horizonDays + 1];
        deathWeight = expected ? new double[horizonDays + 1] : null;
        deathWeightSquared = expected ? new double[horizonDays + 1] : null;
        changes = new double[horizonDays + 1];
    }

    /** The horizon in days: the sums cover times up to it. */
    public int horizonDays() {
        return horizon;
    }

    /** Patients added (those under observation for some time). */
    public double patients() {
        return patients;
    }

    /**
     * Adds a patient with weight 1. Returns false (and adds nothing) for a patient not under
     * observation (exit not after entry).
     */
    public boolean add(SurvivalPatient p, LifeTable table) {
        return add(p, table, 1);
    }

    /** Adds a patient with an individual weight w (Brenner's age-standardisation). */
    public boolean add(SurvivalPatient p, LifeTable table, double w) {
        int entry = p.entryDays();
        int exit = p.countedExit();
        if (exit <= entry) {
            return false;
        }
        if (expected && table == null) {
            throw new IllegalArgumentException("expected survival needs a life table");
        }
        patients++;
        lastExit = Math.max(lastExit, exit);
        if (entry > 0 && entry <= horizon) {
            changes[entry]++;
        }
        if (exit <= horizon) {
            changes[exit]++;
        }
        int end = Math.min(exit, horizon);
        if (!expected) {
            for (int d = entry; d < end; d++) {
                atRisk[d]++;
            }
            if (p.died() && exit <= horizon) {
                deaths[exit]++;
            }
            return true;
        }
        double s = 1;
        int sex = p.sex();
        int day = 0;
        while (day < end) {
            // one stretch of days with the same age in whole years and the same calendar year
            int age = (int) Math.floor((p.ageDays() + day) / LifeTable.YEAR_DAYS);
            long date = p.diagnosisDay() + day;
            int year = LifeTable.yearOf(date);
            int nextBirthday = (int) Math.ceil((age + 1) * LifeTable.YEAR_DAYS - p.ageDays());
            while ((int) Math.floor((p.ageDays() + nextBirthday) / LifeTable.YEAR_DAYS) <= age) {
                nextBirthday++;
            }
            int nextNewYear = (int) (java.time.LocalDate.of(year + 1, 1, 1).toEpochDay() - p.diagnosisDay());
            int stretchEnd = Math.min(end, Math.min(nextBirthday, nextNewYear));
            double lambda = table.hazardPerDay(sex, age, year);
            double oneDay = table.daySurvival(sex, age, year);
            for (; day < stretchEnd; day++) {
                double sEnd = s * oneDay;
                if (day >= entry) {
                    atRisk[day]++;
                    hazardSum[day] += lambda;
                    startWeight[day] += w / s;
                    startHazard[day] += w * lambda / s;
                    endWeight[day] += w / sEnd;
                    endHazard[day] += w * lambda / sEnd;
                }
                s = sEnd;
            }
        }
        if (p.died() && exit <= horizon) {
            deaths[exit]++;
            deathWeight[exit] += w / s;
            deathWeightSquared[exit] += w * w / (s * s);
        }
        return true;
    }

    /**
     * Period analysis with calendar-year windows in one pass: each day a patient is at risk goes to
     * the sums of the calendar year it falls in ({@code sumsForYear}; null for a year not wanted), so
     * the patient enters year Y's sums on 1 January of Y (or at diagnosis) and leaves on 1 January
     * of Y + 1 (or at death or the closing date), exactly as if added to each year separately with
     * that entry and exit. A death belongs to the year of the day before it (the day it ends). The
     * patient's expected survival is computed once, from diagnosis. All sums must have the same
     * horizon and kind. Returns whether the patient was under observation at all.
     */
    public static boolean addByCalendarYear(SurvivalPatient p, LifeTable table, java.util.function.IntFunction<SurvivalSums> sumsForYear,
                                            int horizon, boolean expected) {
        int exit = p.countedExit();
        if (exit <= p.entryDays()) {
            return false;
        }
        int end = Math.min(exit, horizon);
        double s = 1;
        int day = 0;
        SurvivalSums previous = null;
        java.util.Set<SurvivalSums> counted = new java.util.HashSet<>();
        while (day < end) {
            int age = expected ? (int) Math.floor((p.ageDays() + day) / LifeTable.YEAR_DAYS) : 0;
            long date = p.diagnosisDay() + day;
            int year = LifeTable.yearOf(date);
            int nextNewYear = (int) (java.time.LocalDate.of(year + 1, 1, 1).toEpochDay() - p.diagnosisDay());
            int stretchEnd = Math.min(end, nextNewYear);
            if (expected) {
                int nextBirthday = (int) Math.ceil((age + 1) * LifeTable.YEAR_DAYS - p.ageDays());
                while ((int) Math.floor((p.ageDays() + nextBirthday) / LifeTable.YEAR_DAYS) <= age) {
                    nextBirthday++;
                }
                stretchEnd = Math.min(stretchEnd, nextBirthday);
            }
            SurvivalSums sums = sumsForYear.apply(year);
            if (sums != null && sums != previous) {
                // entering this year's window at day (after diagnosis) and, if it ends before the exit, leaving at its end
                if (day > 0) {
                    sums.changes[day]++;
                }
                int leave = Math.min(exit, nextNewYear);
                if (leave <= horizon) {
                    sums.changes[leave]++;
                }
                sums.lastExit = Math.max(sums.lastExit, leave);
                if (counted.add(sums)) {
                    sums.patients++;
                }
            }
            previous = sums;
            if (!expected) {
                if (sums != null && day >= p.entryDays()) {
                    for (int d = day; d < stretchEnd; d++) {
                        sums.atRisk[d]++;
                    }
                }
                day = stretchEnd;
                continue;
            }
            double lambda = table.hazardPerDay(p.sex(), age, year);
            double oneDay = table.daySurvival(p.sex(), age, year);
            for (; day < stretchEnd; day++) {
                double sEnd = s * oneDay;
                if (sums != null && day >= p.entryDays()) {
                    sums.atRisk[day]++;
                    sums.hazardSum[day] += lambda;
                    sums.startWeight[day] += 1 / s;
                    sums.startHazard[day] += lambda / s;
                    sums.endWeight[day] += 1 / sEnd;
                    sums.endHazard[day] += lambda / sEnd;
                }
                s = sEnd;
            }
        }
        if (p.died() && exit <= horizon && previous != null) {
            previous.deaths[exit]++;
            if (expected) {
                previous.deathWeight[exit] += 1 / s;
                previous.deathWeightSquared[exit] += 1 / (s * s);
            }
        }
        return true;
    }

    /**
     * Adds {@code other}'s sums, the weighted ones multiplied by {@code coefficient} and the squared
     * weights by its square (the counts are added as they are).
     */
    public SurvivalSums add(SurvivalSums other, double coefficient) {
        if (other.horizon != horizon || other.expected != expected) {
            throw new IllegalArgumentException("sums of different horizons or kinds cannot be added");
        }
        double c2 = coefficient * coefficient;
        for (int d = 0; d < horizon; d++) {
            atRisk[d] += other.atRisk[d];
        }
        for (int t = 0; t <= horizon; t++) {
            deaths[t] += other.deaths[t];
            changes[t] += other.changes[t];
        }
        if (expected) {
            for (int d = 0; d < horizon; d++) {
                hazardSum[d] += other.hazardSum[d];
                startWeight[d] += coefficient * other.startWeight[d];
                startHazard[d] += coefficient * other.startHazard[d];
                endWeight[d] += coefficient * other.endWeight[d];
                endHazard[d] += coefficient * other.endHazard[d];
            }
            for (int t = 0; t <= horizon; t++) {
                deathWeight[t] += coefficient * other.deathWeight[t];
                deathWeightSquared[t] += c2 * other.deathWeightSquared[t];
            }
        }
        patients += other.patients;
        lastExit = Math.max(lastExit, other.lastExit);
        return this;
    }

    /** A copy. */
    public SurvivalSums copy() {
        return new SurvivalSums(horizon, expected).add(this, 1);
    }
}
