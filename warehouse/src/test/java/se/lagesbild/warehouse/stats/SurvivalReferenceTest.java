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
 * Survival estimators at exactly 1, 3, 5 and 10 years against R 4.2.2 Patched (2022-11-10 r83330)
 * with relsurv 2.2.9, survival 3.5.3 and popEpi 0.4.10, written by src/test/r/survival-fixtures.R
 * into src/test/resources/stats/survival: {@code rs.surv(method = "pohar-perme", add.times =)},
 * Ederer II by relsurv's own routine on the same grid, {@code survfit} (Kaplan–Meier, Greenwood, log
 * interval, delayed entry), and for what rs.surv cannot take (delayed entry, Brenner's weights) a
 * direct implementation of relsurv's computation checked there against rs.surv and relsurv's C
 * routine to 1e-10. Data: relsurv's colrec with slopop, popEpi's sire with popmort, and edge cohorts
 * (nobody dies, tied deaths, ages past the table's last age, emigrations, day-0 follow-up in sire,
 * period analysis with staggered entry). Net and relative survival agree to 1e-8, observed to 1e-12.
 */
class SurvivalReferenceTest {
    private static final double[] TIMES = Survival.years(1, 3, 5, 10);

    static Map<String, LifeTable> lifeTables() {
        Map<String, List<LifeTable.Row>> rows = new LinkedHashMap<>();
        for (var r : fromR("survival/life_tables.csv")) {
            rows.computeIfAbsent(r.get("table"), k -> new ArrayList<>())
                    .add(new LifeTable.Row((int) number(r, "year"), (int) number(r, "sex"), (int) number(r, "age"), number(r, "q")));
        }
        Map<String, LifeTable> tables = new LinkedHashMap<>();
        rows.forEach((name, r) -> tables.put(name, LifeTable.of(r)));
        return tables;
    }

    /** A data set's patients and the name of its life table. */
    record Cohort(String table, List<SurvivalPatient> patients) {
    }

    static Map<String, Cohort> cohorts() {
        Map<String, Cohort> sets = new LinkedHashMap<>();
        for (var r : fromR("survival/patients.csv")) {
            sets.computeIfAbsent(r.get("dataset"), k -> new Cohort(r.get("table"), new ArrayList<>())).patients()
                    .add(new SurvivalPatient((int) number(r, "sex"), (int) number(r, "age_days"), LocalDate.parse(r.get("diagnosis")).toEpochDay(),
                            (int) number(r, "entry"), (int) number(r, "time"), number(r, "status") == 1));
        }
        return sets;
    }

    private static void assertMatches(String method, java.util.function.BiFunction<Cohort, LifeTable, List<SurvivalEstimate>> fit,
                                      double tolerance) {
        Map<String, LifeTable> tables = lifeTables();
        Map<String, List<SurvivalEstimate>> fitted = new LinkedHashMap<>();
        cohorts().forEach((name, c) -> fitted.put(name, fit.apply(c, tables.get(c.table()))));
        int checked = 0;
        for (var row : fromR("survival/expected.csv")) {
            if (!row.get("method").equals(method)) {
                continue;
            }
            int i = java.util.Arrays.asList(1, 3, 5, 10).indexOf((int) number(row, "years"));
            SurvivalEstimate e = fitted.get(row.get("dataset")).get(i);
            String what = method + " " + row.get("dataset") + " at " + row.get("years") + " years";
            assertClose(number(row, "surv"), e.value(), tolerance, what);
            assertClose(number(row, "std_err"), e.logStandardError(), tolerance, what + " se(log S)");
            assertClose(number(row, "lower"), e.lower(), tolerance, what + " lower");
            assertClose(number(row, "upper"), e.upper(), tolerance, what + " upper");
            assertEquals(number(row, "n_risk"), e.atRisk(), what + " at risk");
            checked++;
        }
        assertEquals(36, checked, "nine data sets at four times");
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": R gives NA, got " + actual);
        } else {
            assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
        }
    }

    @Test
    void poharPermeAgreesWithRelsurvAtExactlyTheRequestedTimes() {
        assertMatches("pohar_perme", (c, table) -> Survival.poharPerme(c.patients(), table, TIMES, Confidence.NINETY_FIVE), 1e-8);
    }

    @Test
    void edererTwoIsCarriedToExactlyTheRequestedTimes() {
        assertMatches("ederer2", (c, table) -> Survival.edererII(c.patients(), table, TIMES, Confidence.NINETY_FIVE), 1e-8);
    }

    @Test
    void kaplanMeierAgreesWithSurvfit() {
        assertMatches("kaplan_meier", (c, table) -> Survival.kaplanMeier(c.patients(), TIMES, Confidence.NINETY_FIVE), 1e-12);
    }

    @Test
    void oneCalendarPassGivesEveryYearsPeriodEstimate() {
        LifeTable table = lifeTables().get("slopop");
        int horizon = Survival.horizonFor(TIMES);
        Map<Integer, SurvivalSums> byYear = new java.util.HashMap<>();
        Map<Integer, SurvivalSums> km = new java.util.HashMap<>();
        for (SurvivalPatient p : cohorts().get("colrec").patients()) {
            SurvivalSums.addByCalendarYear(p, table, y -> byYear.computeIfAbsent(y, k -> new SurvivalSums(horizon, true)), horizon, true);
            SurvivalSums.addByCalendarYear(p, null, y -> km.computeIfAbsent(y, k -> new SurvivalSums(horizon, false)), horizon, false);
        }
        List<SurvivalEstimate> pp = Survival.poharPerme(byYear.get(1998), TIMES, Confidence.NINETY_FIVE);
        List<SurvivalEstimate> observed = Survival.kaplanMeier(km.get(1998), TIMES, Confidence.NINETY_FIVE);
        int checked = 0;
        for (var row : fromR("survival/expected.csv")) {
            if (!row.get("dataset").equals("period_1998") || row.get("method").equals("ederer2")) {
                continue;
            }
            int i = java.util.Arrays.asList(1, 3, 5, 10).indexOf((int) number(row, "years"));
            boolean net = row.get("method").equals("pohar_perme");
            SurvivalEstimate e = (net ? pp : observed).get(i);
            assertEquals(number(row, "surv"), e.value(), net ? 1e-8 : 1e-12, "1998 window from the calendar pass, " + row.get("method"));
            assertEquals(number(row, "std_err"), e.logStandardError(), net ? 1e-8 : 1e-12);
            checked++;
        }
        assertEquals(8, checked);
        assertEquals(cohorts().get("period_1998").patients().size(), byYear.get(1998).patients(), "patients at risk during 1998, as R's data set");
    }

    @Test
    void icssStandardisationTraditionalAndBrenner() {
        Map<String, LifeTable> tables = lifeTables();
        Map<String, Cohort> cohorts = cohorts();
        int checked = 0;
        for (var row : fromR("survival/icss1_standardised.csv")) {
            Cohort c = cohorts.get(row.get("dataset"));
            List<SurvivalSums> groups = AgeStandardisedSurvival.sumsByGroup(c.patients(), tables.get(c.table()), TIMES);
            int i = java.util.Arrays.asList(1, 3, 5, 10).indexOf((int) number(row, "years"));
            var traditional = AgeStandardisedSurvival.traditional(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE);
            var brenner = AgeStandardisedSurvival.brenner(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE);
            String what = row.get("dataset") + " at " + row.get("years") + " years";
            assertClose(number(row, "traditional"), traditional.get(i).value(), 1e-8, "traditional " + what);
            assertClose(number(row, "traditional_se"), traditional.get(i).standardError(), 1e-8, "traditional se " + what);
            assertClose(number(row, "brenner"), brenner.get(i).value(), 1e-8, "Brenner " + what);
            assertClose(number(row, "brenner_log_se"), brenner.get(i).logStandardError(), 1e-8, "Brenner se(log S) " + what);
            checked++;
        }
        assertTrue(checked >= 12, checked + " standardised rows");
    }

    @Test
    void edgesAreStatedNotGuessed() {
        Map<String, LifeTable> tables = lifeTables();
        LifeTable table = tables.get("slopop");
        Map<String, Cohort> sets = cohorts();
        // everyone dead: observed survival 0 without an interval, and the value is final (followed up)
        List<SurvivalPatient> allDie = sets.get("tied_deaths").patients().stream().map(p -> SurvivalPatient.cohort(p.sex(), p.ageDays(),
                p.diagnosisDay(), Math.min(p.exitDays(), 1000), true)).toList();
        SurvivalEstimate dead = Survival.kaplanMeier(allDie, TIMES, Confidence.NINETY_FIVE).get(2);
        assertEquals(0, dead.value());
        assertTrue(Double.isNaN(dead.lower()) && dead.note().isEmpty(), dead.toString());
        // nobody dies: net survival above 1 with no uncertainty from deaths, carried to exactly t
        List<SurvivalEstimate> alive = Survival.poharPerme(sets.get("nobody_dies").patients(), table, TIMES, Confidence.NINETY_FIVE);
        assertTrue(alive.get(0).value() > 1 && alive.get(0).logStandardError() == 0, alive.get(0).toString());
        assertTrue(alive.get(1).value() > alive.get(0).value(), "expected deaths keep raising net survival between exits");
        // follow-up that ends before 10 years: the value at the last exit (rs.surv caps add.times there), and it says so
        SurvivalEstimate short10 = Survival.poharPerme(sets.get("period_1998").patients(), table, TIMES, Confidence.NINETY_FIVE).get(3);
        assertTrue(short10.note().startsWith("no patient followed up to 3652 days"), short10.note());
        // years outside the table use the nearest year and say which
        assertEquals("the life table has 1982–2020; for [2021, 2022] the nearest year's table was used",
                table.nearestYearNote(List.of(2019, 2021, 2022)));
        assertEquals(table.hazardPerDay(1, 70, 2020), table.hazardPerDay(1, 70, 2030));
        LifeTable to90 = tables.get("slopop_to90");
        assertEquals(to90.hazardPerDay(2, 90, 2000), to90.hazardPerDay(2, 97, 2000), "ages past the last age use the last age");
        // a requested time within a day looks the hazard up where relsurv does: the age cut at k · 365.241 days
        assertEquals(table.hazardPerDay(1, 5, 2000), table.hazardAt(1, 5 * LifeTable.YEAR_DAYS, LocalDate.of(2000, 6, 1).toEpochDay() + 0.5));
        assertEquals(table.hazardPerDay(1, 4, 2000), table.hazardAt(1, Math.nextDown(5 * LifeTable.YEAR_DAYS), LocalDate.of(2000, 6, 1).toEpochDay()));
        // no follow-up at all (a death on the day of diagnosis, or diagnosed on the closing date): not added;
        // the register's rule counts such cases as excluded before any estimator
        SurvivalPatient dayZero = SurvivalPatient.cohort(1, 20000, LocalDate.of(2020, 1, 1).toEpochDay(), 0, true);
        assertFalse(dayZero.observed());
        SurvivalEstimate none = Survival.poharPerme(List.of(dayZero), table, TIMES, Confidence.NINETY_FIVE).get(0);
        assertEquals("no patients", none.note());
        // a window with nobody at risk for a while: not estimable past the gap, with a note
        List<SurvivalPatient> gap = List.of(new SurvivalPatient(1, 20000, 0, 0, 100, false), new SurvivalPatient(2, 20000, 0, 400, 900, true));
        SurvivalEstimate late = Survival.kaplanMeier(gap, TIMES, Confidence.NINETY_FIVE).get(1);
        assertFalse(late.available());
        assertTrue(late.note().startsWith("nobody is at risk between 100 and"), late.note());
        // a life table with a missing year (the loader refuses it, naming the year) is bridged by the nearest year, and says so;
        // a year may end at a lower age than another (its last age holds for all older ages)
        List<LifeTable.Row> holed = new ArrayList<>();
        for (int year : new int[] {2020, 2022}) {
            for (int sex = 1; sex <= 2; sex++) {
                for (int age = 0; age <= (year == 2020 ? 2 : 3); age++) {
                    holed.add(new LifeTable.Row(year, sex, age, 0.01 * (year - 2019) + 0.001 * age));
                }
            }
        }
        LifeTable bridged = LifeTable.of(holed);
        assertEquals(bridged.hazardPerDay(1, 1, 2020), bridged.hazardPerDay(1, 1, 2021), "2021 uses the nearest year, the earlier on a tie");
        assertEquals(bridged.hazardPerDay(2, 2, 2020), bridged.hazardPerDay(2, 3, 2020), "2020's last age (2) holds for age 3");
        assertEquals("the life table has 2020–2022 except [2021]; for [2021] the nearest year's table was used",
                bridged.nearestYearNote(List.of(2020, 2021, 2022)));
        List<LifeTable.Row> noAge = new ArrayList<>(holed);
        noAge.removeIf(r -> r.year() == 2022 && r.sex() == 1 && r.age() == 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LifeTable.of(noAge));
        assertTrue(e.getMessage().contains("no row for year 2022, sex 1, age 1"), e.getMessage());
        // Brenner cannot weight an empty age group; traditional names the group without an estimate
        List<SurvivalPatient> young = sets.get("colrec").patients().stream().filter(p -> AgeStandardisedSurvival.group(p.ageDays()) >= 0
                && AgeStandardisedSurvival.group(p.ageDays()) < 4).toList();
        var groups = AgeStandardisedSurvival.sumsByGroup(young, table, TIMES);
        assertEquals("not standardised: no patients aged 75+",
                AgeStandardisedSurvival.brenner(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE).get(0).note());
        assertTrue(AgeStandardisedSurvival.traditional(groups, AgeStandardisedSurvival.Standard.ICSS1, TIMES, Confidence.NINETY_FIVE).get(0)
                .note().startsWith("not standardised: age group 75+"));
    }
}
