package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.stats.ConformanceCases.fromR;
import static se.lagesbild.warehouse.stats.ConformanceCases.number;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The families added on Commons Statistics against R 4.2.2 Patched (2022-11-10 r83330), stats
 * package: {@code binom.test}, {@code qbinom}/{@code pbinom} (Spiegelhalter's funnel limits),
 * {@code chisq.test}, {@code prop.test}, {@code sd}, {@code t.test}, {@code prop.trend.test} and the
 * upper tails of {@code pnorm}, {@code pchisq}, {@code pt}. The expected values are fixtures in
 * src/test/resources/stats, written once by src/test/r/stats-fixtures.R.
 */
class RReferenceTest {

    /** Relative {@code relative} (absolute 1e-300 for zeros): p-values must keep their relative accuracy far out in the tail. */
    static void assertRelative(double expected, double actual, double relative, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NA, got " + actual);
            return;
        }
        assertEquals(expected, actual, Math.max(Math.abs(expected) * relative, 1e-300), what);
    }

    private static Confidence confidence(Map<String, String> row) {
        return new Confidence(number(row, "confidence"));
    }

    @Test
    void clopperPearsonAgreesWithBinomTest() {
        for (var row : fromR("r_clopper_pearson.csv")) {
            double x = number(row, "x");
            double n = number(row, "n");
            Estimate e = Proportions.clopperPearson(x, n, confidence(row), 1);
            String what = "binom.test(" + x + ", " + n + ", conf.level = " + row.get("confidence") + ")";
            assertEquals(number(row, "lower"), e.lower(), 1e-10, what + " lower");
            assertEquals(number(row, "upper"), e.upper(), 1e-10, what + " upper");
            assertEquals(x / n, e.value(), 1e-15);
        }
    }

    @Test
    void exactBinomialFunnelLimitsAgreeWithSpiegelhaltersFormulaInR() {
        for (var row : fromR("r_funnel_exact_binomial.csv")) {
            double target = number(row, "target");
            double n = number(row, "n");
            Estimate e = Funnels.exactBinomialLimits(target, n, confidence(row), 1);
            String what = "target " + target + ", n " + n + ", " + row.get("confidence");
            assertEquals(number(row, "lower"), e.lower(), 1e-9, what + " lower");
            assertEquals(number(row, "upper"), e.upper(), 1e-9, what + " upper");
        }
    }

    @Test
    void pearsonChiSquareAgreesWithChisqTest() {
        for (var row : fromR("r_chisq_test.csv")) {
            int rows = (int) number(row, "rows");
            double[] cells = Arrays.stream(row.get("cells").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[][] table = new double[rows][];
            for (int i = 0; i < rows; i++) {
                table[i] = Arrays.copyOfRange(cells, i * cells.length / rows, (i + 1) * cells.length / rows);
            }
            boolean yates = Boolean.parseBoolean(row.get("yates").toLowerCase());
            ContingencyTables.ChiSquareTest t = ContingencyTables.pearson(table, yates);
            String what = "chisq.test(" + row.get("table") + ", correct = " + yates + ")";
            assertRelative(number(row, "statistic"), t.statistic(), 1e-12, what + " statistic");
            assertEquals((int) number(row, "df"), t.degreesOfFreedom(), what + " df");
            assertRelative(number(row, "p_value"), t.pValue(), 1e-10, what + " p-value");
        }
    }

    @Test
    void twoProportionTestsAgreeWithPropTest() {
        for (var row : fromR("r_prop_test.csv")) {
            boolean correct = Boolean.parseBoolean(row.get("correct").toLowerCase());
            TestResult t = Proportions.twoProportionTest(number(row, "x1"), number(row, "n1"), number(row, "x2"), number(row, "n2"), correct);
            String what = "prop.test(" + row.get("x1") + "/" + row.get("n1") + " vs " + row.get("x2") + "/" + row.get("n2") + ", correct = "
                    + correct + ")";
            assertEquals(number(row, "statistic"), t.statistic() * t.statistic(), 1e-12 * Math.max(1, number(row, "statistic")),
                    what + " X-squared");
            assertRelative(number(row, "p_value"), t.pValue(), 1e-10, what + " p-value");
        }
    }

    @Test
    void sampleStandardDeviationAndWelchAgreeWithR() {
        Map<String, double[]> samples = new java.util.HashMap<>();
        for (var row : fromR("r_sd.csv")) {
            double[] values = Arrays.stream(row.get("values").split(" ")).mapToDouble(Double::parseDouble).toArray();
            samples.put(row.get("sample"), values);
            assertRelative(number(row, "sd"), Means.sampleStandardDeviation(values), 1e-13, "sd(" + row.get("sample") + ")");
            assertRelative(number(row, "sd"), Means.Summary.of(values).standardDeviation(), 1e-11, "sd from sums, " + row.get("sample"));
            assertRelative(number(row, "mean"), Means.Summary.of(values).mean(), 1e-15, "mean(" + row.get("sample") + ")");
        }
        for (var row : fromR("r_welch_t_test.csv")) {
            Means.Summary a = Means.Summary.of(samples.get(row.get("a")));
            Means.Summary b = Means.Summary.of(samples.get(row.get("b")));
            String what = "t.test(" + row.get("a") + ", " + row.get("b") + ")";
            Estimate d = Means.welchDifference(a, b, Confidence.NINETY_FIVE);
            TestResult t = Means.welchTest(a, b);
            assertRelative(number(row, "difference"), d.value(), 1e-12, what + " difference");
            assertRelative(number(row, "lower"), d.lower(), 1e-9, what + " lower");
            assertRelative(number(row, "upper"), d.upper(), 1e-9, what + " upper");
            assertRelative(number(row, "t"), t.statistic(), 1e-10, what + " t");
            assertRelative(number(row, "p_value"), t.pValue(), 1e-9, what + " p-value");
        }
    }

    @Test
    void pValuesKeepTheirRelativeAccuracyFarIntoTheTail() {
        for (var row : fromR("r_upper_tails.csv")) {
            double x = number(row, "x");
            double df = number(row, "df");
            double p = switch (row.get("distribution")) {
                case "normal_two_sided" -> Confidence.normalPValue(x);
                case "chisq_upper" -> Confidence.chiSquaredPValue(x, df);
                default -> Confidence.tPValue(x, df);
            };
            assertRelative(number(row, "p_value"), p, 1e-12, row.get("distribution") + "(" + x + ", df " + df + ")");
            assertTrue(p > 0, "never rounded to 0 above the smallest normal double: " + x);
        }
        assertEquals(Confidence.normalPValue(-8.5), Confidence.normalPValue(8.5), 0, "two-sided: the sign does not matter");
        assertEquals(1, Confidence.normalPValue(0), 0);
    }

    @Test
    void trendTestPValuesAgreeWithPropTrendTest() {
        for (var row : fromR("r_prop_trend_test.csv")) {
            double[] x = Arrays.stream(row.get("x").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] n = Arrays.stream(row.get("n").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] s = Arrays.stream(row.get("scores").split(" ")).mapToDouble(Double::parseDouble).toArray();
            TestResult t = Trend.chiSquaredForTrend(x, n, s);
            String what = "prop.trend.test(" + row.get("x") + ")";
            assertRelative(number(row, "statistic"), t.statistic(), 1e-9, what + " X-squared");
            double expected = number(row, "p_value");
            if (expected > 1e-300) {
                assertRelative(expected, t.pValue(), 1e-9, what + " p-value");
            } else {
                assertTrue(t.pValue() < 1e-300, what + ": beyond the normal doubles, still tiny: " + t.pValue());
            }
        }
    }
}
