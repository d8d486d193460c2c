package se.lagesbild.api.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Catalog;
import se.lagesbild.api.Query;
import se.lagesbild.api.Source;
import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.IndicatorTables;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;
import se.lagesbild.warehouse.disclosure.GroupEquity;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.disclosure.Revisions;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;

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
                new Route("/indicators/{code}/values", withBenchmark(), IndicatorRoutes::values),
                new Route("/indicators/{code}/equity", List.of("period", "diagnosis", "age", "level"), IndicatorRoutes::equity),
                new Route("/indicators/{code}/groups", List.of("dimension", "period", "region", "healthcare-region", "diagnosis", "sex"),
                        IndicatorRoutes::groups),
                new Route("/indicators/{code}/baseline", List.of("baseline", "followup", "region", "healthcare-region", "sex", "diagnosis", "age"),
                        IndicatorRoutes::baseline),
                new Route("/indicators/{code}/revisions", List.of("published", "baseline", "followup", "region", "healthcare-region", "sex",
                        "diagnosis", "age"), IndicatorRoutes::revisions));
    }

    private static List<String> withBenchmark() {
        List<String> parameters = new ArrayList<>(FILTERS);
        parameters.add("benchmark");
        return parameters;
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
                Column.number("target"), new Column("target_year", Column.Type.INTEGER, Column.Role.ATTRIBUTE), Column.text("subgoals"), Column.text("method"),
                Column.text("scope"), Column.text("data_source"));
        for (Indicator i : catalog.indicators().values()) {
            if (goals.isEmpty() || goals.contains(String.valueOf(i.goal()))) {
                table.row(i.goal(), goalTitles.get(String.valueOf(i.goal())), i.code(), i.titleSv(), i.titleEn(), i.unit(), i.direction(),
                        i.target(), i.targetYear(), String.join(" ", i.subgoals()), i.method(), i.scope(), i.dataSource());
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
            group.put("subgoals", catalog.subgoals().stream().filter(s -> String.valueOf(s.goal()).equals(g.code())).map(s -> {
                Map<String, Object> subgoal = new LinkedHashMap<>();
                subgoal.put("code", s.code());
                subgoal.put("title_sv", s.titleSv());
                subgoal.put("title_en", s.titleEn());
                subgoal.put("placeholder", s.placeholder());
                subgoal.put("indicators", s.indicators());
                return subgoal;
            }).toList());
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
        doc.put("target_year", i.targetYear());
        doc.put("min_base", i.minBase());
        doc.put("subgoals", catalog.subgoals().stream().filter(s -> i.subgoals().contains(s.code()))
                .map(s -> Map.of("code", s.code(), "title_sv", s.titleSv(), "title_en", s.titleEn(), "placeholder", s.placeholder())).toList());
        doc.put("method", i.method());
        doc.put("method_parameter", i.methodParam());
        doc.put("scope", i.scope());
        doc.put("data_source", i.dataSource());
        doc.put("confidence_level", CONFIDENCE.level());
        String base = "/api/v1/indicators/" + i.code();
        doc.put("links", Map.of("values", base + "/values", "equity", base + "/equity?period=2026", "baseline",
                base + "/baseline?baseline=2026&followup=2027", "revisions", base + "/revisions?published=SNAPSHOT&baseline=2026&followup=2027"));
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

    private static Answer values(Source lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        List<String> geos = new ArrayList<>(Catalog.codes(catalog.regions()));
        geos.addAll(Catalog.codes(catalog.healthcareRegions()));
        String benchmark = query.one("benchmark", geos, "/api/v1/regions and /api/v1/healthcare-regions", "00");
        if (lease.release() != null && !benchmark.equals("00")) {
            throw ApiProblem.badParameter("benchmark", benchmark, "This server answers from a release file, whose values are compared with"
                    + " Riket (benchmark=00) only; a comparison with another benchmark is computed on the analysts' warehouse.", List.of("00"));
        }
        Cube cube = benchmark.equals("00") ? ownTable(lease, indicator) : null;
        List<ReleasedValue> values = cube == null
                ? Released.values(lease.warehouse(), indicator.code(), filter(catalog, query), CONFIDENCE, benchmark)
                : released(cube, filter(catalog, query));
        return new Answer.Table(labelled(catalog, IndicatorTables.values(indicator, values, CONFIDENCE.level())).meta("benchmark", benchmark)
                .build());
    }

    /**
     * The precomputed values of an indicator's table in the cells of {@code filter}, in the engine's
     * order: the values the engine releases for them (one pattern per family, whatever is asked),
     * each compared with Riket.
     */
    private static List<ReleasedValue> released(Cube cube, CellFilter filter) {
        return (filter.periods().isEmpty() ? cube.values() : cube.values(filter.periods())).stream().filter(v -> filter.matches(v.cell()))
                .sorted(java.util.Comparator.comparing(ReleasedValue::cell, se.lagesbild.warehouse.indicators.Cell.ORDER)).toList();
    }

    /** The indicator's own table already computed for what {@code lease} serves, or null ({@link Source#precomputed}). */
    private static Cube ownTable(Source lease, Indicator indicator) {
        return lease.precomputed(new PxTableId(indicator, null));
    }

    private static Answer equity(Source lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        String period = query.required("period", Catalog.codes(catalog.periods()), "/api/v1/periods", "2026");
        String diagnosis = query.one("diagnosis", Catalog.codes(catalog.diagnoses()), "/api/v1/diagnoses", "ALL");
        String age = query.one("age", Catalog.codes(catalog.ageGroups()), "/api/v1/age-groups", "ALL");
        String level = query.one("level", List.of("region", "healthcare-region"), "the values region and healthcare-region", "region");
        String unit = level.equals("region") ? "region" : "healthcare_region";
        Cube cube = ownTable(lease, indicator);
        Released.Equity equity = cube == null
                ? Released.equity(lease.warehouse(), indicator.code(), period, diagnosis, age, unit, CONFIDENCE)
                : Released.equity(indicator, cube.values(List.of(period)), period, diagnosis, age, unit, CONFIDENCE);
        if (equity.rows().isEmpty()) {
            throw ApiProblem.notFound(indicator.code() + " has no values for period " + period + ", diagnosis " + diagnosis + " and age "
                    + age + ". The cells it has: /api/v1/indicators/" + indicator.code() + "/values?period=" + period + "&sex=3.");
        }
        return new Answer.Table(labelled(catalog, IndicatorTables.equity(indicator, equity, CONFIDENCE.level())).build());
    }

    /** The indicator by education, country of birth or income in one cell, with WHO HEAT's summary measures. */
    private static Answer groups(Source lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        List<String> dimensions = catalog.populationGroups().stream().map(m -> (String) m.detail().get("dimension")).distinct().toList();
        String dimension = query.required("dimension", dimensions, "/api/v1/population-groups", "education");
        String period = query.required("period", Catalog.codes(catalog.periods()), "/api/v1/periods", "2026");
        String region = query.one("region", Catalog.codes(catalog.regions()), "/api/v1/regions", null);
        String healthcareRegion = query.one("healthcare-region", Catalog.codes(catalog.healthcareRegions()), "/api/v1/healthcare-regions", null);
        if (region != null && healthcareRegion != null) {
            throw ApiProblem.badParameter("healthcare-region", healthcareRegion, "Give a region or a healthcare region, not both.",
                    List.of("region=00 is Riket"));
        }
        String geo = region != null ? region : healthcareRegion != null ? healthcareRegion : "00";
        String diagnosis = query.one("diagnosis", Catalog.codes(catalog.diagnoses()), "/api/v1/diagnoses", "ALL");
        int sex = Integer.parseInt(query.one("sex", Catalog.codes(catalog.sexes()), "/api/v1/sexes", "3"));
        try {
            GroupEquity equity = GroupEquity.of(lease.warehouse(), indicator.code(), dimension, period, geo, diagnosis, sex, CONFIDENCE);
            return new Answer.Table(labelled(catalog, se.lagesbild.publishing.tables.GroupTables.groups(equity, CONFIDENCE.level())).build());
        } catch (GroupEquity.NotCarried e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }

    private static Answer baseline(Source lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        String[] periods = baselinePeriods(catalog, query);
        CellFilter filter = filter(catalog, query);
        List<Released.ReleasedChange> changes;
        Cube cube = ownTable(lease, indicator);
        if (cube == null) {
            changes = Released.baseline(lease.warehouse(), indicator.code(), periods[0], periods[1], filter, CONFIDENCE);
        } else {
            List<String> read = se.lagesbild.warehouse.indicators.BaselineComparisons.periods(indicator, periods[0], periods[1]);
            CellFilter cells = filter.periods(read.toArray(String[]::new));
            changes = Released.baseline(indicator, cube.values(read).stream().filter(v -> cells.matches(v.cell())).toList(), periods[0],
                    periods[1], CONFIDENCE);
        }
        return new Answer.Table(labelled(catalog, IndicatorTables.baseline(indicator, periods[0], periods[1], changes, CONFIDENCE.level()))
                .build());
    }

    private static Answer revisions(Source lease, Query query, Map<String, String> params) {
        Catalog catalog = lease.catalog();
        Indicator indicator = indicator(catalog, params.get("code"));
        List<String> snapshots = catalog.snapshots().stream().map(s -> s.getSnapshotName()).toList();
        if (snapshots.isEmpty()) {
            throw ApiProblem.badParameter("published", query.raw("published"), "No snapshot has been taken in this warehouse, so no"
                    + " baseline has been published from one. Take one when a baseline is published: lagesbild snapshot NAME.", List.of());
        }
        String published = query.required("published", snapshots, "/api/v1/snapshots", snapshots.get(0));
        String[] periods = baselinePeriods(catalog, query);
        Revisions.Result revisions = Revisions.of(lease.warehouse(), indicator.code(), periods[0], periods[1], filter(catalog, query),
                published, CONFIDENCE);
        return new Answer.Table(labelled(catalog, IndicatorTables.revisions(indicator, revisions, CONFIDENCE.level())).build());
    }

    /** The baseline period (2026 by default) and the follow-up (by default the year after a baseline year). */
    private static String[] baselinePeriods(Catalog catalog, Query query) {
        List<String> periods = Catalog.codes(catalog.periods());
        String baseline = query.one("baseline", periods, "/api/v1/periods", "2026");
        String followUp = query.one("followup", periods, "/api/v1/periods", baseline.matches("\\d{4}")
                ? String.valueOf(Integer.parseInt(baseline) + 1) : null);
        if (followUp == null) {
            throw ApiProblem.badParameter("followup", null, "The parameter followup is required when the baseline is not a year,"
                    + " for example followup=2027H1.", List.of("see /api/v1/periods"));
        }
        return new String[] {baseline, followUp};
    }

    /** Swedish labels of the dimension columns, for JSON-stat. */
    static ResultTable.Builder labelled(Catalog catalog, ResultTable.Builder table) {
        return table.labels("period_code", Catalog.labels(catalog.periods())).labels("geo_code", catalog.geoLabels())
                .labels("diagnosis_code", Catalog.labels(catalog.diagnoses())).labels("sex_code", Catalog.labels(catalog.sexes()))
                .labels("age_group_code", Catalog.labels(catalog.ageGroups())).labels("group_code", Catalog.labels(catalog.populationGroups()));
    }
}
