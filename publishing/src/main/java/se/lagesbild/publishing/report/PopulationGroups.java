package se.lagesbild.publishing.report;

import java.util.ArrayList;
import java.util.List;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.GroupTables;
import se.lagesbild.publishing.tables.IndicatorTables;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.GroupEquity;
import se.lagesbild.warehouse.indicators.EquityGroups;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.InequalityMeasure;

/**
 * The yearly report's jämlikhet beyond regions: each headline indicator whose sources carry
 * education, country of birth or income, by every dimension they carry, at Riket in the follow-up
 * year (its headline diagnosis, both sexes), after disclosure control, with WHO HEAT's measures
 * ({@link GroupEquity}). Two tables: the groups, and the measures per indicator and dimension.
 */
final class PopulationGroups {
    private PopulationGroups() {
    }

    /** Every headline indicator by every dimension its sources carry in the follow-up period. */
    static List<GroupEquity> of(Warehouse warehouse, List<Headline> headlines, Confidence confidence) {
        List<GroupEquity> all = new ArrayList<>();
        List<EquityGroups.Dimension> dimensions = EquityGroups.dimensions(warehouse);
        for (Headline h : headlines) {
            if (!EquityGroups.available(warehouse, h.indicator())) {
                continue;
            }
            for (EquityGroups.Dimension d : dimensions) {
                try {
                    all.add(GroupEquity.of(warehouse, h.indicator().code(), d.code(), h.followUpPeriod(), "00", h.diagnosis(), 3, confidence));
                } catch (GroupEquity.NotCarried notCarried) {
                    // the deliveries of the follow-up year do not carry this dimension: nothing to show
                }
            }
        }
        return all;
    }

    /** One row per indicator, dimension and group. */
    static ResultTable groups(List<GroupEquity> all, double confidence) {
        ResultTable.Builder table = null;
        for (GroupEquity e : all) {
            ResultTable part = GroupTables.groups(e, confidence).build();
            if (table == null) {
                List<Column> columns = new ArrayList<>(List.of(Column.dimension("indicator"), Column.dimension("dimension")));
                columns.addAll(part.columns());
                table = ResultTable.builder("Indicators by education, country of birth and income, Riket", columns.toArray(Column[]::new));
            }
            for (Object[] row : part.rows()) {
                Object[] wide = new Object[row.length + 2];
                wide[0] = e.indicator().code();
                wide[1] = e.dimension().code();
                System.arraycopy(row, 0, wide, 2, row.length);
                table.row(wide);
            }
        }
        return table == null ? ResultTable.builder("Indicators by education, country of birth and income, Riket", Column.dimension("indicator"))
                .build() : table.build();
    }

    /**
     * One row per indicator and dimension: the reference group, the slope and relative index, PAF,
     * the group furthest from the reference group with its difference, and why a measure is missing.
     */
    static ResultTable measures(List<GroupEquity> all) {
        ResultTable.Builder table = ResultTable.builder("Summary measures of inequality (WHO HEAT), Riket", Column.dimension("indicator"),
                Column.integerDimension("goal"), Column.dimension("dimension"), Column.dimension("period_code"), Column.dimension("diagnosis_code"),
                Column.text("reference_group"), Column.number("setting_average"), Column.number("sii"), Column.number("sii_lower"),
                Column.number("sii_upper"), Column.number("rii"), Column.number("rii_lower"), Column.number("rii_upper"), Column.number("paf"),
                Column.number("bgv"), Column.dimension("largest_gap_group"), Column.number("largest_gap"), Column.number("largest_gap_lower"),
                Column.number("largest_gap_upper"), Column.text("note"));
        for (GroupEquity e : all) {
            InequalityMeasure gap = e.between() == null ? null : e.between().differences().stream()
                    .filter(d -> !d.code().equals(e.between().reference()))
                    .max(java.util.Comparator.comparingDouble(d -> Math.abs(d.value()))).orElse(null);
            InequalityMeasure sii = e.ordered() == null ? null : e.ordered().measure("sii");
            InequalityMeasure rii = e.ordered() == null ? null : e.ordered().measure("rii");
            var cell = e.total() == null ? null : e.total().cell();
            table.row(e.indicator().code(), e.indicator().goal(), e.dimension().code(), cell == null ? null : cell.periodCode(),
                    cell == null ? null : cell.diagnosisCode(),
                    e.between() == null ? null : e.dimension().code() + EquityGroups.SEPARATOR + e.between().reference(),
                    e.between() == null ? null : IndicatorTables.finite(e.between().settingAverage()), sii == null ? null : IndicatorTables.finite(sii.value()),
                    sii == null ? null : IndicatorTables.finite(sii.lower()), sii == null ? null : IndicatorTables.finite(sii.upper()), rii == null ? null : IndicatorTables.finite(rii.value()),
                    rii == null ? null : IndicatorTables.finite(rii.lower()), rii == null ? null : IndicatorTables.finite(rii.upper()),
                    e.between() == null ? null : IndicatorTables.finite(e.between().measure("paf").value()),
                    e.between() == null ? null : IndicatorTables.finite(e.between().measure("bgv").value()),
                    gap == null ? null : e.dimension().code() + EquityGroups.SEPARATOR + gap.code(), gap == null ? null : IndicatorTables.finite(gap.value()),
                    gap == null ? null : IndicatorTables.finite(gap.lower()), gap == null ? null : IndicatorTables.finite(gap.upper()), e.notComputed());
        }
        return table.build();
    }
}
