package se.lagesbild.publishing.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.disclosure.Revisions;
import se.lagesbild.warehouse.indicators.BaselineComparisons;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.ComparableMethods;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.Inequality;

/**
 * Released indicator values, equity and baseline comparisons as result tables: one layout for
 * every consumer (the API, notebooks, the yearly report's CSV and Arrow files). The builders come
 * back open, so a consumer can add labels or metadata.
 */
public final class IndicatorTables {
    private IndicatorTables() {
    }

    /** The columns of {@link #values}. */
    public static Column[] valuesColumns() {
        return new Column[] {Column.dimension("period_code"), Column.text("geo_level"), Column.dimension("geo_code"),
            Column.dimension("diagnosis_code"), Column.integerDimension("sex_code"), Column.dimension("age_group_code"), Column.number("value"),
            Column.number("lower"), Column.number("upper"), Column.number("lower_998"), Column.number("upper_998"),
            Column.number("standard_error"), Column.number("numerator"), Column.number("denominator"), Column.text("method"),
            Column.text("comparison"), Column.flag("suppressed"), Column.text("reason")};
    }

    /** The columns of {@link #equity}. */
    public static Column[] equityColumns() {
        return new Column[] {Column.dimension("period_code"), Column.text("geo_level"), Column.dimension("geo_code"),
            Column.dimension("diagnosis_code"), Column.dimension("age_group_code"), Column.number("value"), Column.number("lower"),
            Column.number("upper"), Column.number("lower_998"), Column.number("upper_998"), Column.number("numerator"),
            Column.number("denominator"), Column.text("comparison"), Column.number("women_value"), Column.number("men_value"),
            Column.number("difference_women_men"), Column.number("difference_lower"), Column.number("difference_upper"),
            Column.number("ratio_women_men"), Column.number("ratio_lower"), Column.number("ratio_upper"), Column.number("p_value_adjusted"),
            Column.flag("sex_gap_flagged"), Column.number("funnel_95_lower"), Column.number("funnel_95_upper"),
            Column.number("funnel_998_lower"), Column.number("funnel_998_upper"), Column.text("funnel_position"), Column.flag("suppressed"),
            Column.text("reason"), Column.text("women_men_note")};
    }

    /** The columns of {@link #baseline}. */
    public static Column[] baselineColumns() {
        return new Column[] {Column.dimension("period_code"), Column.text("geo_level"), Column.dimension("geo_code"),
            Column.dimension("diagnosis_code"), Column.integerDimension("sex_code"), Column.dimension("age_group_code"),
            Column.number("baseline_value"), Column.number("baseline_lower"), Column.number("baseline_upper"), Column.number("followup_value"),
            Column.number("followup_lower"), Column.number("followup_upper"), Column.number("change"), Column.number("change_lower"),
            Column.number("change_upper"), Column.number("relative_change"), Column.number("p_value"), Column.number("trend_p_value"),
            Column.flag("target_met_baseline"), Column.flag("target_met_followup"), Column.text("status"), Column.flag("suppressed"),
            Column.text("reason")};
    }

    /** The columns of {@link #revisions}. */
    public static Column[] revisionsColumns() {
        return new Column[] {Column.dimension("period_code"), Column.text("geo_level"), Column.dimension("geo_code"),
            Column.dimension("diagnosis_code"), Column.integerDimension("sex_code"), Column.dimension("age_group_code"), Column.text("revision"),
            Column.number("published_value"), Column.number("published_lower"), Column.number("published_upper"), Column.number("revised_value"),
            Column.number("revised_lower"), Column.number("revised_upper"), Column.number("revision_difference"),
            Column.number("published_change"), Column.text("published_status"), Column.number("revised_change"),
            Column.number("revised_change_lower"), Column.number("revised_change_upper"), Column.text("revised_status"),
            Column.flag("suppressed"), Column.text("reason")};
    }

    /**
     * One row per cell: value, interval and 99.8 % limits, standard error (where the method gives
     * one: survival), numerator, denominator, comparison with Riket, suppression.
     */
    public static ResultTable.Builder values(Indicator indicator, List<ReleasedValue> values, double confidence) {
        ResultTable.Builder table = ResultTable.builder(indicator.titleEn(), valuesColumns());
        for (ReleasedValue v : values) {
            Cell c = v.cell();
            Estimate e = v.estimate();
            table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode(), e.value(), e.lower(),
                    e.upper(), lower998(v), upper998(v), finite(e.standardError()), v.numerator(), v.denominator(), e.method(), v.comparison(),
                    v.suppressed(), v.reason());
        }
        return withIndicator(table, indicator, confidence).meta("suppressed", values.stream().filter(ReleasedValue::suppressed).count());
    }

    /** One row per region and Riket: both sexes, women and men, the sex gap, the funnel limits and position. */
    public static ResultTable.Builder equity(Indicator indicator, Released.Equity equity, double confidence) {
        ResultTable.Builder table = ResultTable.builder("Equity: " + indicator.titleEn(), equityColumns());
        for (Released.EquityRow r : equity.rows()) {
            Cell c = r.cell();
            ReleasedValue b = r.both();
            var gap = r.gap();
            table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.ageGroupCode(), b.estimate().value(),
                    b.estimate().lower(), b.estimate().upper(), lower998(b), upper998(b), b.numerator(), b.denominator(), b.comparison(),
                    valueOf(r.women()),
                    valueOf(r.men()), gap == null ? null : gap.difference().value(), gap == null ? null : gap.difference().lower(),
                    gap == null ? null : gap.difference().upper(), gap == null ? null : gap.ratio().value(),
                    gap == null ? null : gap.ratio().lower(), gap == null ? null : gap.ratio().upper(),
                    gap == null ? null : gap.adjustedPValue(), gap == null ? null : gap.flagged(),
                    r.funnel95() == null ? null : r.funnel95().lower(), r.funnel95() == null ? null : r.funnel95().upper(),
                    r.funnel998() == null ? null : r.funnel998().lower(), r.funnel998() == null ? null : r.funnel998().upper(),
                    r.position() == null ? null : r.position().label(), b.suppressed(), b.reason(), womenMenNote(r));
        }
        Inequality q = equity.inequality();
        Map<String, Object> summary = null;
        if (q != null) {
            summary = new LinkedHashMap<>();
            summary.put("range", finite(q.range()));
            summary.put("max_min_ratio", finite(q.maxMinRatio()));
            summary.put("coefficient_of_variation", finite(q.coefficientOfVariation()));
            summary.put("index_of_disparity", finite(q.indexOfDisparity()));
            summary.put("mean_difference_from_best", finite(q.meanDifferenceFromBest()));
            summary.put("between_group_variance", finite(q.betweenGroupVariance()));
            summary.put("best", finite(q.best()));
        }
        return withIndicator(table, indicator, confidence).meta("national_value", finite(equity.nationalValue()))
                .meta("between_regions", summary).meta("level", equity.level()).meta("regions_hidden", equity.regionsHidden())
                .meta("funnel_method", equity.funnelMethod())
                .meta("sex_gap_method", "women − men, Newcombe (proportions) or normal (rates) interval; two-sample z test,"
                        + " Benjamini–Hochberg over the released gaps; flagged when adjusted p < 0.05");
    }

    /** One row per cell in both periods: the two values, the change with its interval and test, the targets, the status. */
    public static ResultTable.Builder baseline(Indicator indicator, String baseline, String followUp, List<Released.ReleasedChange> changes,
                                               double confidence) {
        ResultTable.Builder table = ResultTable.builder("Baseline " + baseline + " against " + followUp + ": " + indicator.titleEn(),
                baselineColumns());
        for (Released.ReleasedChange r : changes) {
            Cell c = r.cell();
            BaselineComparisons.Change x = r.change();
            if (x == null) {
                table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode(), null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, "suppressed", true, r.reason());
            } else {
                table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode(), x.baseline().value(),
                        x.baseline().lower(), x.baseline().upper(), x.followUp().value(), x.followUp().lower(), x.followUp().upper(),
                        x.difference().value(), x.difference().lower(), x.difference().upper(), x.relativeChange(), x.test().pValue(),
                        x.trend().pValue(), x.targetMetAtBaseline(), x.targetMetNow(), x.status(), false,
                        x.status().equals("not compared") ? "not compared: " + notCompared(x) : null);
            }
        }
        return withIndicator(table, indicator, confidence).meta("baseline", baseline).meta("followup", followUp);
    }

    /**
     * One row per baseline cell: the baseline as published (as of the snapshot) and with revised data,
     * the revision, and the change to the follow-up period computed both ways with its status.
     */
    public static ResultTable.Builder revisions(Indicator indicator, Revisions.Result revisions, double confidence) {
        ResultTable.Builder table = ResultTable.builder("Baseline " + revisions.baseline() + " as published (" + revisions.published()
                .getSnapshotName() + ") and with revised data: " + indicator.titleEn(), revisionsColumns());
        for (Revisions.Row r : revisions.rows()) {
            Cell c = r.cell();
            boolean hidden = r.status().equals("hidden"); // nothing of the row is shown, either side
            Estimate p = hidden ? null : estimate(r.published());
            Estimate v = hidden ? null : estimate(r.revised());
            BaselineComparisons.Change before = hidden || r.publishedChange() == null ? null : r.publishedChange().change();
            BaselineComparisons.Change after = hidden || r.revisedChange() == null ? null : r.revisedChange().change();
            table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode(), r.status(),
                    p == null ? null : p.value(), p == null ? null : p.lower(), p == null ? null : p.upper(), v == null ? null : v.value(),
                    v == null ? null : v.lower(), v == null ? null : v.upper(), r.difference(),
                    before == null ? null : before.difference().value(), before == null ? null : before.status(),
                    after == null ? null : after.difference().value(), after == null ? null : after.difference().lower(),
                    after == null ? null : after.difference().upper(), after == null ? null : after.status(), hidden,
                    reason(r, ComparableMethods.comparable(indicator)));
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        Revisions.STATUSES.forEach(status -> counts.put(status, revisions.count(status)));
        return withIndicator(table, indicator, confidence).meta("baseline", revisions.baseline()).meta("followup", revisions.followUp())
                .meta("published_snapshot", revisions.published().getSnapshotName())
                .meta("published_snapshot_taken", String.valueOf(revisions.published().getCreatedAt()))
                .meta("published_max_batch_id", revisions.published().getMaxBatchId()).meta("cells_by_revision", counts);
    }

    private static Estimate estimate(ReleasedValue v) {
        return v == null || v.suppressed() ? null : v.estimate();
    }

    /** Why a side or its change is missing or hidden, published side first. */
    private static String reason(Revisions.Row r, boolean compared) {
        List<String> why = new java.util.ArrayList<>();
        missing(why, "published", r.published());
        missing(why, "revised", r.revised());
        if (why.isEmpty() && compared) {
            change(why, "published change", r.publishedChange());
            change(why, "revised change", r.revisedChange());
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static void missing(List<String> why, String side, ReleasedValue v) {
        if (v == null) {
            why.add(side + ": not in the data");
        } else if (v.suppressed()) {
            why.add(side + ": " + v.reason());
        }
    }

    private static void change(List<String> why, String side, Released.ReleasedChange c) {
        if (c == null) {
            why.add(side + ": no follow-up value in the data");
        } else if (c.suppressed()) {
            why.add(side + ": " + c.reason());
        }
    }

    static ResultTable.Builder withIndicator(ResultTable.Builder table, Indicator i, double confidence) {
        return table.meta("indicator", i.code()).meta("title_sv", i.titleSv()).meta("unit", i.unit()).meta("method", i.method())
                .meta("direction", i.direction()).meta("target", i.target()).meta("confidence_level", confidence);
    }

    private static String notCompared(BaselineComparisons.Change x) {
        if (!x.baseline().available() || !x.followUp().available()) {
            return "a value is not computed in one of the periods";
        }
        return x.difference().available() ? x.test().method() + " cannot be done" : "no events in either period, or a ratio above 1";
    }

    /** Why the women's or men's value or the gap between them is missing from an equity row; null when all are there. */
    private static String womenMenNote(Released.EquityRow r) {
        List<String> why = new java.util.ArrayList<>();
        for (Object[] side : new Object[][] {{"women", r.women()}, {"men", r.men()}}) {
            ReleasedValue v = (ReleasedValue) side[1];
            if (v == null) {
                why.add(side[0] + ": no data");
            } else if (v.suppressed()) {
                why.add(side[0] + ": " + v.reason());
            } else if (!v.estimate().available()) {
                why.add(side[0] + ": " + (v.reason() == null ? "not computed" : v.reason()));
            }
        }
        if (why.isEmpty() && r.gap() == null) {
            why.add("the gap women − men is not tested for this method");
        } else if (why.isEmpty() && !r.gap().difference().available()) {
            why.add("the gap women − men is not computed: " + r.gap().difference().method());
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static Double lower998(ReleasedValue v) {
        return v.limits998() == null ? null : finite(v.limits998().lower());
    }

    private static Double upper998(ReleasedValue v) {
        return v.limits998() == null ? null : finite(v.limits998().upper());
    }

    private static Double valueOf(ReleasedValue v) {
        return v == null || v.suppressed() ? null : finite(v.estimate().value());
    }

    /** The value, or null when it is not a finite number (a table cell left empty). */
    public static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
