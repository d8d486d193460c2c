package se.lagesbild.publishing.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.lagesbild.publishing.report.GoalFulfilment;
import se.lagesbild.publishing.report.Headline;
import se.lagesbild.publishing.report.Provenance;
import se.lagesbild.publishing.report.YearlyReport;
import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Funnels;
import se.lagesbild.warehouse.status.WarehouseStatus;

/**
 * The yearly report's sections as HTML, from one {@link YearlyReport}, in the report's language:
 * each section opens with its {@code <h2 id=...>} heading, and {@link #header()} lists them all as
 * the table of contents. Every table is labelled and formatted ({@link LabelledTable}); shares are
 * drawn in per cent.
 */
public final class ReportView {
    /** The sections in the report's order: their ids (anchors) and text keys. */
    static final List<String> SECTIONS = List.of("changes", "goal-1", "goal-2", "goal-3", "fulfilment", "trends", "regions", "women-men",
            "population-groups", "children", "revisions", "methods", "appendix");

    private final YearlyReport report;
    private final Provenance provenance;
    private final Map<String, Integer> thresholds;
    private final String region;
    private final Labels labels;
    private final Language language;
    private final boolean full;

    /** The parameter that asks for the full report: every indicator's trend, regions and women/men ({@code true}). */
    public static final String FULL = "LAGESBILD_FULL";

    /**
     * @param region the region drawn beside Riket in the trends (a region code)
     * @param full every indicator's trend chart, region block and women/men block; otherwise (the
     *             default, about 20 pages) those of the indicators the findings name, and one overview
     *             table of every indicator in each of the three sections
     * @throws IllegalArgumentException when {@code region} is not a region's code
     */
    ReportView(YearlyReport report, Provenance provenance, Map<String, Integer> thresholds, String region, boolean full) {
        this.report = report;
        this.provenance = provenance;
        this.thresholds = new TreeMap<>(thresholds);
        this.labels = report.labels();
        this.language = report.language();
        if (region == null || "00".equals(region) || !labels.regions().containsKey(region)) {
            throw new IllegalArgumentException("LAGESBILD_REGION must be a region's two-digit code (01 Stockholm ... 25 Norrbotten), not '"
                    + region + "'.");
        }
        this.region = region;
        this.full = full;
    }

    /**
     * The same report in full ({@code lagesbild report --full}): every indicator's trend chart, region
     * block and women/men block, from the same computed tables (nothing is computed again).
     */
    public ReportView full() {
        return full ? this : new ReportView(report, provenance, thresholds, region, true);
    }

    /**
     * The indicators whose trend, region and women/men blocks the default report draws: those the
     * findings name (of the kinds given; all kinds when none are given), in the findings' order.
     */
    private List<Headline> drawn(String... kinds) {
        if (full) {
            return report.headlines();
        }
        ResultTable t = report.table("changes_in_words");
        List<String> named = t.rows().stream().filter(r -> kinds.length == 0 || List.of(kinds).contains((String) r[t.columnIndex("kind")]))
                .map(r -> (String) r[t.columnIndex("indicator")]).distinct().toList();
        return named.stream().flatMap(code -> report.headlines().stream().filter(h -> h.indicator().code().equals(code))).toList();
    }

    /** Under a section of the default report: where every indicator's charts and tables are. */
    private String elsewhere(String sheet) {
        return full ? "" : Html.note(language.text("report.elsewhere", language.text("xlsx.sheet." + sheet)));
    }

    public YearlyReport report() {
        return report;
    }

    /** The title, what the report compares, and the table of contents. */
    public String header() {
        String asOf = provenance.snapshot() == null ? language.text("report.newest") : language.text("report.as_of", provenance.snapshot());
        StringBuilder html = new StringBuilder("<h1>").append(Html.escape(language.text("report.title") + " " + report.year()))
                .append("</h1>").append(cover())
                .append(Html.paragraph(language.text("report.lead", report.year(), report.baseline(), asOf)))
                .append("<nav class=\"lb-toc\"><h2>").append(Html.escape(language.text("report.contents"))).append("</h2><ol>");
        for (String id : SECTIONS) {
            html.append("<li><a href=\"#").append(id).append("\">").append(Html.escape(title(id))).append("</a></li>");
        }
        return html.append("</ol></nav>").toString();
    }

    /** The parameters that fill the cover: who publishes the report, whom to ask, and its number in the publisher's series. */
    public static final String PUBLISHER = "LAGESBILD_PUBLISHER";
    public static final String CONTACT = "LAGESBILD_CONTACT";
    public static final String REPORT_NUMBER = "LAGESBILD_REPORT_NUMBER";

    /**
     * The cover's facts: publisher, date (the day the figures were fixed: the snapshot's), contact and
     * report number, from {@value #PUBLISHER}, {@value #CONTACT} and {@value #REPORT_NUMBER}; a fact
     * not given is a visible blank to fill in, never invented.
     */
    private String cover() {
        StringBuilder html = new StringBuilder("<dl class=\"lb-cover\">");
        String[][] facts = {{"cover.publisher", Lagesbild.parameter(PUBLISHER)},
            {"cover.date", provenance.dataDate() == null ? null : provenance.dataDate().toString()},
            {"cover.contact", Lagesbild.parameter(CONTACT)}, {"cover.number", Lagesbild.parameter(REPORT_NUMBER)}};
        for (String[] fact : facts) {
            html.append("<dt>").append(Html.escape(language.text(fact[0]))).append("</dt><dd>")
                    .append(Html.escape(fact[1] == null ? "____________" : fact[1])).append("</dd>");
        }
        return html.append("</dl>").toString();
    }

    private String title(String id) {
        if (id.startsWith("goal-")) {
            String goal = id.substring(5);
            return language.text("section.goal", goal, labels.goal(goal));
        }
        return language.text("section." + id.replace('-', '_'));
    }

    private String heading(String id) {
        if (!SECTIONS.contains(id)) {
            throw new IllegalArgumentException("No section " + id);
        }
        return "<h2 id=\"" + id + "\">" + Html.escape(title(id)) + "</h2>";
    }

    /** The most important changes, in plain words. */
    public String inWords() {
        ResultTable t = report.table("changes_in_words");
        int sentence = t.columnIndex("sentence");
        List<String> sentences = t.rows().stream().map(r -> (String) r[sentence]).toList();
        return heading("changes") + (sentences.isEmpty() ? Html.paragraph(language.text("words.none")) : Html.list(sentences));
    }

    /**
     * Goal {@code goal}: each indicator's baseline, follow-up, change, status and target, one table
     * per sub-goal of the loaded follow-up structure (an indicator serving two is in both; one in
     * none is under "other indicators"), and a chart of the shares.
     */
    public String goal(int goal) {
        ResultTable t = report.table("indicators");
        Map<String, String> duplicates = duplicates(t, goal);
        java.util.function.Predicate<Object[]> inGoal = Html.where(t, "goal", goal)
                .and(r -> !duplicates.containsKey((String) r[t.columnIndex("indicator")]));
        List<String> titles = new ArrayList<>();
        List<Charts.Bar> before = new ArrayList<>();
        List<Charts.Bar> after = new ArrayList<>();
        for (Object[] r : t.rows().stream().filter(inGoal).toList()) {
            if ("proportion".equals(r[t.columnIndex("unit")])) {
                String title = labels.indicatorTitle((String) r[t.columnIndex("indicator")]);
                titles.add(title);
                before.add(percent(title, (Double) r[t.columnIndex("baseline_value")], (Double) r[t.columnIndex("baseline_lower")],
                        (Double) r[t.columnIndex("baseline_upper")]));
                after.add(percent(title, (Double) r[t.columnIndex("followup_value")], (Double) r[t.columnIndex("followup_lower")],
                        (Double) r[t.columnIndex("followup_upper")]));
            }
        }
        List<Indicator> shown = t.rows().stream().filter(inGoal).map(r -> labels.indicator((String) r[t.columnIndex("indicator")]))
                .filter(java.util.Objects::nonNull).toList();
        StringBuilder once = new StringBuilder();
        duplicates.forEach((code, same) -> once.append(Html.note(language.text("goal.duplicate", labels.indicatorTitle(code),
                labels.indicatorTitle(same)))));
        List<String> unreported = new ArrayList<>();
        report.unreported().forEach((indicator, why) -> {
            if (indicator.goal() == goal) {
                unreported.add(language.title(indicator) + " (" + language.text("missing." + why.name(), report.baseline(), report.year()) + ")");
            }
        });
        if (!unreported.isEmpty()) {
            once.append(Html.note(language.text("goal.unreported", String.join("; ", unreported))));
        }
        return heading("goal-" + goal) + bySubgoal(t, goal, inGoal) + once
                + (titles.isEmpty() ? "" : Charts.pairs(language.text("chart.shares", goal), language.text("chart.axis.share"), titles,
                String.valueOf(report.baseline()), before, String.valueOf(report.year()), after, language)) + source(shown);
    }

    /** "Källa: …" naming the registers and statistics the indicators' figures come from, under a table or chart. */
    String source(List<Indicator> indicators) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Indicator i : indicators) {
            for (String code : i.dataSource().split(",\\s*")) {
                names.add(sourceName(code.trim()));
            }
        }
        return names.isEmpty() ? "" : Html.note(language.text("source.lead", String.join("; ", names)));
    }


    /** A source's name as a reader knows it ("Socialstyrelsen, cancerregistret" for cancer-register), else its code. */
    private String sourceName(String code) {
        return language.textOr("source." + code, code);
    }

    /**
     * The goal's indicators whose values for Riket equal an earlier indicator's in both years, interval
     * included (a rate age-standardised to Sweden's own population is the crude rate at Riket): code →
     * the earlier indicator's code. The goal's table shows each such pair once; the regions, where the
     * two differ, show both.
     */
    static Map<String, String> duplicates(ResultTable t, int goal) {
        List<String> compared = List.of("unit", "baseline_period", "followup_period", "baseline_value", "baseline_lower", "baseline_upper",
                "followup_value", "followup_lower", "followup_upper");
        Map<String, String> duplicates = new java.util.LinkedHashMap<>();
        List<Object[]> rows = t.rows().stream().filter(Html.where(t, "goal", goal)).toList();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < i; j++) {
                Object[] a = rows.get(i);
                Object[] b = rows.get(j);
                if (a[t.columnIndex("followup_value")] != null && compared.stream().allMatch(c -> same(a[t.columnIndex(c)], b[t.columnIndex(c)]))) {
                    duplicates.put((String) a[t.columnIndex("indicator")], (String) b[t.columnIndex("indicator")]);
                    break;
                }
            }
        }
        return duplicates;
    }

    /** Equal, numbers to the ninth significant digit (two computations of one figure). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Math.abs(x.doubleValue() - y.doubleValue()) <= 1e-9 * Math.max(Math.abs(x.doubleValue()), Math.abs(y.doubleValue()));
        }
        return java.util.Objects.equals(a, b);
    }

    /** The goal's indicators table ({@code inGoal}'s rows), split by the sub-goals the goal-fulfilment table lists for it. */
    private String bySubgoal(ResultTable t, int goal, java.util.function.Predicate<Object[]> inGoal) {
        List<String> columns = List.of("indicator", "baseline_value", "followup_value", "change", "p_value", "status", "target",
                "target_met_followup");
        int period = t.columnIndex("followup_period");
        boolean halves = t.rows().stream().filter(inGoal).anyMatch(r -> String.valueOf(r[period]).contains("H"));
        String caption = language.text(halves ? "table.indicators.half" : "table.indicators", report.baseline(), report.year());
        ResultTable structure = report.table("goal_fulfilment");
        List<Object[]> subgoals = structure.rows().stream().filter(Html.where(structure, "level", "subgoal"))
                .filter(Html.where(structure, "goal", goal)).toList();
        if (subgoals.isEmpty()) {
            return LabelledTable.html(t, caption, columns, inGoal, labels, null);
        }
        int listed = t.columnIndex("subgoals");
        java.util.function.Function<Object[], List<String>> codes = r -> r[listed] == null ? List.of()
                : List.of(((String) r[listed]).split(", "));
        StringBuilder html = new StringBuilder();
        for (Object[] sub : subgoals) {
            String code = (String) sub[structure.columnIndex("code")];
            java.util.function.Predicate<Object[]> inSub = inGoal.and(r -> codes.apply(r).contains(code));
            if (t.rows().stream().anyMatch(inSub)) {
                html.append("<h3>").append(Html.escape(language.text("section.subgoal", sub[structure.columnIndex("title")]))).append("</h3>")
                        .append(LabelledTable.html(t, caption, columns, inSub, labels, null));
            }
        }
        java.util.function.Predicate<Object[]> elsewhere = inGoal.and(r -> subgoals.stream()
                .noneMatch(sub -> codes.apply(r).contains((String) sub[structure.columnIndex("code")])));
        if (t.rows().stream().anyMatch(elsewhere)) {
            html.append("<h3>").append(Html.escape(language.text("section.subgoal.other"))).append("</h3>")
                    .append(LabelledTable.html(t, caption, columns, elsewhere, labels, null));
        }
        return html.toString();
    }

    /** Goal fulfilment: each goal, its sub-goals and their indicators with a target, judged to the target year. */
    public String fulfilment() {
        ResultTable t = report.table("goal_fulfilment");
        String lead = Html.paragraph(language.text("section.fulfilment.lead", report.year(), GoalFulfilment.MIN_YEARS));
        if (t.rows().stream().noneMatch(r -> "indicator".equals(r[t.columnIndex("level")]))) {
            return heading("fulfilment") + lead + Html.paragraph(language.text("section.fulfilment.none"));
        }
        return heading("fulfilment") + lead + LabelledTable.html(t, language.text("table.fulfilment", report.year()), List.of("title", "target", "target_year", "latest_value", "projected_value", "status", "reason"), r -> true, labels, null);
    }

    /** Each indicator over every loaded year, Riket and the chosen region. */
    public String trends() {
        ResultTable t = report.table("trends");
        StringBuilder html = new StringBuilder(heading("trends"))
                .append(Html.paragraph(language.text(full ? "section.trends.lead" : "section.trends.lead.findings", labels.regions().get(region))))
                .append(elsewhere("trends"));
        for (Headline h : drawn()) {
            Indicator indicator = h.indicator();
            List<Object[]> rows = t.rows().stream().filter(Html.where(t, "indicator", indicator.code())).toList();
            List<String> periods = rows.stream().map(r -> (String) r[t.columnIndex("period_code")]).distinct().sorted().toList();
            Map<String, List<Charts.Bar>> series = new LinkedHashMap<>();
            for (String geo : List.of("00", region)) {
                List<Charts.Bar> line = new ArrayList<>();
                for (String period : periods) {
                    Object[] row = rows.stream().filter(r -> geo.equals(r[t.columnIndex("geo_code")]) && period.equals(r[t.columnIndex(
                            "period_code")])).findFirst().orElse(null);
                    line.add(row == null || Boolean.TRUE.equals(row[t.columnIndex("suppressed")]) ? new Charts.Bar(period, Double.NaN,
                            Double.NaN, Double.NaN) : level(indicator.unit(), period, (Double) row[t.columnIndex("value")],
                            (Double) row[t.columnIndex("lower")], (Double) row[t.columnIndex("upper")]));
                }
                series.put(labels.regions().get(geo), line);
            }
            String title = language.text("chart.trend", language.title(indicator), labels.regions().get(region));
            html.append(Charts.trend(language, title, Charts.axis(language, indicator.unit()), periods.stream().map(labels::period).toList(),
                    series)).append(source(List.of(indicator)));
        }
        return html.toString();
    }

    /** Every indicator with a funnel: the regions in the follow-up year, a map, and each region's change since the baseline. */
    public String regions() {
        StringBuilder html = new StringBuilder(heading("regions")).append(Html.paragraph(language.text(full ? "section.regions.lead"
                : "section.regions.lead.findings")));
        if (!full) {
            html.append(elsewhere("equity")).append(regionsOverview());
        }
        ResultTable changes = report.table("region_changes");
        for (Headline h : drawn("regions", "outlier")) {
            Indicator indicator = h.indicator();
            String code = indicator.code();
            Released.Equity e = report.equityOf(code);
            if (e == null) {
                continue;
            }
            html.append(Html.heading(3, language.title(indicator)));
            if (e.funnelMethod() != null) {
                html.append(Lagesbild.funnelChart(labels, indicator, e));
            }
            Map<String, Double> values = new java.util.HashMap<>();
            e.rows().stream().filter(r -> r.cell().geoLevel().equals("region") && !r.both().suppressed())
                    .forEach(r -> values.put(r.cell().geoCode(), r.both().estimate().value()));
            html.append(TileMap.of(language, language.text("chart.map", language.title(indicator), labels.period(e.period())),
                    labels.regions(), values, v -> language.value(v, indicator.unit())));
            List<Charts.Bar> bars = new ArrayList<>();
            for (Object[] r : changes.rows()) {
                if (code.equals(r[changes.columnIndex("indicator")]) && "region".equals(r[changes.columnIndex("geo_level")])
                        && r[changes.columnIndex("change")] instanceof Double change) {
                    bars.add(scaled(indicator.unit(), labels.regions().getOrDefault((String) r[changes.columnIndex("geo_code")], ""), change,
                            number(r[changes.columnIndex("change_lower")]), number(r[changes.columnIndex("change_upper")])));
                }
            }
            html.append(Charts.forest(language, language.text("chart.forest", language.title(indicator), report.baseline(), report.year()),
                    indicator.unit().equals("proportion") ? language.text("chart.axis.points") : Charts.axis(language, indicator.unit()), bars));
            html.append(LabelledTable.html(changes, language.text("chart.forest.title", language.title(indicator)), List.of("geo_code",
                    "baseline_value", "followup_value", "change", "status"), r -> code.equals(r[0]) && "region".equals(r[changes
                    .columnIndex("geo_level")]), labels, indicator.unit())).append(source(List.of(indicator)));
        }
        return html.toString();
    }

    /**
     * Every indicator's regions in one table: Riket, the lowest and the highest region shown, and how
     * many regions lie above and below the funnel's 95 % limits (exact binomial, as in the blocks).
     */
    private String regionsOverview() {
        ResultTable e = report.table("equity");
        int level = e.columnIndex("geo_level");
        int geo = e.columnIndex("geo_code");
        int value = e.columnIndex("value");
        int position = e.columnIndex("funnel_position");
        int hidden = e.columnIndex("suppressed");
        ResultTable.Builder overview = ResultTable.builder("regions_overview", Column.text("indicator"), Column.number("value"),
                Column.number("lower"), Column.number("upper"), Column.text("lowest_region"), Column.number("lowest_value"),
                Column.text("highest_region"), Column.number("highest_value"), Column.count("regions_high"), Column.count("regions_low"));
        List<Indicator> shown = new ArrayList<>();
        for (Headline h : report.headlines()) {
            String code = h.indicator().code();
            List<Object[]> rows = e.rows().stream().filter(Html.where(e, "indicator", code)).toList();
            Object[] riket = rows.stream().filter(r -> "country".equals(r[level])).findFirst().orElse(null);
            List<Object[]> regions = rows.stream().filter(r -> "region".equals(r[level]) && !Boolean.TRUE.equals(r[hidden])
                    && r[value] instanceof Double).sorted(java.util.Comparator.comparingDouble(r -> (Double) r[value])).toList();
            if (riket == null) {
                continue;
            }
            shown.add(h.indicator());
            Object[] low = regions.isEmpty() ? null : regions.get(0);
            Object[] high = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            overview.row(code, riket[value], riket[e.columnIndex("lower")], riket[e.columnIndex("upper")],
                    low == null ? null : labels.regions().get((String) low[geo]), low == null ? null : low[value],
                    high == null ? null : labels.regions().get((String) high[geo]), high == null ? null : high[value],
                    rows.stream().filter(r -> isOneOf(r[position], Funnels.Position.HIGH_95, Funnels.Position.HIGH_998)).count(),
                    rows.stream().filter(r -> isOneOf(r[position], Funnels.Position.LOW_95, Funnels.Position.LOW_998)).count());
        }
        return LabelledTable.html(overview.build(), language.text("table.regions_overview", report.year()), List.of("indicator", "value",
                "lowest_region", "lowest_value", "highest_region", "highest_value", "regions_high", "regions_low"), r -> true, labels, null)
                + source(shown);
    }

    private static boolean isOneOf(Object position, Funnels.Position... positions) {
        return java.util.Arrays.stream(positions).anyMatch(p -> p.label().equals(position));
    }

    /** Women against men for each indicator that compares them. */
    public String womenAndMen() {
        StringBuilder html = new StringBuilder(heading("women-men"));
        if (!full) {
            ResultTable e = report.table("equity");
            html.append(Html.paragraph(language.text("section.women_men.lead.findings"))).append(elsewhere("equity")).append(LabelledTable.html(e,
                    language.text("table.women_men_overview", report.year()), List.of("indicator", "women_value", "men_value",
                            "difference_women_men", "p_value_adjusted"), Html.where(e, "geo_level", "country"), labels, null))
                    .append(source(report.headlines().stream().map(Headline::indicator).toList()));
        }
        for (Headline h : drawn("women and men")) {
            Released.Equity e = report.equityOf(h.indicator().code());
            if (e != null) {
                html.append(Html.heading(3, language.title(h.indicator()))).append(Lagesbild.womenAndMen(labels, h.indicator(), e))
                        .append(source(List.of(h.indicator())));
            }
        }
        return html.toString();
    }

    /**
     * Jämlikhet beyond regions: per goal, the summary measures of each indicator by education,
     * country of birth and income, and a chart of the groups for each ordered dimension (the goal's
     * first indicator that has it), all from {@link YearlyReport#groups()}.
     */
    public String populationGroups() {
        StringBuilder html = new StringBuilder(heading("population-groups"));
        var all = report.groups();
        if (all.isEmpty()) {
            return html.append(Html.paragraph(language.text("section.population_groups.none"))).toString();
        }
        html.append(Html.paragraph(language.text("section.population_groups.lead")));
        ResultTable measures = report.table("inequality_measures");
        int goalColumn = measures.columnIndex("goal");
        for (int goal : all.stream().map(e -> e.indicator().goal()).distinct().sorted().toList()) {
            html.append(Html.heading(3, title("goal-" + goal)));
            List<String> charted = new ArrayList<>();
            for (var e : all) {
                if (e.indicator().goal() != goal || !e.dimension().ordered() || charted.contains(e.dimension().code()) || e.ordered() == null) {
                    continue;
                }
                charted.add(e.dimension().code());
                Indicator indicator = e.indicator();
                List<Charts.Bar> bars = e.groups().stream().filter(g -> g.value() != null && !g.value().suppressed() && g.group().rank() != null)
                        .map(g -> ReportView.level(indicator.unit(), g.group().shortName(language.code()), g.value().estimate().value(),
                                g.value().estimate().lower(), g.value().estimate().upper())).toList();
                html.append(Charts.bars(language, language.text("chart.groups", language.title(indicator), labels.period(report.year() + ""),
                        labels.word("dimension", e.dimension().code()).toLowerCase(java.util.Locale.ROOT)), Charts.axis(language, indicator.unit()),
                        bars));
            }
            List<Indicator> shown = all.stream().filter(e -> e.indicator().goal() == goal).map(e -> e.indicator()).distinct().toList();
            html.append(LabelledTable.html(measures, title("population-groups"), List.of("indicator", "dimension", "reference_group",
                    "largest_gap_group", "largest_gap", "sii", "rii"), r -> Integer.valueOf(goal).equals(r[goalColumn]), labels, null));
            if (all.stream().anyMatch(e -> e.indicator().goal() == goal && e.notComputed() != null)) {
                html.append(Html.note(language.text("section.population_groups.missing")));
            }
            html.append(source(shown));
        }
        return html.toString();
    }

    public String childrenAndAdults() {
        return heading("children") + LabelledTable.html(report.table("children_adults"), title("children"), List.of("indicator",
                "age_group_code", "baseline_value", "followup_value", "change", "status"), r -> true, labels, null);
    }

    /**
     * The baseline as published and with revised data: Riket's cells, and how many regional cells were
     * revised; or a note that no published baseline was named.
     */
    public String revisions() {
        ResultTable t = report.table("baseline_revisions");
        if (t == null) {
            return heading("revisions") + Html.paragraph(language.text("section.revisions.none"));
        }
        int geo = t.columnIndex("geo_code");
        int revision = t.columnIndex("revision");
        List<Object[]> revised = t.rows().stream().filter(r -> !"00".equals(r[geo]) && "revised".equals(r[revision])).toList();
        List<String> regions = revised.stream().map(r -> report.regionName((String) r[geo])).distinct().toList();
        return heading("revisions") + Html.paragraph(language.text("section.revisions.lead", report.publishedBaseline()))
                + LabelledTable.html(t, title("revisions") + " (" + report.publishedBaseline() + ")", List.of("indicator", "revision",
                "published_value", "revised_value", "revision_difference", "published_status", "revised_change", "revised_status"),
                Html.where(t, "geo_code", "00"), labels, null)
                + Html.paragraph(revised.isEmpty() ? language.text("section.revisions.no_region")
                        : language.text("section.revisions.regions", revised.size(), String.join(", ", regions)));
    }

    /** Intervals, comparisons, disclosure control and data vintages. */
    public String methods() {
        List<String> rules = new ArrayList<>();
        thresholds.forEach((rule, min) -> rules.add(language.has("threshold." + rule) ? language.text("threshold." + rule, min)
                : rule.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + min));
        return heading("methods") + Html.paragraph(language.text("section.methods.text"))
                + Html.paragraph(language.text("section.methods.disclosure", String.join("; ", rules)))
                + Html.paragraph(language.text("section.methods.vintages", provenance.snapshot() == null ? ""
                        : " " + language.text("section.appendix.as_of", provenance.snapshot())))
                + Html.heading(3, language.text("section.methods.references")) + "<ol class=\"lb-refs\">"
                + REFERENCES.stream().map(r -> "<li>" + Html.escape(r) + "</li>").collect(java.util.stream.Collectors.joining()) + "</ol>";
    }

    /** The commissions the report answers and the sources of its methods, cited in the method section (titles as published). */
    static final List<String> REFERENCES = List.of(
            "Regeringen. Uppdrag till Myndigheten för vård- och omsorgsanalys att följa upp uppfyllelsen av målen i den nationella"
                    + " cancerstrategin (S2026/00065).",
            "Regeringen. Uppdrag till Socialstyrelsen att följa upp överenskommelsen mellan staten och Sveriges Kommuner och Regioner om"
                    + " en jämlik och effektiv cancervård med kortare väntetider.",
            "Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc 1927;22:209–212.",
            "Newcombe RG. Interval estimation for the difference between independent proportions: comparison of eleven methods."
                    + " Stat Med 1998;17:873–890.",
            "Breslow NE, Day NE. Statistical methods in cancer research, vol. II: the design and analysis of cohort studies. IARC 1987.",
            "Dobson AJ, Kuulasmaa K, Eberle E, Scherer J. Confidence intervals for weighted sums of Poisson parameters."
                    + " Stat Med 1991;10:457–462.",
            "Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24:1185–1202.",
            "Benjamini Y, Hochberg Y. Controlling the false discovery rate: a practical and powerful approach to multiple testing."
                    + " J R Stat Soc B 1995;57:289–300.",
            "Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc 1958;53:457–481.",
            "Pohar Perme M, Stare J, Estève J. On estimation in relative survival. Biometrics 2012;68:113–120.",
            "Brenner H, Arndt V, Gefeller O, Hakulinen T. An alternative approach to age adjustment of cancer survival rates."
                    + " Eur J Cancer 2004;40:2317–2322.",
            "Corazziari I, Quinn M, Capocaccia R. Standard cancer patient population for age standardising survival ratios."
                    + " Eur J Cancer 2004;40:2307–2316.",
            "Eurostat. Revision of the European Standard Population: report of Eurostat's task force. 2013.",
            "World Health Organization. Health Equity Assessment Toolkit (HEAT): technical notes. WHO.",
            "Hundepool A, Domingo-Ferrer J, Franconi L, et al. Statistical disclosure control. Wiley 2012.");

    /** The appendix: every load batch the figures are computed from, as the manifest lists them. */
    public String appendix() {
        ResultTable.Builder batches = ResultTable.builder("batches", Column.integerDimension("batch"), Column.text("source"),
                Column.text("file"), Column.text("vintage"), Column.text("sha256"));
        for (WarehouseStatus.Batch b : provenance.batches()) {
            batches.row(b.batchId(), sourceName(b.source()), b.fileName(), b.vintage(), b.sha256() == null ? "" : b.sha256().substring(0,
                    Math.min(12, b.sha256().length())));
        }
        return heading("appendix") + Html.paragraph(language.text("section.appendix.lead", provenance.schemaVersion(),
                Provenance.lagesbildVersion())) + LabelledTable.html(batches.build(), title("appendix"), List.of("batch", "source", "file",
                "vintage", "sha256"), r -> true, labels, null);
    }

    private static Charts.Bar percent(String label, Double value, Double lower, Double upper) {
        return level("proportion", label, value, lower, upper);
    }

    /** A bar in the unit's drawn scale (shares in per cent). */
    static Charts.Bar scaled(String unit, String label, Double value, Double lower, Double upper) {
        double k = Charts.scale(unit);
        return new Charts.Bar(label, k * number(value), k * number(lower), k * number(upper));
    }

    /** A level (not a change) as drawn: {@link #scaled}, a share's interval kept within 0–100 %. */
    static Charts.Bar level(String unit, String label, Double value, Double lower, Double upper) {
        Charts.Bar b = scaled(unit, label, value, lower, upper);
        return unit.equals("proportion") ? new Charts.Bar(label, b.value(), Math.max(0, b.lower()), Math.min(100, b.upper())) : b;
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.NaN;
    }
}
