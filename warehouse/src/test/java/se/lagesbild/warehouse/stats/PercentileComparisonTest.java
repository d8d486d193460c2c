package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Comparing two medians the Price–Bonett way, worked by hand at 95 % (z = 1.959964): a = 10 days
 * [8, 12], b = 6 days [5, 7]. SEa = 4/(2z) = 1.020427, SEb = 2/(2z) = 0.510214, SE = 1.140872;
 * a − b = 4 ± z·SE = [1.763932, 6.236068], z = 3.506090, p = 0.000455. Ratio 10/6 with SE(ln) =
 * √((ln 12 − ln 8)² + (ln 7 − ln 5)²)/(2z): [1.280665, 2.169012].
 */
class PercentileComparisonTest {
    private static final Confidence C95 = Confidence.NINETY_FIVE;
    private static final Estimate A = new Estimate(10, 8, 12, "order statistic");
    private static final Estimate B = new Estimate(6, 5, 7, "order statistic");

    @Test
    void aDifferenceARatioAndATestWorkedByHand() {
        Estimate d = Medians.difference(A, B, C95);
        assertEquals(4, d.value(), 1e-12);
        assertEquals(1.763932, d.lower(), 1e-6);
        assertEquals(6.236068, d.upper(), 1e-6);
        TestResult t = Medians.test(A, B, C95);
        assertEquals(3.506090, t.statistic(), 1e-6);
        assertEquals(0.000455, t.pValue(), 1e-6);
        Estimate r = Medians.ratio(A, B, C95);
        assertEquals(10.0 / 6, r.value(), 1e-12);
        assertEquals(1.280665, r.lower(), 1e-6);
        assertEquals(2.169012, r.upper(), 1e-6);
    }

    @Test
    void anIntervalWithoutWidthOrAMissingValueHasNoComparison() {
        Estimate flat = new Estimate(5, 5, 5, "order statistic");
        assertFalse(Medians.difference(A, flat, C95).available() && Medians.difference(flat, flat, C95).available());
        assertFalse(Medians.difference(Estimate.notAvailable("order statistic"), B, C95).available());
        assertFalse(Medians.ratio(new Estimate(0, 0, 3, "order statistic"), B, C95).available(), "a zero median has no ratio");
    }
}
