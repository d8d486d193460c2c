package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import se.lagesbild.warehouse.stats.TrendProjection.Projection;

/**
 * The trend carried to a target year: weighted least squares against R 4.2.2's lm with weights
 * (predict with se.fit; its residual variance is the dispersion φ when the years scatter more than
 * their own variances allow), a line through exact points, shares on the logit scale, and too few
 * years.
 */
class TrendProjectionTest {
    private static final Confidence C95 = Confidence.NINETY_FIVE;

    @Test
    void equalsRsWeightedLinearModel() {
        // R: x <- 2019:2024; y <- c(10.2,11.9,14.5,15.1,18.3,19.0); se <- c(.5,.6,.4,.8,.5,.7)
        //    m <- lm(y ~ x, weights = 1/se^2); predict(m, data.frame(x = 2030), se.fit = TRUE)
        //    fit 30.957640237965, se.fit 1.285964132485, summary(m)$sigma^2 1.115530214761
        Projection p = TrendProjection.project(new int[] {2019, 2020, 2021, 2022, 2023, 2024}, new double[] {10.2, 11.9, 14.5, 15.1, 18.3, 19.0},
                new double[] {0.5, 0.6, 0.4, 0.8, 0.5, 0.7}, null, false, 2030, C95);
        assertEquals(30.957640237965, p.value(), 1e-9);
        assertEquals(1.115530214761, p.dispersion(), 1e-9);
        assertEquals(30.957640237965 - C95.z() * 1.285964132485, p.lower(), 1e-9);
        assertEquals(30.957640237965 + C95.z() * 1.285964132485, p.upper(), 1e-9);
        assertEquals(6, p.years());
    }

    @Test
    void exactPointsGiveTheirLineAndTheirOwnVarianceOnly() {
        Projection p = TrendProjection.project(new int[] {2020, 2021, 2022, 2023, 2024}, new double[] {10, 12, 14, 16, 18},
                new double[] {1, 1, 1, 1, 1}, null, false, 2030, C95);
        assertEquals(30, p.value(), 1e-12);
        assertEquals(1, p.dispersion(), 0, "no scatter: φ is 1, never below");
        // 1/Σw = 1/5, (2030 − 2022)² / Σwu² = 64/10
        assertEquals(C95.z() * Math.sqrt(0.2 + 6.4), p.upper() - 30, 1e-12);
        assertEquals(2.0, p.slopePerYear(), 1e-12);
    }

    @Test
    void sharesFollowALineOnTheLogitScaleAndStayWithinZeroAndOne() {
        int[] years = {2022, 2023, 2024, 2025};
        double[] p = new double[4];
        double[] se = new double[4];
        double[] n = {400, 400, 400, 400};
        for (int i = 0; i < 4; i++) {
            p[i] = 1 / (1 + Math.exp(-(-0.5 + 0.3 * (years[i] - 2022))));
            se[i] = Math.sqrt(p[i] * (1 - p[i]) / n[i]);
        }
        Projection projection = TrendProjection.project(years, p, se, n, true, 2030, C95);
        assertEquals("logit", projection.scale());
        assertEquals(1 / (1 + Math.exp(-(-0.5 + 0.3 * 8))), projection.value(), 1e-12);
        assertEquals(0.3, projection.slopePerYear(), 1e-12);
        assertEquals(true, projection.upper() < 1 && projection.lower() > 0 && projection.lower() < projection.value());
    }

    @Test
    void twoYearsGiveNoProjectionAndAShareOfOneIsMovedIn() {
        Projection two = TrendProjection.project(new int[] {2026, 2027}, new double[] {0.6, 0.7}, new double[] {0.02, 0.02},
                new double[] {500, 500}, true, 2030, C95);
        assertFalse(two.available());
        assertEquals(2, two.years());
        Projection withOne = TrendProjection.project(new int[] {2025, 2026, 2027}, new double[] {0.9, 0.95, 1.0},
                new double[] {0.02, 0.02, 0.01}, new double[] {100, 100, 100}, true, 2030, C95);
        assertEquals(3, withOne.years(), "1.0 counts as 1 − 0.5/100 on the logit scale");
        assertEquals(true, withOne.value() < 1);
    }
}
