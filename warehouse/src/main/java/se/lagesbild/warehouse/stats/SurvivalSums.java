package se.lagesbild.warehouse.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The sums over a group of patients, day by day, from which Kaplan–Meier, Ederer II and Pohar
 * Perme estimates are read ({@link Survival}, {@link SurvivalReading}). For each one-day step d
 * (from d to d + 1 days after diagnosis) over the patients at risk in it (entry ≤ d and exit ≥
 * d + 1), with S_i the patient's expected survival from diagnosis (the life table's) and λ_i the
 * population hazard per day at the step's start:
 * <ul>
 * <li>Y(d) = number at risk; Σλ_i (Ederer II's expected hazard);</li>
 * <li>Σ w_i/S_i(d), Σ w_i λ_i/S_i(d) at the step's start, and the same with S_i(d + 1) at its end
 *   (Pohar Perme's weighted at-risk sums and expected hazard);</li>
 * </ul>
 * and for each day t: the deaths D(t), Σ w_i/S_i(t) and Σ w_i²/S_i(t)² over them, the patients
 * leaving at t (death or censoring: relsurv's crude grid), and Σ w_i/S_i(t) over the patients
 * entering at t (relsurv counts them in the sum the deaths at t are divided by).
 *
 * <p>Sums over disjoint groups add ({@link #add(SurvivalSums, double)}), so a region's sums give
 * its healthcare region's and Riket's by addition; with a coefficient c, the weighted sums scale by
 * c and the squared ones by c² (Brenner's weights for one age group). S_i(t) = Π exp(−λ_i) over
 * the days before t, each day's λ taken at the day's start (relsurv 2.2.9 with
 * {@code precision = 1}). The patients themselves are kept beside the sums ({@link SurvivalMembers}),
 * since a requested time within a day and an entry within a crude interval are computed from them.
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
    final double[] exits;
    final double[] entryWeight;
    /** The patients behind the sums, each group with the coefficient it was added with. */
    final List<MemberGroup> members = new ArrayList<>();
    /** The member sets patients are added to directly (one per life table). */
    private final List<SurvivalMembers> own = new ArrayList<>();
    double patients;
    int lastExit;

    /** Patients kept beside sums, and the coefficient their weights carry in these sums. */
    record MemberGroup(SurvivalMembers members, double coefficient) {
    }

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
        exits = new double[horizonDays + 1];
        entryWeight = expected ? new double[horizonDays + 1] : null;
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
        if (!p.observed()) {
            return false;
        }
        if (expected && table == null) {
            throw new IllegalArgumentException("expected survival needs a life table");
        }
        SurvivalMembers kept = membersFor(expected ? table : null);
        follow(p, expected ? table : null, p.entryDays(), p.exitDays(), w, kept);
        return true;
    }

    private SurvivalMembers membersFor(LifeTable table) {
        for (SurvivalMembers m : own) {
            if (m.table == table) {
                return m;
            }
        }
        SurvivalMembers m = new SurvivalMembers(table, checkpoints());
        own.add(m);
        members.add(new MemberGroup(m, 1));
        return m;
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
    public static boolean addByCalendarYear(SurvivalPatient p, LifeTable table, IntFunction<SurvivalSums> sumsForYear, int horizon,
                                            boolean expected) {
        if (!p.observed()) {
            return false;
        }
        int firstYear = LifeTable.yearOf(p.diagnosisDay() + p.entryDays());
        int lastYear = LifeTable.yearOf(p.diagnosisDay() + Math.min(p.exitDays(), horizon) - 1);
        for (int year = firstYear; year <= lastYear; year++) {
            SurvivalSums sums = sumsForYear.apply(year);
            if (sums == null) {
                continue;
            }
            int start = (int) Math.max(p.entryDays(), LifeTable.newYear(year) - p.diagnosisDay());
            int end = (int) Math.min(p.exitDays(), LifeTable.newYear(year + 1) - p.diagnosisDay());
            if (start >= horizon || end <= start) {
                continue;
            }
            SurvivalMembers kept = sums.membersFor(expected ? table : null);
            sums.follow(p, expected ? table : null, start, end, 1, kept);
        }
        return true;
    }

    /**
     * The calendar years in which {@link #addByCalendarYear} adds an observed patient: those with at
     * least one day at risk before the horizon.
     */
    public static List<Integer> calendarYears(SurvivalPatient p, int horizon) {
        List<Integer> years = new java.util.ArrayList<>();
        int firstYear = LifeTable.yearOf(p.diagnosisDay() + p.entryDays());
        int lastYear = LifeTable.yearOf(p.diagnosisDay() + Math.min(p.exitDays(), horizon) - 1);
        for (int year = firstYear; year <= lastYear; year++) {
            int start = (int) Math.max(p.entryDays(), LifeTable.newYear(year) - p.diagnosisDay());
            int end = (int) Math.min(p.exitDays(), LifeTable.newYear(year + 1) - p.diagnosisDay());
            if (start < horizon && end > start) {
                years.add(year);
            }
        }
        return years;
    }

    /**
     * Follows one patient (in one window: entry to exit) day by day from diagnosis, adding each day
     * at risk to these sums, and keeps the patient as a member.
     */
    private void follow(SurvivalPatient p, LifeTable table, int entry, int exit, double w, SurvivalMembers kept) {
        boolean died = p.died() && exit == p.exitDays();
        int at = kept.size;
        kept.add(p.sex(), p.ageDays(), p.diagnosisDay(), entry, exit, died, w, 1);
        patients++;
        lastExit = Math.max(lastExit, exit);
        if (exit <= horizon) {
            exits[exit]++;
        }
        int end = Math.min(exit, horizon);
        if (table == null) {
            for (int d = entry; d < end; d++) {
                atRisk[d]++;
            }
            if (died && exit <= horizon) {
                deaths[exit]++;
            }
            return;
        }
        double s = 1;
        int sex = p.sex();
        int day = 0;
        int checkpoint = 0;
        int nextCheckpoint = kept.checkpoints.length > 0 ? kept.checkpoints[0] : -1;
        while (day < end) {
            // one stretch of days with the same age in whole years and the same calendar year
            int age = LifeTable.ageIndex(p.ageDays() + (double) day);
            int year = LifeTable.yearOf(p.diagnosisDay() + day);
            int nextNewYear = (int) (LifeTable.newYear(year + 1) - p.diagnosisDay());
            int stretchEnd = Math.min(end, Math.min(LifeTable.dayOfNextAge(p.ageDays(), age), nextNewYear));
            double lambda = table.hazardPerDay(sex, age, year);
            double oneDay = table.daySurvival(sex, age, year);
            int before = Math.min(stretchEnd, entry - 1) - day;
            if (before > 0) {
                // days before the entry add nothing but the decline of S: taken at once
                while (nextCheckpoint >= 0 && nextCheckpoint < day + before) {
                    kept.atCheckpoint[checkpoint][at] = s * Math.pow(oneDay, nextCheckpoint - day);
                    checkpoint++;
                    nextCheckpoint = checkpoint < kept.checkpoints.length ? kept.checkpoints[checkpoint] : -1;
                }
                s *= Math.pow(oneDay, before);
                day += before;
            }
            for (; day < stretchEnd; day++) {
                if (day == nextCheckpoint) {
                    kept.atCheckpoint[checkpoint][at] = s;
                    checkpoint++;
                    nextCheckpoint = checkpoint < kept.checkpoints.length ? kept.checkpoints[checkpoint] : -1;
                }
                double sEnd = s * oneDay;
                if (day >= entry) {
                    atRisk[day]++;
                    hazardSum[day] += lambda;
                    startWeight[day] += w / s;
                    startHazard[day] += w * lambda / s;
                    endWeight[day] += w / sEnd;
                    endHazard[day] += w * lambda / sEnd;
                } else if (day + 1 == entry) {
                    kept.entrySurvival[at] = sEnd;
                    if (entry <= horizon) {
                        entryWeight[entry] += w / sEnd;
                    }
                }
                s = sEnd;
            }
        }
        if (died && exit <= horizon) {
            deaths[exit]++;
            deathWeight[exit] += w / s;
            deathWeightSquared[exit] += w * w / (s * s);
        }
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
            exits[t] += other.exits[t];
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
                entryWeight[t] += coefficient * other.entryWeight[t];
            }
        }
        for (MemberGroup g : other.members) {
            members.add(new MemberGroup(g.members(), g.coefficient() * coefficient));
        }
        patients += other.patients;
        lastExit = Math.max(lastExit, other.lastExit);
        return this;
    }

    /** A copy. */
    public SurvivalSums copy() {
        return new SurvivalSums(horizon, expected).add(this, 1);
    }

    /** The days of the reporting times 1, 3, 5 and 10 years within the horizon, where the members' expected survival is kept. */
    private int[] checkpoints() {
        return java.util.stream.IntStream.of(1, 3, 5, 10).map(y -> (int) Math.floor(y * LifeTable.YEAR_DAYS)).filter(d -> d < horizon).toArray();
    }

    /** The distinct member groups (for tests and the reading). */
    Set<SurvivalMembers> memberSets() {
        Set<SurvivalMembers> sets = new HashSet<>();
        members.forEach(g -> sets.add(g.members()));
        return sets;
    }
}
