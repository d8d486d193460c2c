package se.lagesbild.warehouse.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.Funnels;
import se.lagesbild.warehouse.stats.Inequality;

/**
 * Equity between the regions for one period × diagnosis × sex × age group: each region's value
 * and its place in the funnel plot around Riket's value (95 % and 99.8 % limits from the exact
 * binomial distribution, Spiegelhalter 2005, which holds for the small regions' denominators too;
 * {@link Funnels#exactBinomialLimits}), and the inequality
 * summaries (range, max/min ratio, coefficient of variation, index of disparity, mean difference
 * from the best region, between-group variance weighted by denominators).
 */
public final class RegionComparisons {
    /** How the funnel limits are drawn. */
    public static final Funnels.Method FUNNEL = Funnels.Method.EXACT_BINOMIAL;
    private RegionComparisons() {
    }

    /** One region in the funnel plot: its value and the limits at its denominator. */
    public record RegionPoint(String regionCode, double numerator, double denominator, Estimate estimate, Estimate limits95,
                              Estimate limits998, Funnels.Position position) {
    }

    public record Result(Cell nationalCell, double nationalValue, List<RegionPoint> regions, Inequality inequality, String funnelMethod) {
    }

    public static Result of(Warehouse warehouse, String code, String period, String diagnosis, int sex, String ageGroup,
                            Confidence confidence) {
        return of(warehouse, code, period, diagnosis, sex, ageGroup, "region", confidence);
    }

    /** The same for the units of {@code level}: "region", or "healthcare_region" (Halland split). */
    public static Result of(Warehouse warehouse, String code, String period, String diagnosis, int sex, String ageGroup, String level,
                            Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        requireProportion(indicator);
        CellFilter filter = CellFilter.all().periods(period).diagnoses(diagnosis).sexes(sex).ageGroups(ageGroup);
        Map<Cell, double[]> national = IndicatorEngine.counts(warehouse, indicator, filter.level("country"));
        if (national.isEmpty()) {
            throw new WarehouseException("No value for Riket in " + period + " (" + diagnosis + ", sex " + sex + ", age " + ageGroup
                    + ") to compare the regions with.");
        }
        return of(indicator, national.entrySet().iterator().next(), IndicatorEngine.counts(warehouse, indicator, filter.level(level)), confidence);
    }

    /**
     * The same from counts already measured (released ones): Riket's cell with its numerator and
     * denominator, and each unit's; nothing else is read.
     */
    public static Result of(Indicator indicator, Map.Entry<Cell, double[]> national, Map<Cell, double[]> units, Confidence confidence) {
        requireProportion(indicator);
        double target = national.getValue()[0] / national.getValue()[1];
        List<RegionPoint> points = new ArrayList<>();
        for (var region : units.entrySet()) {
            double x = region.getValue()[0];
            double n = region.getValue()[1];
            points.add(new RegionPoint(region.getKey().geoCode(), x, n, IndicatorEngine.estimate(indicator, x, n, confidence),
                    Funnels.limits(FUNNEL, target, n, Confidence.NINETY_FIVE, 1),
                    Funnels.limits(FUNNEL, target, n, Confidence.NINETY_NINE_POINT_EIGHT, 1), Funnels.position(FUNNEL, x, n, target)));
        }
        Inequality inequality = points.isEmpty() ? null : Inequality.of(points.stream().mapToDouble(p -> p.estimate().value()).toArray(),
                points.stream().mapToDouble(RegionPoint::denominator).toArray(), !indicator.lowerIsBetter());
        return new Result(national.getKey(), target, points, inequality, FUNNEL.description());
    }

    private static void requireProportion(Indicator indicator) {
        if (!indicator.method().equals("proportion")) {
            throw new WarehouseException("Funnel plots are drawn for proportions; " + indicator.code() + " is a " + indicator.method() + ".");
        }
    }
}
