package se.lagesbild.api.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Catalog;
import se.lagesbild.api.Query;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.api.table.Column;
import se.lagesbild.api.table.ResultTable;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.BaselineComparisons;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.Inequality;

/**
 * The indicator catalogue and each indicator's values, equity and baseline comparison, all after
 * disclosure control ({@link Released}). Intervals are 95 %.
 */
final class IndicatorRoutes {
    static final Confidence CONFIDENCE = Confidence.NINETY_FIVE;
    private static final List<String> FILTERS = List.of("region", "healthcare-region", "sex", "period", "diagnosis", "age");

    private IndicatorRoutes() {
    }

    static List<Route> all() {
        return List.of(
                new Route("/indicators", List.of("goal"), (lease, query, params) -> new Answer.Table(catalogue(lease.catalog(), query))),
                new Route("/indicators/{code}", List.of(), (lease, query, params) -> new Answer.Document(
                        metadata(lease.catalog(), indicator(lease.catalog(), params.get("code"))))),
                new Route("/indicators/{code}/values", FILTERS, IndicatorRoutes::values),
                new Route("/indicators/{code}/equity", List.of("period", "diagnosis", "age"), IndicatorRoutes::equity),
                new Route("/indicators/{code}/baseline", List.of("baseline", "followup", "region", "healthcare-region", "sex", "diagnosis", "age"),
                        IndicatorRoutes::baseline));
    }

    static Indicator indicator(Catalog catalog, String code) {
        Indicator indicator = catalog.indicators().get(code);
        if (indicator == null) {
            ApiProblem p = ApiProblem.notFound("There is no indicator '" + code + "'. Indicators: "
                    + String.join(", ", catalog.indicators().keySet()) + " (see /api/v1/indicators).");
            throw p;
        }
        return indicator;
    }

    private static ResultTable catalogue(Catalog catalog, Query query) {
        List<String> goals = query.codes("goal", Catalog.codes(catalog.goals()), "/api/v1/indicators");
        Map<String, String> goalTitles = Catalog.labels(catalog.goals());
        ResultTable.Builder table = ResultTable.builder("Indicators by goal", Column.integerDimension("goal"), Column.text("goal_title_sv"),
                Column.dimension("code"), Column.text("title_sv"), Column.text("title_en"), Column.text("unit"), Column.text("direction"),
                Column.number("target"), Column.text("method"), Column.text("scope"), Column.text("data_source"));
        for (Indicator i : catalog.indicators().values()) {
            if (goals.isEmpty() || goals.contains(String.valueOf(i.goal()))) {
                table.row(i.goal(), goalTitles.get(String.valueOf(i.goal())), i.code(), i.titleSv(), i.titleEn(), i.unit(), i.direction(),
                        i.target(), i.method(), i.scope(), i.dataSource());
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Member g : catalog.goals()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("goal", Integer.parseInt(g.code()));
            group.put("title_sv", g.labelSv());
            group.put("title_en", g.labelEn());
            group.put("indicators", catalog.indicators().values().stream().filter(i -> String.valueOf(i.goal()).equals(g.code()))
                    .map(Indicator::code).toList());
            groups.add(group);
        }
        return table.meta("goals", groups).build();
    }

    private static Map<String, Object> metadata(Catalog catalog, Indicator i) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("code", i.code());
        doc.put("goal", i.goal());
        doc.put("goal_title_sv", Catalog.labels(catalog.goals()).get(String.valueOf(i.goal())));
        doc.put("title_sv", i.titleSv());
        doc.put("title_en", i.titleEn());
        doc.put("description_sv", i.descriptionSv());
        doc.put("description_en", i.descriptionEn());
        doc.put("unit", i.unit());
        doc.put("direction", i.direction());
        doc.put("target", i.target());
        doc.put("method", i.method());
        doc.put("method_parameter", i.methodParam());
        doc.put("scope", i.scope());
        doc.put("data_source", i.dataSource());
        doc.put("confidence_level", CONFIDENCE.level());
        String base = "/api/v1/indicators/" + i.code();
        doc.put("links", Map.of("values", base + "/values", "equity", base + "/equity?period=2026", "baseline",
                base + "/baseline?baseline=2026&followup=2027"));
        return doc;
    }

    private static CellFilter filter(Catalog catalog, Query query) {
        List<String> geos = new ArrayList<>(query.codes("region", Catalog.codes(catalog.regions()), "/api/v1/regions"));
        geos.addAll(query.codes("healthcare-region", Catalog.codes(catalog.healthcareRegions()), "/api/v1/healthcare-regions"));
        return new CellFilter(query.codes("period", Catalog.codes(catalog.periods()), "/api/v1/periods"), null, geos,
                query.codes("diagnosis", Catalog.codes(catalog.diagnoses()), "/api/v1/diagnoses"),
                query.codes("sex", Catalog.codes(catalog.sexes()), "/api/v1/sexes").stream().map(Integer::valueOf).toList(),
                query.codes("age", Catalog.codes(catalog.ageGroups()), "/api/v1/age-groups"));
    }

    private static Answer values(ServedWarehouse.Lease lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        CellFilter filter = filter(catalog, query);
        List<ReleasedValue> values = Released.values(lease.warehouse(), indicator.code(), filter, CONFIDENCE);
        ResultTable.Builder table = labelled(catalog, ResultTable.builder(indicator.titleEn(), Column.dimension("period_code"),
                Column.text("geo_level"), Column.dimension("geo_code"), Column.dimension("diagnosis_code"), Column.integerDimension("sex_code"),
                Column.dimension("age_group_code"), Column.number("value"), Column.number("lower"), Column.number("upper"),
                Column.number("numerator"), Column.number("denominator"), Column.text("method"), Column.text("comparison"),
                Column.flag("suppressed"), Column.text("reason")));
        for (ReleasedValue v : values) {
            Cell c = v.cell();
            Estimate e = v.estimate();
            table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.sexCode(), c.ageGroupCode(), e.value(), e.lower(),
                    e.upper(), v.numerator(), v.denominator(), e.method(), v.comparison(), v.suppressed(), v.reason());
        }
        return new Answer.Table(withIndicator(table, indicator)
                .meta("suppressed", values.stream().filter(ReleasedValue::suppressed).count()).build());
    }

    private static Answer equity(ServedWarehouse.Lease lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        String period = query.required("period", Catalog.codes(catalog.periods()), "/api/v1/periods", "2026");
        String diagnosis = query.one("diagnosis", Catalog.codes(catalog.diagnoses()), "/api/v1/diagnoses", "ALL");
        String age = query.one("age", Catalog.codes(catalog.ageGroups()), "/api/v1/age-groups", "ALL");
        Released.Equity equity = Released.equity(lease.warehouse(), indicator.code(), period, diagnosis, age, CONFIDENCE);
        if (equity.rows().isEmpty()) {
            throw ApiProblem.notFound(indicator.code() + " has no values for period " + period + ", diagnosis " + diagnosis + " and age "
                    + age + ". The cells it has: /api/v1/indicators/" + indicator.code() + "/values?period=" + period + "&sex=3.");
        }
        ResultTable.Builder table = labelled(catalog, ResultTable.builder("Equity: " + indicator.titleEn(), Column.dimension("period_code"),
                Column.text("geo_level"), Column.dimension("geo_code"), Column.dimension("diagnosis_code"), Column.dimension("age_group_code"),
                Column.number("value"), Column.number("lower"), Column.number("upper"), Column.number("numerator"),
                Column.number("denominator"), Column.text("comparison"), Column.number("women_value"), Column.number("men_value"),
                Column.number("difference_women_men"), Column.number("difference_lower"), Column.number("difference_upper"),
                Column.number("ratio_women_men"), Column.number("ratio_lower"), Column.number("ratio_upper"),
                Column.number("p_value_adjusted"), Column.flag("sex_gap_flagged"), Column.number("funnel_95_lower"),
                Column.number("funnel_95_upper"), Column.number("funnel_998_lower"), Column.number("funnel_998_upper"),
                Column.text("funnel_position"), Column.flag("suppressed"), Column.text("reason")));
        for (Released.EquityRow r : equity.rows()) {
            Cell c = r.cell();
            ReleasedValue b = r.both();
            var gap = r.gap();
            table.row(c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.ageGroupCode(), b.estimate().value(),
                    b.estimate().lower(), b.estimate().upper(), b.numerator(), b.denominator(), b.comparison(), valueOf(r.women()),
                    valueOf(r.men()), gap == null ? null : gap.difference().value(), gap == null ? null : gap.difference().lower(),
                    gap == null ? null : gap.difference().upper(), gap == null ? null : gap.ratio().value(),
                    gap == null ? null : gap.ratio().lower(), gap == null ? null : gap.ratio().upper(),
                    gap == null ? null : gap.adjustedPValue(), gap == null ? null : gap.flagged(),
                    r.funnel95() == null ? null : r.funnel95().lower(), r.funnel95() == null ? null : r.funnel95().upper(),
                    r.funnel998() == null ? null : r.funnel998().lower(), r.funnel998() == null ? null : r.funnel998().upper(),
                    r.position() == null ? null : r.position().label(), b.suppressed(), b.reason());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        Inequality q = equity.inequality();
        if (q != null) {
            summary.put("range", finite(q.range()));
            summary.put("max_min_ratio", finite(q.maxMinRatio()));
            summary.put("coefficient_of_variation", finite(q.coefficientOfVariation()));
            summary.put("index_of_disparity", finite(q.indexOfDisparity()));
            summary.put("mean_difference_from_best", finite(q.meanDifferenceFromBest()));
            summary.put("between_group_variance", finite(q.betweenGroupVariance()));
            summary.put("best", finite(q.best()));
        }
        return new Answer.Table(withIndicator(table, indicator).meta("national_value", finite(equity.nationalValue()))
                .meta("between_regions", q == null ? null : summary).meta("regions_hidden", equity.regionsHidden())
                .meta("funnel_method", equity.funnelMethod())
                .meta("sex_gap_method", "women − men, Newcombe (proportions) or normal (rates) interval; two-sample z test,"
                        + " Benjamini–Hochberg over the released gaps; flagged when adjusted p < 0.05")
                .build());
    }

    private static Answer baseline(ServedWarehouse.Lease lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        List<String> periods = Catalog.codes(catalog.periods());
        String baseline = query.one("baseline", periods, "/api/v1/periods", "2026");
        String followUp = query.one("followup", periods, "/api/v1/periods", baseline.matches("\\d{4}")
                ? String.valueOf(Integer.parseInt(baseline) + 1) : null);
        if (followUp == null) {
            throw ApiProblem.badParameter("followup", null, "The parameter followup is required when the baseline is not a year,"
                    + " for example followup=2027H1.", List.of("see /api/v1/periods"));
        }
        CellFilter filter = filter(catalog, query);
        List<Released.ReleasedChange> changes = Released.baseline(lease.warehouse(), indicator.code(), baseline, followUp, filter,
                CONFIDENCE);
        ResultTable.Builder table = labelled(catalog, ResultTable.builder("Baseline " + baseline + " against " + followUp + ": "
                + indicator.titleEn(), Column.dimension("period_code"), Column.text("geo_level"), Column.dimension("geo_code"),
                Column.dimension("diagnosis_code"), Column.integerDimension("sex_code"), Column.dimension("age_group_code"),
                Column.number("baseline_value"), Column.number("baseline_lower"), Column.number("baseline_upper"),
                Column.number("followup_value"), Column.number("followup_lower"), Column.number("followup_upper"),
                Column.number("change"), Column.number("change_lower"), Column.number("change_upper"), Column.number("relative_change"),
                Column.number("p_value"), Column.number("trend_p_value"), Column.flag("target_met_baseline"),
                Column.flag("target_met_followup"), Column.text("status"), Column.flag("suppressed"), Column.text("reason")));
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
                        x.trend().pValue(), x.targetMetAtBaseline(), x.targetMetNow(), x.status(), false, null);
            }
        }
        return new Answer.Table(withIndicator(table, indicator).meta("baseline", baseline).meta("followup", followUp).build());
    }

    private static Double valueOf(ReleasedValue v) {
        return v == null || v.suppressed() ? null : finite(v.estimate().value());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static ResultTable.Builder withIndicator(ResultTable.Builder table, Indicator i) {
        return table.meta("indicator", i.code()).meta("title_sv", i.titleSv()).meta("unit", i.unit()).meta("method", i.method())
                .meta("direction", i.direction()).meta("target", i.target()).meta("confidence_level", CONFIDENCE.level());
    }

    /** Swedish labels of the dimension columns, for JSON-stat. */
    static ResultTable.Builder labelled(Catalog catalog, ResultTable.Builder table) {
        return table.labels("period_code", Catalog.labels(catalog.periods())).labels("geo_code", catalog.geoLabels())
                .labels("diagnosis_code", Catalog.labels(catalog.diagnoses())).labels("sex_code", Catalog.labels(catalog.sexes()))
                .labels("age_group_code", Catalog.labels(catalog.ageGroups()));
    }
}
