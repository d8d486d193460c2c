package se.lagesbild.publishing.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.disclosure.GroupEquity;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.stats.InequalityMeasure;

/**
 * An indicator by population group (education, country of birth, income) as a table: one row per
 * group with its released value, and the difference and ratio to the reference group; HEAT's
 * summary measures, the total and the notes as the table's metadata. The same for the API, the
 * notebook helper and exports.
 */
public final class GroupTables {
    private GroupTables() {
    }

    public static ResultTable.Builder groups(GroupEquity e, double confidence) {
        ResultTable.Builder table = ResultTable.builder(e.indicator().titleEn() + " by " + e.dimension().nameEn().toLowerCase(java.util.Locale.ROOT),
                Column.dimension("period_code"), Column.dimension("geo_code"), Column.dimension("diagnosis_code"), Column.integerDimension("sex_code"),
                Column.dimension("group_code"), new Column("rank", Column.Type.INTEGER, Column.Role.ATTRIBUTE), Column.number("value"), Column.number("lower"), Column.number("upper"),
                Column.count("numerator"), Column.count("denominator"), Column.number("difference"), Column.number("difference_lower"),
                Column.number("difference_upper"), Column.number("ratio"), Column.number("ratio_lower"), Column.number("ratio_upper"),
                Column.flag("suppressed"), Column.text("note"));
        Map<String, InequalityMeasure> differences = new LinkedHashMap<>();
        Map<String, InequalityMeasure> ratios = new LinkedHashMap<>();
        if (e.between() != null) {
            e.between().differences().forEach(d -> differences.put(d.code(), d));
            e.between().ratios().forEach(r -> ratios.put(r.code(), r));
        }
        for (GroupEquity.GroupValue g : e.groups()) {
            ReleasedValue v = g.value();
            if (v == null) {
                continue;
            }
            InequalityMeasure d = differences.get(g.group().code());
            InequalityMeasure r = ratios.get(g.group().code());
            var c = v.cell();
            table.row(c.periodCode(), c.geoCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode(), g.group().rank(),
                    IndicatorTables.finite(v.estimate().value()), IndicatorTables.finite(v.estimate().lower()),
                    IndicatorTables.finite(v.estimate().upper()), IndicatorTables.finite(v.numerator()), IndicatorTables.finite(v.denominator()),
                    d == null ? null : d.value(), d == null ? null : d.lower(), d == null ? null : d.upper(), r == null ? null : r.value(),
                    r == null ? null : r.lower(), r == null ? null : r.upper(), v.suppressed(), v.reason());
        }
        List<Map<String, Object>> measures = new ArrayList<>();
        if (e.ordered() != null) {
            e.ordered().measures().forEach(m -> measures.add(measure(m)));
        }
        if (e.between() != null) {
            e.between().measures().forEach(m -> measures.add(measure(m)));
        }
        ReleasedValue total = e.total();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("value", total == null ? null : IndicatorTables.finite(total.estimate().value()));
        all.put("denominator", total == null ? null : IndicatorTables.finite(total.denominator()));
        all.put("suppressed", total != null && total.suppressed());
        return IndicatorTables.withIndicator(table, e.indicator(), confidence).meta("dimension", e.dimension().code())
                .meta("dimension_ordered", e.dimension().ordered()).meta("dimension_source_sv", e.dimension().sourceSv())
                .meta("reference_group", e.between() == null ? null : e.between().reference())
                .meta("setting_average", e.between() == null ? null : IndicatorTables.finite(e.between().settingAverage()))
                .meta("total", all).meta("measures", measures).meta("measures_not_computed", e.notComputed())
                .meta("groups_below_total", e.undelivered() ? "some deliveries carry no value for this dimension: the groups add up to less"
                        + " than the total" : null)
                .meta("measures_method", "WHO HEAT (Schlotheuber & Hosseinpoor 2022): SII and RII from a "
                        + (e.indicator().method().equals("proportion") ? "logistic" : e.indicator().method().equals("rate") ? "Poisson" : "weighted linear")
                        + " regression on the groups' ridit ranks with HC1 intervals (ordered dimensions); ACI/RCI; BGV, BGSD, MDB, MDM, ID, PAR,"
                        + " PAF, Theil and MLD (×1000) over the groups with a place in the dimension (not 'uppgift saknas')");
    }

    private static Map<String, Object> measure(InequalityMeasure m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", m.code());
        row.put("value", IndicatorTables.finite(m.value()));
        row.put("standard_error", IndicatorTables.finite(m.standardError()));
        row.put("lower", IndicatorTables.finite(m.lower()));
        row.put("upper", IndicatorTables.finite(m.upper()));
        return row;
    }
}
