package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Every method on zero numerators, numerator = denominator, denominators 1 and 2, and 1 000 000,
 * with the expected values worked out from each method's formula; plus the published examples of
 * the tests (R 4.x documentation, Newcombe 1998).
 */
class EdgeCasesTest {
    static final Confidence C95 = Confidence.NINETY_FIVE;
    static final double Z = 1.959963984540054;

    @Test
    void wilsonAtTheEdges() {
        Estimate zeroOfOne = Proportions.wilson(0, 1, C95);
        assertEquals(0, zeroOfOne.lower());
        assertEquals(Z * Z / (1 + Z * Z), zeroOfOne.upper(), 1e-12, "2z²/(2(1 + z²))");
        Estimate twoOfTwo = Proportions.wilson(2, 2, C95);
        assertEquals(1, twoOfTwo.upper(), 1e-15);
        assertEquals(2 / (2 + Z * Z), twoOfTwo.lower(), 1e-12, "(4 + z² − z²)/(2(2 + z²))");
        Estimate oneOfTwo = Proportions.wilson(1, 2, C95);
        assertEquals(0.5, oneOfTwo.value());
        assertEquals(1 - oneOfTwo.upper(), oneOfTwo.lower(), 1e-12, "symmetric around one half");
        Estimate oneInMillion = Proportions.wilson(1, 1_000_000, C95);
        assertTrue(oneInMillion.lower() > 0 && oneInMillion.lower() < 1e-6 && oneInMillion.upper() > 1e-6 && oneInMillion.upper() < 1e-5,
                oneInMillion.toString());
        Estimate all = Proportions.wilson(1_000_000, 1_000_000, C95);
        assertEquals(1, all.upper(), 1e-15);
        assertEquals(1_000_000 / (1_000_000 + Z * Z), all.lower(), 1e-12);
        assertFalse(Proportions.wilson(0, 0, C95).available(), "no denominator, no value");
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(3, 2, C95));
    }

    @Test
    void poissonCountsAndRatesAtTheEdges() {
        Estimate zero = PoissonCounts.exact(0, C95);
        assertEquals(0, zero.lower());
        assertEquals(-Math.log(0.025), zero.upper(), 1e-9, "χ²(0.975; 2)/2 = −ln 0.025 = 3.6889");
        Estimate one = PoissonCounts.crudeRate(1, 1, 1, C95);
        assertEquals(0.0253178079842899, one.lower(), 1e-12, "−ln 0.975 … as the conformance case RATE_r1");
        assertEquals("exact Poisson", PoissonCounts.crudeRate(9, 2, 100_000, C95).method());
        assertEquals("Byar's", PoissonCounts.crudeRate(10, 2, 100_000, C95).method());
        Estimate million = PoissonCounts.crudeRate(1_000_000, 1_000_000, 1, C95);
        assertEquals(1, million.value());
        assertEquals(1 - Z / 1000, million.lower(), 1e-5, "for large counts about x ∓ z√x");
        assertEquals(0, PoissonCounts.byars(0, C95).lower());
        assertFalse(PoissonCounts.crudeRate(3, 0, 100_000, C95).available());
        assertThrows(IllegalArgumentException.class, () -> PoissonCounts.exact(-1, C95));
    }

    @Test
    void standardisedRatesNeedTenEvents() {
        double[] weights = {5000, 5500};
        assertFalse(StandardisedRates.dobson(new double[] {0, 0}, new double[] {1000, 1000}, weights, 100_000, C95).available());
        assertFalse(StandardisedRates.dobson(new double[] {4, 5}, new double[] {1, 2}, weights, 100_000, C95).available(), "9 < 10");
        Estimate ten = StandardisedRates.dobson(new double[] {5, 5}, new double[] {1_000_000, 1_000_000}, weights, 100_000, C95);
        assertEquals(0.5, ten.value(), 1e-12, "(5000·5/1e6 + 5500·5/1e6)/10500 × 1e5");
        assertTrue(ten.lower() < 0.5 && ten.upper() > 0.5);
        Estimate all = StandardisedRates.dobson(new double[] {2, 10}, new double[] {2, 10}, weights, 1, C95);
        assertEquals(1, all.value(), 1e-12, "everyone has the event: rate 1 whatever the weights");
    }

    @Test
    void meansAndMedians() {
        assertTrue(Double.isNaN(Means.studentT(new double[] {7}, C95).lower()), "one value: no interval");
        Estimate two = Means.studentT(new double[] {1, 3}, C95);
        assertEquals(2, two.value());
        assertEquals(2 - 12.706204736174707 * Math.sqrt(2) / Math.sqrt(2), two.lower(), 1e-9, "t(0.975; 1) = 12.7062");
        assertFalse(Means.studentT(new double[0], C95).available());

        assertEquals(35.5, Medians.median(new double[] {10, 20, 35, 36, 50, 60}, C95).value(), 1e-12);
        Estimate one = Medians.median(new double[] {4}, C95);
        assertEquals(4, one.value());
        assertEquals(4, one.lower());
        assertEquals(4, one.upper());
        Estimate two2 = Medians.median(new double[] {2, 8}, C95);
        assertEquals(5, two2.value());
        assertEquals(2, two2.lower());
        assertEquals(8, two2.upper());
        double[] million = IntStream.range(0, 1_000_000).mapToDouble(i -> i % 100).toArray();
        Estimate big = Medians.median(million, C95);
        assertEquals(49.5, big.value(), 1e-12);
        assertTrue(big.lower() >= 49 && big.upper() <= 50, big.toString());
        Estimate p90 = Medians.quantile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, C95);
        assertEquals(9.1, p90.value(), 1e-12, "type 7: 9 + 0.1 × (10 − 9)");
    }

    @Test
    void funnelsAtTheEdges() {
        Estimate one = Funnels.limits(0.8, 1, Confidence.NINETY_NINE_POINT_EIGHT, 100);
        assertEquals(0, one.lower(), "clipped at 0");
        assertEquals(100, one.upper(), "clipped at 100");
        Estimate million = Funnels.limits(0.8, 1_000_000, Confidence.NINETY_NINE_POINT_EIGHT, 1);
        assertEquals(0.8 - 3.090232306167813 * 0.0004, million.lower(), 1e-12, "z(99.8 %) = 3.0902, √(0.16/1e6) = 0.0004");
        assertEquals(Funnels.Position.NOT_SIGNIFICANT, Funnels.position(0, 2, 0.5));
        assertEquals(Funnels.Position.LOW_998, Funnels.position(400_000, 1_000_000, 0.5));
        assertEquals(Funnels.Position.HIGH_998, Funnels.position(600_000, 1_000_000, 0.5));
    }

    @Test
    void comparisonsAgainstPublishedExamples() {
        // Newcombe (1998), example (a): 56/70 vs 48/80, hybrid score interval 0.0524 to 0.3339
        Estimate difference = Proportions.newcombeDifference(56, 70, 48, 80, C95);
        assertEquals(0.2, difference.value(), 1e-12);
        assertEquals(0.0524, difference.lower(), 5e-5);
        assertEquals(0.3339, difference.upper(), 5e-5);
        // z² equals R's prop.test(c(56, 48), c(70, 80), correct = FALSE) X-squared = 7.0238
        TestResult z = Proportions.twoProportionTest(56, 70, 48, 80);
        assertEquals(7.0238, z.statistic() * z.statistic(), 5e-4);
        assertEquals(0.008043, z.pValue(), 5e-6);
        assertTrue(z.reject(0.05));
        assertFalse(Proportions.twoProportionTest(0, 10, 0, 10).pValue() < 1, "no variance: not available");
        // R: prop.trend.test(c(83, 90, 129, 70), c(86, 93, 136, 82)) X-squared = 8.2249, p = 0.004132
        TestResult trend = Trend.chiSquaredForTrend(new double[] {83, 90, 129, 70}, new double[] {86, 93, 136, 82}, new double[] {1, 2, 3, 4});
        assertEquals(8.2249, trend.statistic(), 5e-5);
        assertEquals(0.004132, trend.pValue(), 5e-7);
        // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") = 0.05 each; p.adjust(c(0.01, 0.04, 0.5), "BH") = 0.03 0.06 0.5
        double[] bh = MultipleComparisons.benjaminiHochberg(new double[] {0.01, 0.02, 0.03, 0.04, 0.05});
        for (double p : bh) {
            assertEquals(0.05, p, 1e-12);
        }
        double[] bh2 = MultipleComparisons.benjaminiHochberg(new double[] {0.01, Double.NaN, 0.04, 0.5});
        assertEquals(0.03, bh2[0], 1e-12);
        assertTrue(Double.isNaN(bh2[1]));
        assertEquals(0.06, bh2[2], 1e-12);
        assertEquals(0.5, bh2[3], 1e-12);
        Estimate ratio = Proportions.katzRatio(56, 70, 48, 80, C95);
        assertEquals((56.0 / 70) / (48.0 / 80), ratio.value(), 1e-12);
        assertFalse(Proportions.katzRatio(0, 70, 48, 80, C95).available());
    }

    @Test
    void ratesCompared() {
        // 20 per 1000 against 10 per 1000: difference 10 per 1000, se = 1000·√(20/1e6 + 10/1e6) = 5.477
        Estimate d = Rates.difference(20, 1000, 10, 1000, 1000, C95);
        assertEquals(10, d.value(), 1e-12);
        assertEquals(10 - Z * Math.sqrt(30), d.lower(), 1e-9);
        assertEquals(10 / Math.sqrt(30), Rates.test(20, 1000, 10, 1000).statistic(), 1e-12);
        assertFalse(Rates.difference(1, 0, 1, 10, 1, C95).available());
        assertTrue(Double.isNaN(Rates.test(0, 10, 0, 10).pValue()), "no events: no test");
    }

    @Test
    void inequalityBetweenRegions() {
        Inequality i = Inequality.of(new double[] {0.4, 0.5, 0.6}, new double[] {1, 2, 1}, true);
        assertEquals(0.2, i.range(), 1e-12);
        assertEquals(1.5, i.maxMinRatio(), 1e-12);
        assertEquals(Math.sqrt(0.02 / 3) / 0.5, i.coefficientOfVariation(), 1e-12);
        assertEquals(0.6, i.best(), 1e-12);
        assertEquals((0.2 + 0.1 + 0) / 3, i.meanDifferenceFromBest(), 1e-12);
        assertEquals((0.2 + 0.1) / 2 / 0.6 * 100, i.indexOfDisparity(), 1e-12, "Pearcy and Keppel: the J − 1 regions other than the best");
        assertEquals(0.25 * 0.01 + 0.5 * 0 + 0.25 * 0.01, i.betweenGroupVariance(), 1e-12, "weighted mean 0.5");
        assertEquals(0.4, Inequality.of(new double[] {0.4, 0.5}, new double[] {1, 1}, false).best(), 1e-12);
    }

    @Test
    void indexOfDisparityAgainstEachReference() {
        double[] rates = {0.4, 0.5, 0.6, 0.9};
        // best (highest): |0.4 − 0.9| + |0.5 − 0.9| + |0.6 − 0.9| = 1.2 over J − 1 = 3 regions, / 0.9
        assertEquals(1.2 / 3 / 0.9 * 100, Inequality.indexOfDisparity(rates, Inequality.Reference.best(), true), 1e-12);
        // best (lowest, e.g. mortality): 0.1 + 0.2 + 0.5 = 0.8 over 3, / 0.4
        assertEquals(0.8 / 3 / 0.4 * 100, Inequality.indexOfDisparity(rates, Inequality.Reference.best(), false), 1e-12);
        // the regions' mean 0.6 is no region: all J = 4 count, 0.2 + 0.1 + 0 + 0.3 = 0.6
        assertEquals(0.6 / 4 / 0.6 * 100, Inequality.indexOfDisparity(rates, Inequality.Reference.mean(), true), 1e-12);
        // a given value such as Riket's 0.55: 0.15 + 0.05 + 0.05 + 0.35 = 0.6 over 4
        assertEquals(0.6 / 4 / 0.55 * 100, Inequality.indexOfDisparity(rates, Inequality.Reference.value(0.55), true), 1e-12);
        assertTrue(Double.isNaN(Inequality.indexOfDisparity(new double[] {0.7}, Inequality.Reference.best(), true)), "nobody to compare");
        assertTrue(Double.isNaN(Inequality.indexOfDisparity(new double[] {0, 0.1}, Inequality.Reference.best(), false)), "R = 0");
        assertTrue(Double.isNaN(Inequality.indexOfDisparity(new double[0], Inequality.Reference.mean(), true)));
        assertThrows(IllegalArgumentException.class, () -> Inequality.Reference.value(Double.NaN));
    }

    @Test
    void clopperPearsonAndContingencyTablesAtTheEdges() {
        Estimate none = Proportions.clopperPearson(0, 10, C95, 100);
        assertEquals(0, none.lower());
        assertEquals((1 - Math.pow(0.025, 0.1)) * 100, none.upper(), 1e-10, "x = 0: 1 − (α/2)^(1/n)");
        Estimate all = Proportions.clopperPearson(10, 10, C95, 1);
        assertEquals(1, all.upper());
        assertEquals(Math.pow(0.025, 0.1), all.lower(), 1e-12, "x = n: (α/2)^(1/n)");
        assertFalse(Proportions.clopperPearson(0, 0, C95, 1).available());
        assertThrows(IllegalArgumentException.class, () -> Proportions.clopperPearson(11, 10, C95, 1));
        Estimate wilson = Proportions.wilson(3, 10, C95);
        Estimate exact = Proportions.clopperPearson(3, 10, C95, 1);
        assertTrue(exact.lower() < wilson.lower() && exact.upper() > wilson.upper(), "the exact interval is the wider");

        // an empty region (row) and an empty stage (column) are left out: the 2 × 2 that remains
        var kept = ContingencyTables.pearson(new double[][] {{12, 0, 7}, {0, 0, 0}, {5, 0, 9}}, false);
        var plain = ContingencyTables.pearson(new double[][] {{12, 7}, {5, 9}}, false);
        assertEquals(plain.statistic(), kept.statistic(), 1e-15);
        assertEquals(1, kept.degreesOfFreedom());
        assertEquals(List.of(0, 2), java.util.Arrays.stream(kept.rowsKept()).boxed().toList());
        assertTrue(Double.isNaN(ContingencyTables.pearson(new double[][] {{3, 4}, {0, 0}}, false).pValue()), "one row left: no test");
        assertEquals(0, ContingencyTables.pearson(new double[][] {{20, 20}, {20, 20}}, true).statistic(), 0, "no deviation: Yates capped at it");
        assertThrows(IllegalArgumentException.class, () -> ContingencyTables.pearson(new double[][] {{1, 2, 3}, {4, 5, 6}}, true));
        assertThrows(IllegalArgumentException.class, () -> ContingencyTables.pearson(new double[][] {{1, 2}, {4}}, false));
        assertThrows(IllegalArgumentException.class, () -> ContingencyTables.pearson(new double[][] {{1, -2}, {4, 5}}, false));
        assertEquals(4, ContingencyTables.pearson(new double[][] {{3, 1}, {1, 3}}, false).smallExpectedCells(), "all expected 2 < 5");
        // equal proportions: R's prop.test correction min(0.5, |Δ|/(1/n1 + 1/n2)) is 0 and χ² = 0
        assertEquals(0, Proportions.twoProportionTest(15, 20, 15, 20, true).statistic(), 0);
        assertFalse(Proportions.twoProportionTest(0, 10, 0, 12, true).pValue() <= 1, "no variance: not available");
        assertTrue(Double.isNaN(Means.sampleStandardDeviation(new double[] {4})), "one value: no sd (R gives NA)");
        assertEquals(0, Means.sampleStandardDeviation(new double[] {4, 4, 4}), 0);
    }
}
