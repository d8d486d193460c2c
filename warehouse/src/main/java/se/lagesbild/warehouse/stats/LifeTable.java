package se.lagesbild.warehouse.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Expected (background) mortality by calendar year, sex and single year of age, as a population
 * life table gives it: the probability q of dying within the year of age. The hazard per day is
 * λ = −ln(1 − q) / 365.241, constant within a year of age and a calendar year (relsurv's
 * {@code transrate}, which uses the same year length).
 *
 * <p>Edges: an age above a year's last age uses that last age (the last row holds for all older
 * ages, as SCB's 100+ does; years may end at different ages); a calendar year the table does not
 * have, outside its range or (though the loader refuses such a gap, naming the years) inside it,
 * uses the nearest year it has, the earlier on a tie, and {@link #nearestYearNote} says which years
 * did so, for the answer. A hole among a year's ages is refused when the table is built. A q of 1
 * (certain death) gives an infinite hazard and is refused; q must be in [0, 1).
 *
 * <p>Source: Pohar Perme, Stare, Estève (2012), Biometrics 68(1):113–120; relsurv 2.2.9
 * ({@code transrate}, {@code rs.surv}), whose rate table this reproduces.
 */
public final class LifeTable {
    /** Days in a year of age, as relsurv counts them. */
    public static final double YEAR_DAYS = 365.241;

    private final int firstYear;
    private final int lastYear;
    private final int lastAge;
    /** Years inside the range that the rows did not have (each uses the nearest year). */
    private final java.util.Set<Integer> bridged;
    /** [sex − 1][year − firstYear][age] hazard per day. */
    private final double[][][] hazard;
    /** exp(−hazard): the one-day survival. */
    private final double[][][] daySurvival;

    private LifeTable(int firstYear, int lastYear, int lastAge, double[][][] hazard, java.util.Set<Integer> bridged) {
        this.bridged = bridged;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.lastAge = lastAge;
        this.hazard = hazard;
        this.daySurvival = new double[2][][];
        for (int s = 0; s < 2; s++) {
            daySurvival[s] = new double[hazard[s].length][];
            for (int y = 0; y < hazard[s].length; y++) {
                daySurvival[s][y] = new double[hazard[s][y].length];
                for (int a = 0; a < hazard[s][y].length; a++) {
                    daySurvival[s][y][a] = Math.exp(-hazard[s][y][a]);
                }
            }
        }
    }

    /** One row of a life table: q, the probability of dying within the year of age. */
    public record Row(int year, int sex, int age, double q) {
    }

    /**
     * A table from its rows. Each year present must have both sexes and every age from 0 to its
     * last age; a year missing between the first and the last is bridged by the nearest year.
     *
     * @throws IllegalArgumentException naming the first invalid row or missing age
     */
    public static LifeTable of(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a life table needs rows (year, sex, age, q); none were given");
        }
        int first = rows.stream().mapToInt(Row::year).min().orElseThrow();
        int last = rows.stream().mapToInt(Row::year).max().orElseThrow();
        int lastAge = rows.stream().mapToInt(Row::age).max().orElseThrow();
        double[][][] hazard = new double[2][last - first + 1][lastAge + 1];
        int[][] maxAge = new int[2][last - first + 1];
        boolean[][][] seen = new boolean[2][last - first + 1][lastAge + 1];
        for (int[] m : maxAge) {
            java.util.Arrays.fill(m, -1);
        }
        for (Row r : rows) {
            if (r.sex() != 1 && r.sex() != 2) {
                throw new IllegalArgumentException("life table sex must be 1 or 2, not " + r.sex() + " (year " + r.year() + ", age " + r.age() + ")");
            }
            if (r.age() < 0) {
                throw new IllegalArgumentException("life table age cannot be negative: " + r.age());
            }
            if (!(r.q() >= 0 && r.q() < 1)) {
                throw new IllegalArgumentException("life table q must be at least 0 and below 1, not " + r.q() + " (year " + r.year()
                        + ", sex " + r.sex() + ", age " + r.age() + ")");
            }
            hazard[r.sex() - 1][r.year() - first][r.age()] = -Math.log1p(-r.q()) / YEAR_DAYS;
            seen[r.sex() - 1][r.year() - first][r.age()] = true;
            maxAge[r.sex() - 1][r.year() - first] = Math.max(maxAge[r.sex() - 1][r.year() - first], r.age());
        }
        TreeSet<Integer> present = new TreeSet<>();
        for (int y = 0; y <= last - first; y++) {
            if (maxAge[0][y] < 0 && maxAge[1][y] < 0) {
                continue;
            }
            present.add(first + y);
            for (int s = 0; s < 2; s++) {
                if (maxAge[s][y] < 0) {
                    throw new IllegalArgumentException("the life table for " + (first + y) + " has no " + (s == 0 ? "men" : "women")
                            + ": every year needs both sexes");
                }
                for (int a = 0; a <= lastAge; a++) {
                    if (a > maxAge[s][y]) {
                        hazard[s][y][a] = hazard[s][y][maxAge[s][y]]; // the year's last age holds for all older ages
                    } else if (!seen[s][y][a]) {
                        throw new IllegalArgumentException("the life table has no row for year " + (first + y) + ", sex " + (s + 1) + ", age " + a
                                + ": every year needs both sexes and every age from 0 to its last");
                    }
                }
            }
        }
        TreeSet<Integer> bridged = new TreeSet<>();
        for (int y = first; y <= last; y++) {
            if (!present.contains(y)) {
                int nearest = present.floor(y) != null && (present.ceiling(y) == null || y - present.floor(y) <= present.ceiling(y) - y)
                        ? present.floor(y) : present.ceiling(y);
                for (int s = 0; s < 2; s++) {
                    hazard[s][y - first] = hazard[s][nearest - first].clone();
                }
                bridged.add(y);
            }
        }
        return new LifeTable(first, last, lastAge, hazard, bridged);
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public int lastAge() {
        return lastAge;
    }

    /**
     * The population hazard per day at an age and a date given in days, possibly within a day (a
     * requested time such as 5 × 365.241 days): the cell holding them, as relsurv looks a rate table
     * up (the age cuts are k · 365.241 days, the years start on 1 January).
     */
    public double hazardAt(int sex, double ageDays, double epochDay) {
        return hazardPerDay(sex, ageIndex(ageDays), yearOf((long) Math.floor(epochDay)));
    }

    /** The whole years of an age in days: the largest k with k · 365.241 ≤ age (relsurv's cut points). */
    static int ageIndex(double ageDays) {
        int k = (int) Math.floor(ageDays / YEAR_DAYS);
        if ((k + 1) * YEAR_DAYS <= ageDays) {
            k++;
        } else if (k > 0 && k * YEAR_DAYS > ageDays) {
            k--;
        }
        return k;
    }

    /** The first whole day after diagnosis on which a patient aged {@code ageDays} at diagnosis is older than {@code age} years. */
    static int dayOfNextAge(int ageDays, int age) {
        int d = (int) Math.ceil((age + 1) * YEAR_DAYS - ageDays);
        while (d > 0 && ageIndex(ageDays + (double) (d - 1)) > age) {
            d--;
        }
        while (ageIndex(ageDays + (double) d) <= age) {
            d++;
        }
        return d;
    }

    /** 1 January of a year as an epoch day. */
    static long newYear(int year) {
        int i = year - FIRST_TABULATED;
        return i >= 0 && i < NEW_YEARS.length ? NEW_YEARS[i] : LocalDate.of(year, 1, 1).toEpochDay();
    }

    int yearIndex(int year) {
        return Math.min(lastYear, Math.max(firstYear, year)) - firstYear;
    }

    int ageIndex(int ageYears) {
        return Math.min(lastAge, ageYears);
    }

    /** The hazard per day at {@code ageYears} (whole years) in {@code year} for {@code sex} (1 men, 2 women). */
    public double hazardPerDay(int sex, int ageYears, int year) {
        return hazard[sex - 1][yearIndex(year)][ageIndex(ageYears)];
    }

    double daySurvival(int sex, int ageYears, int year) {
        return daySurvival[sex - 1][yearIndex(year)][ageIndex(ageYears)];
    }

    /** The calendar years among {@code years} that the table does not have (the nearest year is used for them). */
    public List<Integer> yearsOutside(java.util.Collection<Integer> years) {
        return new ArrayList<>(new TreeSet<>(years.stream().filter(y -> y < firstYear || y > lastYear || bridged.contains(y)).toList()));
    }

    /** A note saying which years used the nearest year's table, or "" when none did. */
    public String nearestYearNote(java.util.Collection<Integer> years) {
        List<Integer> outside = yearsOutside(years);
        if (outside.isEmpty()) {
            return "";
        }
        String range = "the life table has " + firstYear + "–" + lastYear + (bridged.isEmpty() ? "" : " except " + bridged);
        return range + "; for " + outside + " the nearest year's table was used";
    }

    private static final int FIRST_TABULATED = 1800;
    private static final long[] NEW_YEARS = new long[501];

    static {
        for (int i = 0; i < NEW_YEARS.length; i++) {
            NEW_YEARS[i] = LocalDate.of(FIRST_TABULATED + i, 1, 1).toEpochDay();
        }
    }

    /** The calendar year of an epoch day (from a table of 1 Januaries for 1800–2299: it is asked for every day of every patient). */
    static int yearOf(long epochDay) {
        int i = (int) Math.floorDiv(epochDay - NEW_YEARS[0], 365);
        if (i < 0 || i >= NEW_YEARS.length) {
            return LocalDate.ofEpochDay(epochDay).getYear();
        }
        while (i > 0 && NEW_YEARS[i] > epochDay) {
            i--;
        }
        while (i + 1 < NEW_YEARS.length && NEW_YEARS[i + 1] <= epochDay) {
            i++;
        }
        return i + 1 == NEW_YEARS.length && NEW_YEARS[i] + 366 <= epochDay ? LocalDate.ofEpochDay(epochDay).getYear() : FIRST_TABULATED + i;
    }
}
