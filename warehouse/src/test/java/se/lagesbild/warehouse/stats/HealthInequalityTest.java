package se.lagesbild.warehouse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.stats.ConformanceCases.fromR;
import static se.lagesbild.warehouse.stats.ConformanceCases.number;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * WHO HEAT's summary measures against R 4.2.2 (glm, lm, sandwich's HC1 covariance beside the
 * model's and the groups' sampling covariance, numDeriv's gradient for the delta method): fixtures written once by src/test/r/heat-fixtures.R. Point
 * estimates to 1e-9 relative, standard errors and limits to 1e-7 relative (the numerical gradient's
 * precision in R).
 */
class HealthInequalityTest {
    private static final Map<String, List<Map<String, String>>> INPUTS = fromR("r_heat_inputs.csv").stream()
            .collect(Collectors.groupingBy(r -> r.get("case"), LinkedHashMap::new, Collectors.toList()));
    private static final Map<String, List<Map<String, String>>> EXPECTED = fromR("r_heat_expected.csv").stream()
            .collect(Collectors.groupingBy(r -> r.get("case"), LinkedHashMap::new, Collectors.toList()));

    static List<String> cases() {
        return List.copyOf(INPUTS.keySet());
    }

    private static void close(double expected, double actual, double relative, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NA, got " + actual);
            return;
        }
        assertEquals(expected, actual, Math.max(Math.abs(expected) * relative, 1e-12), what);
    }

    private static void check(String c, InequalityMeasure m, Map<String, String> expected) {
        String what = c + " " + expected.get("measure");
        close(number(expected, "estimate"), m.value(), 1e-9, what);
        close(number(expected, "se"), Double.isNaN(number(expected, "se")) ? Double.NaN : m.standardError(), 1e-7, what + " se");
        close(number(expected, "lower"), Double.isNaN(number(expected, "lower")) ? Double.NaN : m.lower(), 1e-7, what + " lower");
        close(number(expected, "upper"), Double.isNaN(number(expected, "upper")) ? Double.NaN : m.upper(), 1e-7, what + " upper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void measuresAgreeWithR(String c) {
        List<Map<String, String>> in = INPUTS.get(c);
        String model = in.get(0).get("model");
        double scale = number(in.get(0), "scale");
        boolean favourable = number(in.get(0), "favourable") == 1;
        boolean ordered = number(in.get(0), "order") > 0;
        Map<String, Map<String, String>> expected = EXPECTED.get(c).stream().collect(Collectors.toMap(r -> r.get("measure"), r -> r));

        List<GroupInequality.Group> groups = in.stream().map(r -> new GroupInequality.Group(r.get("group"), number(r, "y"), number(r, "se"),
                number(r, "n"))).toList();
        String reference = ordered ? in.stream().max(java.util.Comparator.comparingDouble(r -> number(r, "order"))).orElseThrow().get("group")
                : null;
        GroupInequality.Result u = GroupInequality.of(groups, reference, favourable, Confidence.NINETY_FIVE);
        close(number(expected.get("setting_average"), "estimate"), u.settingAverage(), 1e-12, c + " μ");
        assertEquals(String.valueOf((int) number(expected.get("reference_group"), "estimate")), u.reference(), c + " reference group");
        for (InequalityMeasure m : u.measures()) {
            check(c, m, expected.get(m.code()));
        }
        for (int j = 0; j < groups.size(); j++) {
            check(c, u.differences().get(j), expected.get("difference_" + (j + 1)));
            check(c, u.ratios().get(j), expected.get("ratio_" + (j + 1)));
        }
        if (!ordered) {
            return;
        }
        List<OrderedInequality.Group> og = in.stream().map(r -> new OrderedInequality.Group((int) number(r, "order"), number(r, "d"),
                number(r, "y"), number(r, "n"), number(r, "se"))).toList();
        OrderedInequality.Model m = switch (model) {
            case "binomial" -> OrderedInequality.Model.BINOMIAL;
            case "poisson" -> OrderedInequality.Model.POISSON;
            default -> OrderedInequality.Model.LINEAR;
        };
        OrderedInequality.Result o = OrderedInequality.of(og, m, scale, Confidence.NINETY_FIVE);
        close(number(expected.get("intercept"), "estimate"), o.intercept(), 1e-9, c + " intercept");
        close(number(expected.get("slope"), "estimate"), o.slope(), 1e-9, c + " slope");
        for (String code : List.of("sii", "rii", "aci", "rci")) {
            check(c, o.measure(code), expected.get(code));
        }
    }

    @Test
    void riditsRunFromZeroToOneAcrossThePopulation() {
        double[] r = OrderedInequality.ridits(new double[] {10, 30, 60});
        assertEquals(0.05, r[0], 1e-15);
        assertEquals(0.25, r[1], 1e-15);
        assertEquals(0.70, r[2], 1e-15);
    }

    @Test
    void edgeCasesGiveNaNNotAnException() {
        // two groups: a line through two points has no interval; an adverse share of 0 everywhere has no logistic fit
        var two = OrderedInequality.of(List.of(new OrderedInequality.Group(1, 10, 0, 100), new OrderedInequality.Group(2, 20, 0, 100)),
                OrderedInequality.Model.BINOMIAL, 100, Confidence.NINETY_FIVE);
        // the line through logit 10 % at rank 0.25 and logit 20 % at rank 0.75, read at ranks 0 and 1
        double slope = (Math.log(0.2 / 0.8) - Math.log(0.1 / 0.9)) / 0.5;
        double atZero = 1 / (1 + Math.exp(-(Math.log(0.1 / 0.9) - 0.25 * slope)));
        double atOne = 1 / (1 + Math.exp(-(Math.log(0.1 / 0.9) + 0.75 * slope)));
        assertEquals((atOne - atZero) * 100, two.measure("sii").value(), 1e-9);
        assertTrue(Double.isNaN(two.measure("sii").lower()));
        var none = OrderedInequality.of(List.of(new OrderedInequality.Group(1, 0, 0, 100), new OrderedInequality.Group(2, 0, 0, 100),
                new OrderedInequality.Group(3, 0, 0, 50)), OrderedInequality.Model.BINOMIAL, 100, Confidence.NINETY_FIVE);
        assertTrue(Double.isNaN(none.measure("sii").value()));
        var zero = GroupInequality.of(List.of(new GroupInequality.Group("a", 0, 0, 10), new GroupInequality.Group("b", 2, 1, 10)), null, true,
                Confidence.NINETY_FIVE);
        assertTrue(Double.isNaN(zero.measure("ti").value()), "Theil needs every estimate above 0");
        assertEquals(1, zero.measure("bgv").value(), 1e-12);
        assertFalse(zero.measure("par").excludes(0));
        var single = GroupInequality.of(List.of(new GroupInequality.Group("a", 5, 1, 10)), null, true, Confidence.NINETY_FIVE);
        assertTrue(Double.isNaN(single.measure("bgv").value()));
    }
}
