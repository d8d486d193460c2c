package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.EquityGroups;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.GroupInequality;
import se.lagesbild.warehouse.stats.OrderedInequality;

/**
 * An indicator by the groups of one population dimension (education, country of birth, income) in
 * one cell (period, geography, diagnosis, sex, all ages), after disclosure control, with WHO HEAT's
 * summary measures: for an ordered dimension the slope and relative index of inequality and the
 * concentration indices ({@link OrderedInequality}), for every dimension the measures between groups
 * ({@link GroupInequality}) and each group's difference and ratio to the reference group.
 *
 * <p>The measures use the groups with a place in the dimension (not "uppgift saknas") and only when
 * every one of them is released: a measure over a hidden group would tell of it. The model of the
 * slope index follows the indicator's method: logistic for a share, log-linear for a rate, linear
 * otherwise.
 *
 * @param total        the groups' total (all ages, or a survival indicator's adults), as released
 * @param groups       each group's released value, in the dimension's order; null value where the
 *                     sources hold no one in the group
 * @param notComputed  why the measures are missing, or null
 * @param undelivered  whether some deliveries of the cell carry no value for the dimension (the groups
 *                     then add up to less than the total)
 */
public record GroupEquity(Indicator indicator, EquityGroups.Dimension dimension, ReleasedValue total, List<GroupValue> groups,
                          OrderedInequality.Result ordered, GroupInequality.Result between, String notComputed, boolean undelivered)
        implements java.io.Serializable {

    /** One group and its released value (null: no one in it). */
    public record GroupValue(EquityGroups.Group group, ReleasedValue value) implements java.io.Serializable {
    }

    /**
     * @param geo a region, a healthcare region or Riket (00)
     * @throws WarehouseException when the dimension is unknown, or the indicator's sources do not carry it
     *                            in the period (the answer says so instead of inventing a total)
     */
    public static GroupEquity of(Warehouse warehouse, String code, String dimensionCode, String period, String geo, String diagnosis, int sex,
                                 Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        List<EquityGroups.Dimension> dimensions = EquityGroups.dimensions(warehouse);
        EquityGroups.Dimension dimension = dimensions.stream().filter(d -> d.code().equals(dimensionCode)).findFirst()
                .orElseThrow(() -> new WarehouseException("There is no population dimension '" + dimensionCode + "'. Dimensions: "
                        + dimensions.stream().map(EquityGroups.Dimension::code).collect(Collectors.joining(", ")) + "."));
        if (!EquityGroups.available(warehouse, indicator)) {
            throw new NotCarried(code + " is not given by " + dimension.nameEn().toLowerCase(java.util.Locale.ROOT) + ": its source ("
                    + indicator.dataSource() + ") carries no population groups. Indicators that can be: "
                    + Catalogue.all(warehouse).stream().filter(i -> EquityGroups.available(warehouse, i)).map(Indicator::code)
                            .collect(Collectors.joining(", ")) + ".");
        }
        List<EquityGroups.Group> members = EquityGroups.groups(warehouse).stream().filter(g -> g.dimension().equals(dimensionCode)).toList();
        List<String> ages = new ArrayList<>(members.stream().map(EquityGroups.Group::cellCode).toList());
        ages.addAll(TOTALS);
        CellFilter filter = CellFilter.all().periods(period).geo(geo).diagnoses(diagnosis).sexes(sex).ageGroups(ages.toArray(String[]::new));
        Map<String, ReleasedValue> released = Released.values(warehouse, code, filter, confidence).stream()
                .collect(Collectors.toMap(v -> v.cell().ageGroupCode(), Function.identity()));
        ReleasedValue total = TOTALS.stream().map(released::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        boolean any = members.stream().anyMatch(g -> released.containsKey(g.cellCode()));
        if (!any) {
            boolean survival = indicator.method().endsWith("_survival");
            throw new NotCarried(total == null
                    ? code + " has no value for period " + period + ", geography " + geo + ", diagnosis " + diagnosis + " and sex " + sex + "."
                    : survival && !geo.equals("00") ? code + " is given by population group for Riket (00) only: survival by group is"
                            + " computed nationally, where the groups are large enough."
                    : "The deliveries of " + indicator.dataSource() + " behind " + code + " in " + period + " carry no "
                            + dimension.nameEn().toLowerCase(java.util.Locale.ROOT) + " (the column is absent or empty): there is no"
                            + " breakdown to give, only the total.");
        }
        List<GroupValue> groups = members.stream().map(g -> new GroupValue(g, released.get(g.cellCode()))).toList();
        double groupDenominators = groups.stream().filter(g -> g.value() != null && !g.value().suppressed())
                .mapToDouble(g -> g.value().denominator()).sum();
        // a rate's groups cover the ages their population is given for (education: from 25), so they fall short of the total by design
        boolean rate = indicator.method().equals("rate") || indicator.method().equals("dsr");
        boolean undelivered = !rate && total != null && !total.suppressed() && groups.stream().noneMatch(g -> g.value() != null && g.value().suppressed())
                && groupDenominators < total.denominator() - 1e-6;
        List<GroupValue> placed = groups.stream().filter(g -> !g.group().code().equals(EquityGroups.NOT_KNOWN)).toList();
        String why = null;
        if (placed.stream().anyMatch(g -> g.value() != null && g.value().suppressed())) {
            why = HIDDEN;
        } else if (placed.stream().filter(g -> g.value() != null && g.value().estimate().available()).count() < 2) {
            why = TOO_FEW;
        }
        if (why != null) {
            return new GroupEquity(indicator, dimension, total, groups, null, null, why, undelivered);
        }
        List<GroupValue> measured = placed.stream().filter(g -> g.value() != null && g.value().estimate().available()).toList();
        GroupInequality.Result between = GroupInequality.of(measured.stream().map(g -> new GroupInequality.Group(g.group().code(),
                        g.value().estimate().value(), standardError(indicator, g.value(), confidence), g.value().denominator())).toList(),
                measured.stream().filter(g -> g.group().reference()).map(g -> g.group().code()).findFirst().orElse(null),
                !indicator.lowerIsBetter(), confidence);
        OrderedInequality.Result ordered = null;
        if (dimension.ordered()) {
            OrderedInequality.Model model = switch (indicator.method()) {
                case "proportion" -> OrderedInequality.Model.BINOMIAL;
                case "rate" -> OrderedInequality.Model.POISSON;
                default -> OrderedInequality.Model.LINEAR;
            };
            double scale = indicator.method().equals("rate") ? (indicator.methodParam() == null ? 100_000 : indicator.methodParam()) : 1;
            ordered = OrderedInequality.of(measured.stream().map(g -> new OrderedInequality.Group(g.group().rank(), g.value().numerator(),
                    g.value().estimate().value(), g.value().denominator(), standardError(indicator, g.value(), confidence))).toList(), model,
                    scale, confidence);
        }
        return new GroupEquity(indicator, dimension, total, groups, ordered, between, null, undelivered);
    }

    /** Why the measures are missing: a group is hidden, or too few groups have a value. */
    public static final String HIDDEN = "not computed: a group is hidden by disclosure control, and a measure over it would tell of it";
    public static final String TOO_FEW = "not computed: fewer than two groups have a value";

    /** The cells the groups add up to: all ages, or the indicator's own population (survival: adults, 18+). */
    private static final List<String> TOTALS = List.of("ALL", "18+", "0-17");

    /** The standard error of a group's value: binomial for a share, else the method's, else from the interval's width. */
    private static double standardError(Indicator indicator, ReleasedValue v, Confidence confidence) {
        Estimate e = v.estimate();
        if (indicator.method().equals("proportion") && v.denominator() > 0) {
            double p = v.numerator() / v.denominator();
            return Math.sqrt(p * (1 - p) / v.denominator());
        }
        if (Double.isFinite(e.standardError())) {
            return e.standardError();
        }
        return (e.upper() - e.lower()) / (2 * confidence.z());
    }

    /** The indicator's sources do not carry the dimension: an answer would have to invent it. */
    public static final class NotCarried extends WarehouseException {
        public NotCarried(String message) {
            super(message);
        }
    }

    /** The same cell's groups as cells (for tests and tables). */
    public List<Cell> cells() {
        return groups.stream().filter(g -> g.value() != null).map(g -> g.value().cell()).toList();
    }
}
