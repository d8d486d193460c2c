package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Comparing two DSRs, worked by hand: two age bands with equal weights, per 1 000.
 * A: 10 of 1 000 and 20 of 2 000 → DSR (0.01 + 0.01)/2 × 1 000 = 10, V = (10/1 000² + 20/2 000²)/2² × 1 000² = 3.75.
 * B: 20 of 1 000 and 40 of 2 000 → DSR 20, V = (20/1 000² + 40/2 000²)/4 × 1 000² = 7.5.
 * A − B = −10, SE = √11.25 = 3.354102, 95 %: −10 ± 1.959964 × 3.354102 = [−16.573918, −3.426082], z = −2.981424,
 * p = 0.002869. A / B = 0.5, SE(log) = √(3.75/100 + 7.5/400) = 0.237171, interval 0.5·exp(∓0.464846) = [0.314116, 0.795885].
 */
class StandardisedRateComparisonTest {
    private static final double[] W = {1, 1};
    private static final double[] N = {1000, 2000};
    private static final Confidence C95 = Confidence.NINETY_FIVE;

    @Test
    void aDifferenceARatioAndATestWorkedByHand() {
        double a = StandardisedRates.dobson(new double[] {10, 20}, N, W, 1000, C95).value();
        double b = StandardisedRates.dobson(new double[] {20, 40}, N, W, 1000, C95).value();
        double va = StandardisedRates.variance(new double[] {10, 20}, N, W, 1000);
        double vb = StandardisedRates.variance(new double[] {20, 40}, N, W, 1000);
        assertEquals(10, a, 1e-12);
        assertEquals(20, b, 1e-12);
        assertEquals(3.75, va, 1e-12);
        assertEquals(7.5, vb, 1e-12);
        Estimate d = StandardisedRates.difference(a, va, b, vb, C95);
        assertEquals(-10, d.value(), 1e-12);
        assertEquals(-16.573918, d.lower(), 1e-5);
        assertEquals(-3.426082, d.upper(), 1e-5);
        TestResult t = StandardisedRates.test(a, va, b, vb);
        assertEquals(-2.981424, t.statistic(), 1e-5);
        assertEquals(0.002869, t.pValue(), 1e-5);
        Estimate r = StandardisedRates.ratio(a, va, b, vb, C95);
        assertEquals(0.5, r.value(), 1e-12);
        assertEquals(0.314116, r.lower(), 1e-5);
        assertEquals(0.795885, r.upper(), 1e-5);
    }

    @Test
    void aMissingOrZeroRateHasNoComparison() {
        assertFalse(StandardisedRates.difference(Double.NaN, 1, 10, 1, C95).available());
        assertFalse(StandardisedRates.ratio(0, 1, 10, 1, C95).available());
        assertTrue(Double.isNaN(StandardisedRates.test(10, 0, 10, 0).pValue()), "no variance, no test");
        assertTrue(Double.isNaN(StandardisedRates.variance(new double[] {1, 2}, new double[] {0, 10}, W, 1)), "a band without population");
    }
}
