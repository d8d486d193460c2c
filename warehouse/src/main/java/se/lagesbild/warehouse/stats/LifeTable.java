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
 * <p>Edges: an age above the table's last age uses the last age (the last row holds for all older
 * ages, as SCB's 100+ does); a calendar year outside the table uses the nearest year the table has,
 * and {@link #yearsOutside} lists the years that did so, for a note. A year inside the table's range
 * that is missing is refused when the table is built (a gap is a delivery error, not an edge). A
 * q of 1 (certain death) gives an infinite hazard and is refused; q must be in [0, 1).
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
    /** [sex − 1][year − firstYear][age] hazard per day. */
    private final double[][][] hazard;
    /** exp(−hazard): the one-day survival. */
    private final double[][][] daySurvival;

    private LifeTable(int firstYear, int lastYear, int lastAge, double[][][] hazard) {
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
     * A table from its rows. Every year from the first to the last must have both sexes and every
     * age from 0 to the last age.
     *
     * @throws IllegalArgumentException naming the first missing or invalid row
     */
    public static LifeTable of(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a life table needs rows (year, sex, age, q); none were given");
        }
        int first = rows.stream().mapToInt(Row::year).min().orElseThrow();
        int last = rows.stream().mapToInt(Row::year).max().orElseThrow();
        int lastAge = rows.stream().mapToInt(Row::age).max().orElseThrow();
        double[][][] hazard = new double[2][last - first + 1][lastAge + 1];
        boolean[][][] seen = new boolean[2][last - first + 1][lastAge + 1];
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
        }
        for (int s = 0; s < 2; s++) {
            for (int y = 0; y <= last - first; y++) {
                for (int a = 0; a <= lastAge; a++) {
                    if (!seen[s][y][a]) {
                        throw new IllegalArgumentException("the life table has no row for year " + (first + y) + ", sex " + (s + 1) + ", age " + a
                                + ": every year from " + first + " to " + last + " needs both sexes and ages 0–" + lastAge);
                    }
                }
            }
        }
        return new LifeTable(first, last, lastAge, hazard);
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
        return new ArrayList<>(new TreeSet<>(years.stream().filter(y -> y < firstYear || y > lastYear).toList()));
    }

    /** A note saying which years used the nearest year's table, or "" when none did. */
    public String nearestYearNote(java.util.Collection<Integer> years) {
        List<Integer> outside = yearsOutside(years);
        return outside.isEmpty() ? "" : "the life table has " + firstYear + "–" + lastYear + "; for " + outside
                + " the nearest year's table was used";
    }

    /** The calendar year of an epoch day. */
    static int yearOf(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).getYear();
    }
}
