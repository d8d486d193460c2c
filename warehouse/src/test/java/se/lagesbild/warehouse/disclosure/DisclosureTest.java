package se.lagesbild.warehouse.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellCounts;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * The disclosure model on small hand-made tables: primary suppression by the thresholds, secondary
 * suppression by least cost along every hierarchy, and an attack that finds nothing afterwards.
 * Every expected pattern is worked out by hand in the comments.
 */
class DisclosureTest {
    static final DisclosureRules RULES = new DisclosureRules(5, 5, 10, 5);
    static final Indicator SHARE = indicator("svf_within_lead_time", "proportion");
    static final Indicator RATE = indicator("new_cancer_cases_rate", "rate");
    /** Sweden in small: Stockholm–Gotland (01, 09) and Norr (23, 24). */
    static final Hierarchy.Dimensions GEOGRAPHY = new Hierarchy.Dimensions(Map.of("01", List.of("STHLM"), "09", List.of("STHLM"),
            "23", List.of("NORR"), "24", List.of("NORR")), Map.of("0-17", "broad", "18+", "broad", "ALL", "total"));

    static Indicator indicator(String code, String method) {
        return new Indicator(code, 2, "", "", "", "", "proportion", "higher_is_better", null, method, null, "adult", "svf-pathways",
                "mart_x", "svf-treated", null, java.util.List.of(), null, null);
    }

    /** A cell of year 2026 (or the period given), BREAST, all ages. */
    static Cell cell(String period, String level, String geo, int sex) {
        return new Cell(period, level, geo, "BREAST", sex, "ALL");
    }

    /** The counts of {@code indicator}'s cells: a proportion's numerators and denominators (patients), else cases. */
    private static List<CellCounts> table(Indicator indicator, Map<Cell, double[]> counts) {
        return List.of(indicator.method().equals("proportion")
                ? new CellCounts(indicator, List.of("numerator", "denominator"), 1, "patients", counts)
                : new CellCounts(indicator, List.of("cases"), 0, "cases", counts));
    }

    private static DisclosurePattern decide(Indicator indicator, Map<Cell, double[]> counts, Hierarchy.Dimensions dimensions) {
        return DisclosurePattern.decide("svf-treated", 2026, table(indicator, counts), RULES, dimensions, true);
    }

    /** Nothing hidden can be recovered or narrowed below 5 by the attack on what is released. */
    private static void assertSafe(Indicator indicator, Map<Cell, double[]> counts, DisclosurePattern pattern) {
        List<Audit.Finding> findings = Audit.of(table(indicator, counts), pattern, RULES, GEOGRAPHY);
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void aSmallCellAndTheCheapestCellThatWouldRevealItAreHidden() {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "region", "09", 1), new double[] {2, 3});
        counts.put(cell("2026", "region", "09", 2), new double[] {12, 20});
        counts.put(cell("2026", "region", "09", 3), new double[] {14, 23});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertTrue(pattern.reason(cell("2026", "region", "09", 1)).contains("fewer than 5 patients"));
        // both − men would reveal men: women (cost 20) is cheaper than both sexes (cost 23 × 2)
        assertTrue(pattern.reason(cell("2026", "region", "09", 2)).contains("secondary"));
        assertFalse(pattern.hidden(cell("2026", "region", "09", 3)));
        assertEquals(1, pattern.primary());
        assertEquals(1, pattern.secondary());
        assertSafe(SHARE, counts, pattern);
    }

    @Test
    void aMonthNeedsTenTreatmentStartsAndTheThresholdsAreConfiguration() {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026-03", "country", "00", 3), new double[] {5, 8});
        counts.put(cell("2026", "country", "00", 3), new double[] {50, 80});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertTrue(pattern.reason(cell("2026-03", "country", "00", 3)).contains("a month with fewer than 10"));
        assertFalse(pattern.hidden(cell("2026", "country", "00", 3)), "the year has no relation with one month alone");
        DisclosurePattern strict = DisclosurePattern.decide("svf-treated", 2026, table(SHARE, counts), new DisclosureRules(100, 5, 10, 5),
                GEOGRAPHY, true);
        assertTrue(strict.hidden(cell("2026", "country", "00", 3)), "a threshold of 100 patients hides the year's 80");
    }

    /**
     * Gotland (2 of 4, below 5) and Stockholm (400 of 900) in Stockholm–Gotland, Jämtland and Västerbotten as given in Norr,
     * and Riket, both sexes, 2026: the totals are the sums.
     */
    private static Map<Cell, double[]> gotlandAndNorr(double[] jamtland, double[] vasterbotten) {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "region", "09", 3), new double[] {2, 4});
        counts.put(cell("2026", "region", "01", 3), new double[] {400, 900});
        counts.put(cell("2026", "region", "23", 3), jamtland);
        counts.put(cell("2026", "region", "24", 3), vasterbotten);
        counts.put(cell("2026", "healthcare_region", "STHLM", 3), new double[] {402, 904});
        double[] norr = {jamtland[0] + vasterbotten[0], jamtland[1] + vasterbotten[1]};
        counts.put(cell("2026", "healthcare_region", "NORR", 3), norr);
        counts.put(cell("2026", "country", "00", 3), new double[] {402 + norr[0], 904 + norr[1]});
        return counts;
    }

    @Test
    void gotlandIsProtectedByTheHealthcareRegionTotalNotByStockholm() {
        // Gotland 2/4 is below 5. Stockholm–Gotland = Stockholm + Gotland, so one of them must go too: the
        // healthcare-region total (cost 904 × 0.3 × 2) is cheaper than Stockholm's headline (900 × 2). Riket =
        // the healthcare regions then needs Norr hidden (the cheaper one), Norr = its regions needs one of them
        // (Jämtland, 40), and Riket = the regions then has two unknowns (Gotland, Jämtland).
        Map<Cell, double[]> counts = gotlandAndNorr(new double[] {20, 40}, new double[] {30, 60});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertFalse(pattern.hidden(cell("2026", "region", "01", 3)), "Stockholm is shown");
        assertFalse(pattern.hidden(cell("2026", "country", "00", 3)), "Riket is shown");
        assertTrue(pattern.hidden(cell("2026", "healthcare_region", "STHLM", 3)));
        assertTrue(pattern.hidden(cell("2026", "healthcare_region", "NORR", 3)));
        assertTrue(pattern.hidden(cell("2026", "region", "23", 3)));
        assertFalse(pattern.hidden(cell("2026", "region", "24", 3)));
        assertSafe(SHARE, counts, pattern);
    }

    @Test
    void theOptimumOfOneStepHoldsTheCellsDecidedBeforeAndCountsOnlyTheOthers() {
        // The Gotland table above. Counting complements, Stockholm alone protects Gotland (Stockholm–Gotland and Riket then
        // each have two unknowns): 1, where the heuristic, sparing the headline, hides 3 (both healthcare regions, Jämtland).
        // With Stockholm held released the fewest are 2 (Stockholm–Gotland and Riket); with the healthcare regions held as the
        // pattern hides them, only Jämtland is left to choose: 1, as the pattern has it.
        Map<Cell, double[]> counts = gotlandAndNorr(new double[] {20, 40}, new double[] {30, 60});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        ComplementOptimum.Result whole = ComplementOptimum.of(table(SHARE, counts), pattern, RULES, GEOGRAPHY, 30);
        assertTrue(whole.optimal(), whole.toString());
        assertEquals(1, whole.complements());
        assertEquals(3, whole.pattern());
        ComplementOptimum.Result stockholmShown = ComplementOptimum.of(table(SHARE, counts), pattern, RULES, GEOGRAPHY, 30,
                ComplementOptimum.Measure.COMPLEMENTS, c -> c.geoCode().equals("01"));
        assertTrue(stockholmShown.optimal(), stockholmShown.toString());
        assertEquals(2, stockholmShown.complements());
        ComplementOptimum.Result regionsDecided = ComplementOptimum.of(table(SHARE, counts), pattern, RULES, GEOGRAPHY, 30,
                ComplementOptimum.Measure.COMPLEMENTS, c -> c.geoLevel().equals("healthcare_region"));
        assertTrue(regionsDecided.optimal(), regionsDecided.toString());
        assertEquals(1, regionsDecided.complements());
        assertEquals(1, regionsDecided.pattern(), "Jämtland, the one complement not held");
    }

    @Test
    void aComplementCostsTheComplementsItForcesAtOnce() {
        // As above, Gotland 2/4 needs Stockholm or the Stockholm–Gotland total hidden beside it (Riket = the
        // regions gets Jämtland, its cheapest member, first). Alone the total costs least (904 × 0.3 against
        // Stockholm's 900), but it would be the only unknown of Riket = the healthcare regions, whose cheapest
        // other member is Norr (4,200 × 0.3): 5,104 patients hidden. Stockholm forces nothing more: 900.
        // Jämtland then protects nothing Stockholm does not, and is released again.
        Map<Cell, double[]> counts = gotlandAndNorr(new double[] {50, 100}, new double[] {2050, 4100});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertTrue(pattern.hidden(cell("2026", "region", "01", 3)));
        assertEquals(1, pattern.secondary(), "Stockholm alone: " + pattern.reasons().keySet());
        assertFalse(pattern.hidden(cell("2026", "healthcare_region", "NORR", 3)));
        assertSafe(SHARE, counts, pattern);
    }

    @Test
    void aHiddenHalfYearCannotBeRecoveredFromTheYear() {
        // the example: men 90+ 2026 (3/9), 2026H1 (2/6), 2026H2 (1/3): H2 is below 5, and year − H1 = H2,
        // so H1 (cost 6) goes rather than the year (cost 9 × 2); H1 = Q1 + Q2 then needs a quarter, and so on down
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "country", "00", 1), new double[] {3, 9});
        counts.put(cell("2026H1", "country", "00", 1), new double[] {2, 6});
        counts.put(cell("2026H2", "country", "00", 1), new double[] {1, 3});
        counts.put(cell("2026Q1", "country", "00", 1), new double[] {1, 2});
        counts.put(cell("2026Q2", "country", "00", 1), new double[] {1, 4});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertFalse(pattern.hidden(cell("2026", "country", "00", 1)));
        assertTrue(pattern.hidden(cell("2026H2", "country", "00", 1)));
        assertTrue(pattern.hidden(cell("2026H1", "country", "00", 1)), "the year minus H1 would reveal H2");
        assertTrue(pattern.hidden(cell("2026Q1", "country", "00", 1)) && pattern.hidden(cell("2026Q2", "country", "00", 1)));
        assertSafe(SHARE, counts, pattern);
    }

    @Test
    void twoSmallCellsTogetherUnderTheThresholdAreNotEnough() {
        // Riket = Stockholm + Gotland + Jämtland + Västerbotten: Gotland (1) and Jämtland (2) hidden alike would
        // tell Gotland lies in [0, 3], narrower than 5, so a third region is hidden too
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "region", "09", 3), new double[] {0, 1});
        counts.put(cell("2026", "region", "23", 3), new double[] {1, 2});
        counts.put(cell("2026", "region", "01", 3), new double[] {400, 900});
        counts.put(cell("2026", "region", "24", 3), new double[] {30, 60});
        counts.put(cell("2026", "country", "00", 3), new double[] {431, 963});
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertTrue(pattern.hidden(cell("2026", "region", "24", 3)), "Västerbotten widens the interval");
        assertFalse(pattern.hidden(cell("2026", "region", "01", 3)));
        assertSafe(SHARE, counts, pattern);
    }

    @Test
    void ratesAreProtectedByTheirCasesNotTheirPopulation() {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(new Cell("2026", "region", "09", "MALIGNANT", 3, "0-17"), new double[] {3});
        counts.put(new Cell("2026", "region", "09", "MALIGNANT", 3, "18+"), new double[] {400});
        counts.put(new Cell("2026", "region", "09", "MALIGNANT", 3, "ALL"), new double[] {403});
        DisclosurePattern pattern = decide(RATE, counts, GEOGRAPHY);
        assertTrue(pattern.reason(new Cell("2026", "region", "09", "MALIGNANT", 3, "0-17")).contains("fewer than 5 cases"));
        assertTrue(pattern.hidden(new Cell("2026", "region", "09", "MALIGNANT", 3, "18+")), "all ages − adults would reveal the children");
        assertSafe(RATE, counts, pattern);
    }

    @Test
    void theAuditFindsWhatPrimarySuppressionAloneLeavesAndShowsTheArithmetic() {
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "region", "09", 3), new double[] {2, 4});
        counts.put(cell("2026", "region", "01", 3), new double[] {400, 900});
        counts.put(cell("2026", "country", "00", 3), new double[] {402, 904});
        DisclosurePattern onlyPrimary = new DisclosurePattern("svf-treated", 2026,
                Map.of(cell("2026", "region", "09", 3), "fewer than 5 patients (primary suppression)"), 1, 0, 3, Map.of(), Map.of());
        List<Audit.Finding> findings = Audit.of(table(SHARE, counts),
                onlyPrimary, RULES, GEOGRAPHY);
        assertEquals(1, findings.size(), "the denominator (patients); a numerator alone is not protected: " + findings);
        Audit.Finding denominator = findings.stream().filter(f -> f.quantity().endsWith("denominator")).findFirst().orElseThrow();
        assertEquals(4, denominator.lo(), 1e-9);
        assertEquals(4, denominator.hi(), 1e-9);
        assertTrue(denominator.arithmetic().contains("regions in Riket: 2026 09 BREAST 3 ALL = 2026 00 BREAST 3 ALL (904) − 2026 01 BREAST 3 ALL (900)"),
                denominator.toString());
    }

    @Test
    void aBlankMayBeEmptyButTheLatestMonthListedHoldsAtLeastOne() {
        // Riket's first quarter, 3 of 5 released; January 1 of 2, February 1 of 2 and March 1 of 1 hidden: with blanks from 0,
        // each 0–5 (six values, up to the threshold). Every combination of codes is listed (an empty one as hidden), so a
        // blank may be 0; but the months are listed up to the latest with data, so March's total is at least 1, and January
        // and February are 0–4: known to be below 5. The audit attacks with what the listing tells.
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026Q1", "country", "00", 3), new double[] {3, 5});
        counts.put(cell("2026-01", "country", "00", 3), new double[] {1, 2});
        counts.put(cell("2026-02", "country", "00", 3), new double[] {1, 2});
        counts.put(cell("2026-03", "country", "00", 3), new double[] {1, 1});
        Map<Cell, String> hidden = new LinkedHashMap<>();
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            hidden.put(cell(month, "country", "00", 3), "fewer than 5 patients (primary suppression)");
        }
        DisclosurePattern onlyPrimary = new DisclosurePattern("svf-treated", 2026, hidden, 3, 0, 4, Map.of(), Map.of());
        List<CellCounts> table = table(SHARE, counts);
        assertEquals(List.of(), Audit.of(table, onlyPrimary, RULES, GEOGRAPHY), "blanks from 0: 0–5 for each");
        List<Audit.Finding> findings = Audit.run(table, onlyPrimary, RULES, GEOGRAPHY, Integer.MAX_VALUE, 60, true).findings();
        assertEquals(List.of("2026-01", "2026-02"), findings.stream().map(f -> f.cell().periodCode()).toList(), findings.toString());
        assertEquals(0, findings.get(0).lo(), 1e-9, "January may be empty");
        assertEquals(4, findings.get(0).hi(), 1e-9, "5 − at least 1 in March");
        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026Q1"), Axes.periods(List.of("2026Q1", "2026-01", "2026-03")),
                "February is listed, hidden, whether or not it has data");
    }

    @Test
    void everyCombinationOfATablesCodesIsListedStratumByStratumWithEveryRegionDiagnosisAndBand() {
        Hierarchy.Dimensions dimensions = new Hierarchy.Dimensions(GEOGRAPHY.healthcareRegions(),
                Map.of("ALL", "total", "18+", "broad", "40-44", "band", "45-49", "band", "education:GY", "education", "education:EGK", "education"),
                Map.of("BREAST", "svf", "LUNG", "svf", "PROST", "svf"), Map.of("PROST", 1));
        // data: Stockholm's breast cancers (all ages) and Riket's 40–44 year-olds (all diagnoses); Gotland, lung and prostate cancer,
        // men, the 45–49 year-olds and the education groups have none
        List<Cell> data = List.of(new Cell("2026", "region", "01", "BREAST", 2, "ALL"), new Cell("2026", "country", "00", "BREAST", 2, "ALL"),
                new Cell("2026", "country", "00", "ALL", 2, "40-44"), new Cell("2026", "country", "00", "ALL", 3, "40-44"));
        Axes axes = Axes.of(data, dimensions, "adult");
        assertEquals(2, axes.strata().size(), "a diagnosis at all ages, all diagnoses by age band: " + axes);
        List<Cell> all = axes.cells(se.lagesbild.warehouse.indicators.CellFilter.all());
        // stratum 1: (4 regions + Riket) × 3 diagnoses × women and men (where one sex is, both are), but no women with prostate
        // cancer; stratum 2: Riket × all diagnoses × 3 sexes × 2 bands
        assertEquals(5 * 3 * 2 - 5 + 3 * 2, all.size(), all.toString());
        assertFalse(all.contains(new Cell("2026", "region", "01", "PROST", 2, "ALL")), "prostate cancer is listed for men only");
        assertTrue(all.contains(new Cell("2026", "region", "09", "PROST", 1, "ALL")), "Gotland and prostate cancer are listed, empty");
        assertTrue(all.contains(new Cell("2026", "country", "00", "ALL", 3, "45-49")), "the 45–49 band too");
        assertFalse(all.contains(new Cell("2026", "country", "00", "BREAST", 2, "40-44")), "no diagnosis by band: the mart has none");
        assertTrue(all.stream().noneMatch(c -> c.ageGroupCode().startsWith("education")), "groups only when asked for");
        assertEquals(List.of(new Cell("2026", "region", "09", "BREAST", 2, "ALL"), new Cell("2026", "region", "09", "LUNG", 2, "ALL"),
                new Cell("2026", "region", "09", "PROST", 1, "ALL")), axes.cells(se.lagesbild.warehouse.indicators.CellFilter.all().geo("09")
                        .diagnoses("PROST", "BREAST", "LUNG").sexes(2, 1)).stream().filter(c -> c.sexCode() == 2 || c.diagnosisCode().equals("PROST"))
                        .toList(),
                "a question for Gotland alone lists what the whole table lists for Gotland");
        List<Cell> groups = Axes.of(List.of(new Cell("2026", "country", "00", "ALL", 3, "education:GY")), dimensions, "adult")
                .cells(se.lagesbild.warehouse.indicators.CellFilter.all().ageGroups("education:GY", "education:EGK"));
        assertEquals(2, groups.size(), "every group of the dimension: " + groups);
        assertTrue(Axes.withinScope("15-19", "adult") && !Axes.withinScope("10-14", "adult") && Axes.withinScope("90+", "adult"),
                "an adult table lists the bands from 15–19");
        assertTrue(Axes.withinScope("15-19", "child") && !Axes.withinScope("20-24", "child") && Axes.withinScope("20-24", "both"));
    }

    @Test
    void aCountWhoseLargestPossibleValueIsBelowTheThresholdIsDisclosedAndTheModelProtectsIt() {
        // women 1 of 2 and men 1 of 2 hidden, both sexes 2 of 4 released: each 0–4, five values, as "fewer than 5" used to
        // allow; with one public reason, a blank known to be below 5 tells what the reason no longer does
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "region", "09", 1), new double[] {1, 2});
        counts.put(cell("2026", "region", "09", 2), new double[] {1, 2});
        counts.put(cell("2026", "region", "09", 3), new double[] {2, 4});
        DisclosurePattern onlyPrimary = new DisclosurePattern("svf-treated", 2026,
                Map.of(cell("2026", "region", "09", 1), "fewer than 5 patients (primary suppression)", cell("2026", "region", "09", 2),
                        "fewer than 5 patients (primary suppression)"), 2, 0, 3, Map.of(), Map.of());
        List<Audit.Finding> findings = Audit.of(table(SHARE, counts),
                onlyPrimary, RULES, GEOGRAPHY);
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(4, findings.get(0).hi(), 1e-9, "at most the released 4");
        assertEquals(4, findings.get(1).hi(), 1e-9);
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertTrue(pattern.hidden(cell("2026", "region", "09", 3)), "the total goes too: " + pattern.reasons());
        assertSafe(SHARE, counts, pattern);
    }

    @Test
    void twoSmallPrimariesUnderAReleasedTotalNeedAnotherHiddenMemberInTheOptimumsFirstCuts() {
        // Riket 93 = Stockholm 50 + Gotland 1 + Västernorrland 2 + Jämtland 40: with Gotland and Västernorrland hidden
        // and the rest released, they sum to 3, so each is at most 3, below 5, whatever else is hidden; one of
        // Stockholm, Jämtland or Riket must go too. The one-step subtractions alone (one primary per relation) miss it.
        Map<Cell, double[]> counts = new LinkedHashMap<>();
        counts.put(cell("2026", "region", "01", 3), new double[] {20, 50});
        counts.put(cell("2026", "region", "09", 3), new double[] {1, 1});
        counts.put(cell("2026", "region", "23", 3), new double[] {1, 2});
        counts.put(cell("2026", "region", "24", 3), new double[] {20, 40});
        counts.put(cell("2026", "country", "00", 3), new double[] {42, 93});
        Audit.Table table = Audit.Table.of(table(SHARE, counts),
                GEOGRAPHY);
        boolean[] primary = new boolean[table.cells().size()];
        primary[table.cells().indexOf(cell("2026", "region", "09", 3))] = true;
        primary[table.cells().indexOf(cell("2026", "region", "23", 3))] = true;
        List<Integer> released = java.util.stream.Stream.of("00", "01", "24")
                .map(geo -> table.cells().indexOf(cell("2026", geo.equals("00") ? "country" : "region", geo, 3))).sorted().toList();
        assertTrue(ComplementOptimum.mustHit(table.block(), primary, table.quantities(), RULES).contains(released),
                "Riket's relation of regions: " + ComplementOptimum.mustHit(table.block(), primary, table.quantities(), RULES));
    }

    @Test
    void linearProgrammingPinsACountThatNoChainOfSingleRelationsReaches() {
        // x + y + w = 10, y + z + w = 8, x + z = 6 with x, y, z, w hidden: subtracting the first two gives x − z = 2, and
        // with the third x = 4 exactly, though each relation alone has two or three unknowns
        List<Cell> cells = List.of(cell("2026", "region", "01", 1), cell("2026", "region", "01", 2), cell("2026", "region", "09", 1),
                cell("2026", "region", "09", 2), cell("2026", "country", "00", 1), cell("2026", "country", "00", 2),
                cell("2026", "country", "00", 3));
        double[][] values = {{4}, {3}, {2}, {3}, {10}, {8}, {6}};
        Hierarchy.Structure structure = new Hierarchy.Structure(List.of(new Hierarchy.Relation("first", 4, new int[] {0, 1, 3}),
                new Hierarchy.Relation("second", 5, new int[] {1, 2, 3}), new Hierarchy.Relation("third", 6, new int[] {0, 2})), 7, List.of());
        Block block = new Block(cells, structure, values, List.of("patients"), new int[0][]);
        boolean[] hidden = {true, true, true, true, false, false, false};
        boolean[] known = Suppression.known(block, hidden);
        Attack propagation = Attack.run(block, known);
        assertFalse(propagation.exact(0), "propagation alone leaves x open: [" + propagation.lo[0] + ", " + propagation.hi[0] + "]");
        List<LpAttack.Verdict> verdicts = LpAttack.audit(block, known, new int[] {0, 2}, new double[] {5, 5}, 5);
        assertTrue(verdicts.get(0).disclosed(), verdicts.toString());
        assertEquals(4, verdicts.get(0).hi(), 1e-9);
        assertEquals(4, verdicts.get(0).lo(), 1e-9, "pinned exactly: " + verdicts.get(0));
        assertEquals(3, verdicts.get(0).pinning().size(), "all three relations pin it: " + verdicts.get(0));
        assertEquals(2, verdicts.get(1).hi(), 1e-9, "and z = 2");
    }

    @Test
    void inATableOfMonthsOverFiveThousandCellsEveryComplementLeftProtectsSomething() {
        // A year of a month table in small, as SVF's: 4 regions, their 2 healthcare regions and Riket × 12 months, 4 quarters,
        // 2 half-years and the year × women, men and both × 16 diagnoses and all: 6,783 cells, nearly all months below 10.
        // Complements are added one relation at a time, then each is released again when the attack still learns nothing:
        // so releasing any one complement left hidden must expose a primary count. (Before 2026-12-07 tables of more than
        // 5,000 cells skipped that pass: this one kept 1,396 complements, 1,238 of which exposed nothing when released
        // alone; now 1,042.)
        java.util.Random random = new java.util.Random(31);
        Map<Cell, double[]> counts = new java.util.TreeMap<>(Cell.ORDER);
        Map<String, String> healthcare = Map.of("01", "STHLM", "09", "STHLM", "23", "NORR", "24", "NORR");
        for (String region : List.of("01", "09", "23", "24")) {
            for (int month = 1; month <= 12; month++) {
                String[] periods = {"2026-%02d".formatted(month), "2026Q" + ((month + 2) / 3), "2026H" + ((month + 5) / 6), "2026"};
                for (int sex = 1; sex <= 2; sex++) {
                    for (int d = 1; d <= 16; d++) {
                        int patients = random.nextInt(region.equals("01") ? 12 : 5);
                        int within = patients == 0 ? 0 : random.nextInt(patients + 1);
                        for (String period : periods) {
                            for (String[] geo : new String[][] {{"region", region}, {"healthcare_region", healthcare.get(region)}, {"country", "00"}}) {
                                for (int s : new int[] {sex, 3}) {
                                    for (String diagnosis : new String[] {"D%02d".formatted(d), "ALL"}) {
                                        counts.merge(new Cell(period, geo[0], geo[1], diagnosis, s, "ALL"), new double[] {within, patients},
                                                (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        counts.values().removeIf(c -> c[1] == 0);
        DisclosurePattern pattern = decide(SHARE, counts, GEOGRAPHY);
        assertTrue(pattern.cells() > 5_000 && pattern.secondary() > 0, pattern.cells() + " cells, " + pattern.secondary() + " secondaries");
        Audit.Table table = Audit.Table.of(table(SHARE, counts), GEOGRAPHY);
        Block block = table.block();
        boolean[] hidden = new boolean[table.cells().size()];
        boolean[] primary = new boolean[hidden.length];
        for (int n = 0; n < hidden.length; n++) {
            hidden[n] = pattern.hidden(table.cells().get(n));
            primary[n] = hidden[n] && pattern.reason(table.cells().get(n)).contains("primary");
        }
        assertTrue(Audit.run(table(SHARE, counts), pattern, RULES, GEOGRAPHY, 300, 30, false).findings().isEmpty(), "the pattern is safe");
        List<String> needless = new java.util.ArrayList<>();
        for (int n = 0; n < hidden.length; n++) {
            if (!hidden[n] || primary[n]) {
                continue;
            }
            hidden[n] = false;
            Attack attack = Attack.run(block, Suppression.known(block, hidden));
            hidden[n] = true;
            boolean exposes = false;
            for (int m = 0; m < hidden.length && !exposes; m++) {
                int patients = block.variable[m][1];
                exposes = primary[m] && (attack.exact(patients) || attack.narrowed(patients, 5) || attack.below(patients, 5));
            }
            if (!exposes) {
                needless.add(Audit.describe(table.cells().get(n)));
            }
        }
        assertEquals(List.of(), needless, "complements that protect nothing (of " + pattern.secondary() + ")");
    }

    @Test
    void aComplementIsExchangedForOthersWhenThatHidesFewerAndCostsNoMore() {
        // Three regions × three diagnoses, with row and column totals; region 1's first diagnosis has 2 patients (primary),
        // every other cell 10. A cycle of six cells through all three rows and columns protects it (the primary ±d, its
        // neighbours ∓d in turn), 5 complements, and no one of them can be released alone: its row or column would then have
        // one unknown, and the cycle unravels. Released and forbidden, one of them is replaced by the cell that closes a
        // cycle of four, and the cycles' other cells then protect nothing and are released: 3 complements.
        List<Cell> cells = new java.util.ArrayList<>();
        double[][] values = new double[16][];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                cells.add(new Cell("2026", "region", r < 3 ? "0" + (r + 1) : "00", c < 3 ? "D" + c : "ALL", 3, "ALL"));
                double interior = r == 0 && c == 0 ? 2 : 10;
                values[4 * r + c] = new double[] {r < 3 && c < 3 ? interior : r < 3 ? 20 + (r == 0 ? 2 : 10) : c < 3 ? 20 + (c == 0 ? 2 : 10) : 82};
            }
        }
        List<Hierarchy.Relation> relations = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            relations.add(new Hierarchy.Relation("row " + i, 4 * i + 3, new int[] {4 * i, 4 * i + 1, 4 * i + 2}));
            relations.add(new Hierarchy.Relation("column " + i, 12 + i, new int[] {i, 4 + i, 8 + i}));
        }
        Block block = new Block(cells, new Hierarchy.Structure(relations, 16, List.of()), values, List.of("patients"), new int[0][]);
        boolean[] primary = new boolean[16];
        primary[0] = true;
        int[][] sensitive = new int[16][];
        Suppression.Protection[] protection = new Suppression.Protection[16];
        double[] cost = new double[16];
        for (int n = 0; n < 16; n++) {
            sensitive[n] = new int[] {block.variable[n][0]};
            protection[n] = n == 0 ? new Suppression.Protection(5, 5) : Suppression.Protection.NONE;
            cost[n] = n % 4 == 3 || n >= 12 ? 1_000 : 1;
        }
        Suppression.Problem problem = new Suppression.Problem(block, primary, new boolean[16], new boolean[16], sensitive, protection, cost,
                new java.util.HashSet<>());
        boolean[] cycle = new boolean[16];
        for (int n : new int[] {0, 1, 5, 6, 10, 8}) {
            cycle[n] = true;
        }
        int[] protects = new int[16];
        java.util.Arrays.fill(protects, -1);
        Suppression.Pattern six = Suppression.protect(problem, cycle, protects, -1, Integer.MAX_VALUE);
        assertEquals(5, problem.complements(six.hidden()), "pruning one by one releases none of the cycle of six");
        assertEquals(0, Suppression.exposures(problem, six.hidden()));
        Suppression.Pattern four = ComplementExchange.improve(problem, six);
        assertEquals(3, problem.complements(four.hidden()), "a cycle of four");
        assertEquals(0, Suppression.exposures(problem, four.hidden()), "the primary stays protected");
        assertTrue(problem.cost(four.hidden()) <= problem.cost(six.hidden()));
    }

    @Test
    void propagationNamesTheRelationsItsArithmeticUsedThroughAChainAndNoOthers() {
        // Riket 10 = Stockholm (hidden, 4) + Gotland (hidden, 6); Gotland 6 = women 2 + men 4, both released: Gotland is
        // worked out, then Stockholm. A second relation, Norr = Jämtland + Västernorrland, all hidden, plays no part.
        List<Cell> cells = List.of(cell("2026", "country", "00", 3), cell("2026", "region", "01", 3), cell("2026", "region", "09", 3),
                cell("2026", "region", "09", 2), cell("2026", "region", "09", 1), cell("2026", "healthcare_region", "NORR", 3),
                cell("2026", "region", "23", 3), cell("2026", "region", "24", 3));
        double[][] values = {{10}, {4}, {6}, {2}, {4}, {9}, {5}, {4}};
        Hierarchy.Structure structure = new Hierarchy.Structure(List.of(new Hierarchy.Relation("Riket", 0, new int[] {1, 2}),
                new Hierarchy.Relation("Gotland by sex", 2, new int[] {3, 4}), new Hierarchy.Relation("Norr", 5, new int[] {6, 7})), 8, List.of());
        Block block = new Block(cells, structure, values, List.of("patients"), new int[0][]);
        boolean[] hidden = {false, true, true, false, false, true, true, true};
        Attack attack = Attack.logged(block, Suppression.known(block, hidden));
        assertTrue(attack.exact(1) && attack.lo[1] == 4, "Stockholm worked out: [" + attack.lo[1] + ", " + attack.hi[1] + "]");
        java.util.Set<Integer> partners = new java.util.TreeSet<>();
        java.util.Set<String> used = new java.util.TreeSet<>();
        attack.derivation(1, partners).forEach(c -> used.add(structure.relations().get(block.relation[c]).kind()));
        assertEquals(java.util.Set.of("Riket", "Gotland by sex"), used, "the chain, and not Norr");
        assertTrue(attack.derivation(6, partners).isEmpty(), "nothing narrowed Jämtland");
    }
}
