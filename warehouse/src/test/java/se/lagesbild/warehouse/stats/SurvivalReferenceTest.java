package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.stats.ConformanceCases.fromR;
import static se.lagesbild.warehouse.stats.ConformanceCases.number;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Survival estimators against R 4.2.2 Patched (2022-11-10 r83330) with relsurv 2.2.9 and survival
 * 3.5.3: {@code rs.surv(method = "pohar-perme")}, {@code rs.surv(method = "ederer2")} and
 * {@code survfit} (Kaplan–Meier, Greenwood, log interval), on simulated patients and a Gompertz life
 * table written by src/test/r/survival-fixtures.R into src/test/resources/stats/survival. Net and
 * relative survival agree to 1e-8 (the issue asks 1e-5), observed survival to 1e-12.
 */
class SurvivalReferenceTest {
    private static final double[] TIMES = Survival.years(1, 3, 5);

    static LifeTable lifeTable() {
        List<LifeTable.Row> rows = new ArrayList<>();
        for (var r : fromR("survival/life_table.csv")) {
            rows.add(new LifeTable.Row((int) number(r, "year"), (int) number(r, "sex"), (int) number(r, "age"), number(r, "q")));
        }
        return LifeTable.of(rows);
    }

    static Map<String, List<SurvivalPatient>> datasets() {
        Map<String, List<SurvivalPatient>> sets = new LinkedHashMap<>();
        for (var r : fromR("survival/patients.csv")) {
            sets.computeIfAbsent(r.get("dataset"), k -> new ArrayList<>()).add(SurvivalPatient.cohort((int) number(r, "sex"),
                    (int) number(r, "age_days"), LocalDate.parse(r.get("diagnosis")).toEpochDay(), (int) number(r, "time"),
                    number(r, "status") == 1));
        }
        return sets;
    }

    private static void assertMatches(String file, String method, java.util.function.Function<List<SurvivalPatient>, List<SurvivalEstimate>> fit,
                                      double tolerance) {
        Map<String, List<SurvivalEstimate>> fitted = new LinkedHashMap<>();
        datasets().forEach((name, patients) -> fitted.put(name, fit.apply(patients)));
        int checked = 0;
        for (var row : fromR("survival/" + file)) {
            int i = (int) number(row, "years") / 2; // 1, 3, 5 -> 0, 1, 2
            SurvivalEstimate e = fitted.get(row.get("dataset")).get(i);
            String what = method + " " + row.get("dataset") + " at " + row.get("years") + " years";
            assertEquals(number(row, "surv"), e.value(), tolerance, what);
            assertClose(number(row, "std_err"), e.logStandardError(), tolerance, what + " se(log S)");
            assertClose(number(row, "lower"), e.lower(), tolerance, what + " lower");
            assertClose(number(row, "upper"), e.upper(), tolerance, what + " upper");
            assertEquals(number(row, "n_risk"), e.atRisk(), what + " at risk");
            checked++;
        }
        assertEquals(21, checked, "seven data sets at three times");
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": R gives NA, got " + actual);
        } else {
            assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
        }
    }

    @Test
    void poharPermeAgreesWithRelsurv() {
        LifeTable table = lifeTable();
        assertMatches("pohar_perme.csv", "Pohar Perme", p -> Survival.poharPerme(zeroDays(p), table, TIMES, Confidence.NINETY_FIVE), 1e-8);
    }

    @Test
    void edererTwoAgreesWithRelsurv() {
        LifeTable table = lifeTable();
        assertMatches("ederer2.csv", "Ederer II", p -> Survival.edererII(zeroDays(p), table, TIMES, Confidence.NINETY_FIVE), 1e-8);
    }

    @Test
    void kaplanMeierAgreesWithSurvfit() {
        assertMatches("kaplan_meier.csv", "Kaplan-Meier", p -> Survival.kaplanMeier(zeroDays(p), TIMES, Confidence.NINETY_FIVE), 1e-12);
    }

    /**
     * The zero_days set's first three patients died on the day of diagnosis; R was given 1 day for
     * them (Lägesbild's rule), Lägesbild gets 0 days as the register would deliver them.
     */
    private static List<SurvivalPatient> zeroDays(List<SurvivalPatient> patients) {
        if (patients.size() != 40 || patients.get(0).exitDays() != 1 || patients.get(1).exitDays() != 1 || patients.get(2).exitDays() != 1) {
            return patients;
        }
        List<SurvivalPatient> delivered = new ArrayList<>(patients);
        for (int i = 0; i < 3; i++) {
            SurvivalPatient p = patients.get(i);
            delivered.set(i, SurvivalPatient.cohort(p.sex(), p.ageDays(), p.diagnosisDay(), 0, true));
        }
        return delivered;
    }

    @Test
    void periodAnalysisEntersPatientsAtTheWindowStart() {
        LifeTable table = lifeTable();
        long start = LocalDate.of(2017, 1, 1).toEpochDay();
        long stop = LocalDate.of(2018, 1, 1).toEpochDay();
        List<SurvivalPatient> window = new ArrayList<>();
        for (SurvivalPatient p : datasets().get("cohort400")) {
            int entry = (int) Math.max(0, start - p.diagnosisDay());
            int exit = (int) Math.min(p.exitDays(), stop - p.diagnosisDay());
            boolean died = p.died() && p.exitDays() <= stop - p.diagnosisDay();
            if (exit > entry) {
                window.add(new SurvivalPatient(p.sex(), p.ageDays(), p.diagnosisDay(), entry, exit, died));
            }
        }
        List<SurvivalEstimate> pp = Survival.poharPerme(window, table, TIMES, Confidence.NINETY_FIVE);
        List<SurvivalEstimate> km = Survival.kaplanMeier(window, TIMES, Confidence.NINETY_FIVE);
        var rows = fromR("survival/period_2017.csv");
        for (int i = 0; i < 3; i++) {
            var row = rows.get(i);
            assertEquals(number(row, "pp_surv"), pp.get(i).value(), 1e-8, "period Pohar Perme at " + row.get("years"));
            assertEquals(number(row, "pp_std_err"), pp.get(i).logStandardError(), 1e-8, "period Pohar Perme se");
            assertEquals(number(row, "km_surv"), km.get(i).value(), 1e-12, "survfit(Surv(entry, exit, status)) at " + row.get("years"));
            assertEquals(number(row, "km_std_err"), km.get(i).logStandardError(), 1e-12);
            assertEquals(number(row, "km_lower"), km.get(i).lower(), 1e-12);
            assertEquals(number(row, "km_upper"), km.get(i).upper(), 1e-12);
        }
    }

    @Test
    void oneCalendarPassGivesEveryYearsPeriodEstimate() {
        LifeTable table = lifeTable();
        int horizon = Survival.horizonFor(TIMES);
        java.util.Map<Integer, SurvivalSums> byYear = new java.util.HashMap<>();
        java.util.Map<Integer, SurvivalSums> km = new java.util.HashMap<>();
        for (SurvivalPatient p : datasets().get("cohort400")) {
            SurvivalSums.addByCalendarYear(p, table, y -> byYear.computeIfAbsent(y, k -> new SurvivalSums(horizon, true)), horizon, true);
            SurvivalSums.addByCalendarYear(p, null, y -> km.computeIfAbsent(y, k -> new SurvivalSums(horizon, false)), horizon, false);
        }
        var rows = fromR("survival/period_2017.csv");
        List<SurvivalEstimate> pp = Survival.poharPerme(byYear.get(2017), TIMES, Confidence.NINETY_FIVE);
        List<SurvivalEstimate> observed = Survival.kaplanMeier(km.get(2017), TIMES, Confidence.NINETY_FIVE);
        for (int i = 0; i < 3; i++) {
            assertEquals(number(rows.get(i), "pp_surv"), pp.get(i).value(), 1e-8, "2017 window from the calendar pass");
            assertEquals(number(rows.get(i), "pp_std_err"), pp.get(i).logStandardError(), 1e-8);
            assertEquals(number(rows.get(i), "km_surv"), observed.get(i).value(), 1e-12);
        }
        assertEquals(296, byYear.get(2017).patients(), "patients at risk during 2017, as R's data set");
    }

    @Test
    void icssStandardisationTraditionalAndBrenner() {
        LifeTable table = lifeTable();
        List<SurvivalSums> groups = AgeStandardisedSurvival.sumsByGroup(datasets().get("cohort400"), table, TIMES);
        var traditional = AgeStandardisedSurvival.traditional(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE);
        var brenner = AgeStandardisedSurvival.brenner(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE);
        var rows = fromR("survival/icss1_standardised.csv");
        for (int i = 0; i < 3; i++) {
            var row = rows.get(i);
            assertEquals(number(row, "traditional"), traditional.get(i).value(), 1e-8, "traditional at " + row.get("years"));
            assertEquals(number(row, "traditional_se"), traditional.get(i).standardError(), 1e-8, "traditional se");
            assertEquals(number(row, "brenner"), brenner.get(i).value(), 1e-8, "Brenner at " + row.get("years"));
            assertEquals(number(row, "brenner_log_se"), brenner.get(i).logStandardError(), 1e-8, "Brenner se(log S)");
        }
    }

    @Test
    void edgesAreStatedNotGuessed() {
        LifeTable table = lifeTable();
        Map<String, List<SurvivalPatient>> sets = datasets();
        // everyone dead: observed survival 0 without an interval, and the value is final (followed up)
        SurvivalEstimate dead = Survival.kaplanMeier(sets.get("everyone_dies"), TIMES, Confidence.NINETY_FIVE).get(2);
        assertEquals(0, dead.value());
        assertTrue(Double.isNaN(dead.lower()) && dead.note().isEmpty(), dead.toString());
        // nobody dies: net survival above 1 with no uncertainty from deaths
        SurvivalEstimate alive = Survival.poharPerme(sets.get("nobody_dies"), table, TIMES, Confidence.NINETY_FIVE).get(0);
        assertTrue(alive.value() > 1 && alive.logStandardError() == 0, alive.toString());
        // follow-up that ends before 5 years: the value is R's (the last one) but says so
        SurvivalEstimate short5 = Survival.poharPerme(sets.get("years_outside_table"), table, TIMES, Confidence.NINETY_FIVE).get(2);
        assertTrue(short5.note().startsWith("no patient followed up to 1826 days"), short5.note());
        // years outside the table use the nearest year and say which
        assertEquals("the life table has 2010–2022; for [2023, 2024, 2025] the nearest year's table was used",
                table.nearestYearNote(List.of(2021, 2023, 2024, 2025)));
        assertEquals(table.hazardPerDay(1, 70, 2022), table.hazardPerDay(1, 70, 2030));
        assertEquals(table.hazardPerDay(2, 100, 2015), table.hazardPerDay(2, 107, 2015), "ages past the last age use the last age");
        // no patients, and a patient diagnosed on the closing date (no time at risk)
        SurvivalPatient closing = SurvivalPatient.cohort(1, 20000, LocalDate.of(2020, 1, 1).toEpochDay(), 0, false);
        assertFalse(closing.observed());
        SurvivalEstimate none = Survival.poharPerme(List.of(closing), table, TIMES, Confidence.NINETY_FIVE).get(0);
        assertEquals("no patients", none.note());
        // a window with nobody at risk for a while: not estimable past the gap, with a note
        List<SurvivalPatient> gap = List.of(new SurvivalPatient(1, 20000, 0, 0, 100, false), new SurvivalPatient(2, 20000, 0, 400, 900, true));
        SurvivalEstimate late = Survival.kaplanMeier(gap, TIMES, Confidence.NINETY_FIVE).get(1);
        assertFalse(late.available());
        assertTrue(late.note().startsWith("nobody is at risk between 100 and 400 days"), late.note());
        // a life table with a missing year is refused, naming it
        List<LifeTable.Row> holed = new ArrayList<>();
        for (int year : new int[] {2020, 2022}) {
            for (int sex = 1; sex <= 2; sex++) {
                for (int age = 0; age <= 2; age++) {
                    holed.add(new LifeTable.Row(year, sex, age, 0.01));
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LifeTable.of(holed));
        assertTrue(e.getMessage().contains("no row for year 2021"), e.getMessage());
        // Brenner cannot weight an empty age group; traditional names the group without an estimate
        List<SurvivalPatient> young = sets.get("cohort400").stream().filter(p -> AgeStandardisedSurvival.group(p.ageDays()) < 4).toList();
        var groups = AgeStandardisedSurvival.sumsByGroup(young, table, TIMES);
        assertEquals("not standardised: no patients aged 75+",
                AgeStandardisedSurvival.brenner(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE).get(0).note());
        assertTrue(AgeStandardisedSurvival.traditional(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE).get(0)
                .note().startsWith("not standardised: age group 75+"));
    }
}
