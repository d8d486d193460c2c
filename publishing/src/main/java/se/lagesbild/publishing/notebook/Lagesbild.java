package se.lagesbild.publishing.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.lagesbild.publishing.report.Provenance;
import se.lagesbild.publishing.report.YearlyReport;
import se.lagesbild.publishing.tables.AgreementTables;
import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.IndicatorTables;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.agreement.LeadTimesNotMet;
import se.lagesbild.warehouse.agreement.SpecialInvestments;
import se.lagesbild.warehouse.dimensions.Dimensions;
import se.lagesbild.warehouse.disclosure.Disclosure;
import se.lagesbild.warehouse.disclosure.GroupEquity;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.RegionComparisons;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Funnels;
import se.lagesbild.warehouse.status.StatusReader;
import se.lagesbild.warehouse.status.WarehouseStatus;

/**
 * What a notebook needs, in one line: {@code var lb = Lagesbild.open();} opens the warehouse
 * read-only (as of a snapshot when one is named), and each method answers with HTML (tables and
 * embedded charts) that the Java kernel shows when it is a cell's last expression. Every figure
 * comes from the tested classes (released values only); notebooks hold no logic of their own.
 *
 * <p>Parameters come from the environment, so the same notebook runs by hand and from
 * {@code lagesbild report}: {@code LAGESBILD_DB} (default {@code data/lagesbild.duckdb} under
 * {@code LAGESBILD_HOME} or the working directory), {@code LAGESBILD_SNAPSHOT}, {@code LAGESBILD_YEAR},
 * {@code LAGESBILD_BASELINE}, {@code LAGESBILD_LANG} ({@code sv}, the default, or {@code en}: every
 * label, number and text in that language), {@code LAGESBILD_REGION} (the region drawn beside
 * Riket in the report's trends, default 01 Stockholm).
 */
public final class Lagesbild implements AutoCloseable {
    private static final Confidence CONFIDENCE = Confidence.NINETY_FIVE;
    private final Warehouse warehouse;
    private final String snapshot;
    private final Labels labels;
    private final Language language;

    private Lagesbild(Warehouse warehouse, String snapshot, Language language) {
        this.warehouse = warehouse;
        this.snapshot = snapshot;
        this.language = language;
        this.labels = Labels.of(warehouse, language);
    }

    /**
     * Opens the warehouse the environment names ({@code LAGESBILD_DB}), else the one of the checkout
     * the notebook runs in, as of its snapshot if it names one. The kernel is registered once per
     * machine with the checkout that installed it ({@code LAGESBILD_HOME}); a notebook run from another
     * checkout (its working folder) opens that checkout's warehouse, not the installer's, and says so.
     */
    public static Lagesbild open() {
        String home = home(Path.of("").toAbsolutePath(), System.getenv("LAGESBILD_HOME"));
        Path db = database(System.getenv("LAGESBILD_DB"), System.getenv("PWD"), home);
        String snapshot = System.getenv("LAGESBILD_SNAPSHOT");
        return open(db, snapshot == null || snapshot.isBlank() ? null : snapshot, Language.fromEnvironment());
    }

    /**
     * The warehouse file a notebook opens: {@code named} ({@code LAGESBILD_DB}) when set, else the checkout's
     * {@code data/lagesbild.duckdb}. Jupyter starts a kernel in the notebook's folder, so a relative name is taken from the
     * folder Jupyter was started in ({@code shellFolder}, the shell's {@code PWD}), as the user typed it there, else from the
     * checkout ({@code home}); never from the notebook's folder.
     */
    static Path database(String named, String shellFolder, String home) {
        if (named == null || named.isBlank()) {
            return Path.of(home, "data", "lagesbild.duckdb");
        }
        Path db = Path.of(named);
        return db.isAbsolute() ? db : Path.of(shellFolder != null && !shellFolder.isBlank() ? shellFolder : home).resolve(db).normalize();
    }

    /**
     * The checkout whose warehouse a notebook opens: the one holding {@code workingFolder} (a folder
     * with the {@code lagesbild} launcher and {@code notebooks/}), else {@code registered} (the
     * kernel's LAGESBILD_HOME), else the working folder. When the two checkouts differ, a line on
     * standard error says which is used.
     */
    static String home(Path workingFolder, String registered) {
        for (Path p = workingFolder; p != null; p = p.getParent()) {
            if (java.nio.file.Files.isRegularFile(p.resolve("lagesbild")) && java.nio.file.Files.isDirectory(p.resolve("notebooks"))) {
                if (registered != null && !Path.of(registered).toAbsolutePath().normalize().equals(p.normalize())) {
                    System.err.println("Lägesbild: this notebook is in " + p + ", the kernel was installed from " + registered
                            + "; opening " + p + "'s warehouse (set LAGESBILD_DB to choose another).");
                }
                return p.toString();
            }
        }
        return registered != null && !registered.isBlank() ? registered : workingFolder.toString();
    }

    /** Opens {@code db} read-only, as of {@code snapshot} (null for the newest vintages), answering in Swedish. */
    public static Lagesbild open(Path db, String snapshot) {
        return open(db, snapshot, Language.SV);
    }

    /** Opens {@code db} read-only, as of {@code snapshot} (null for the newest vintages), answering in {@code language}. */
    public static Lagesbild open(Path db, String snapshot, Language language) {
        Warehouse warehouse = Warehouse.openReadOnly(db);
        if (snapshot != null) {
            try {
                Snapshots.asOf(warehouse, snapshot);
            } catch (RuntimeException e) {
                warehouse.close();
                throw e;
            }
        }
        try {
            return new Lagesbild(warehouse, snapshot, language);
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    /** The text of environment variable {@code name}, or null when it is not set or blank. */
    public static String parameter(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An integer parameter from the environment, else {@code fallback}. */
    public static int parameter(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The environment variable " + name + " must be a whole number, not '" + value + "'.");
        }
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /** The language every answer is written in. */
    public Language language() {
        return language;
    }

    /** Every code's label in that language. */
    public Labels labels() {
        return labels;
    }

    /** The snapshot answered as of, or null. */
    public String snapshot() {
        return snapshot;
    }

    /** What is loaded: every batch (vintage) and the periods each fact table covers. */
    public String loaded() {
        WarehouseStatus status = StatusReader.read(warehouse);
        ResultTable.Builder batches = ResultTable.builder("batches", Column.integerDimension("batch"), Column.text("source"),
                Column.text("file"), Column.text("vintage"), Column.count("rows_loaded"), Column.count("rows_quarantined"));
        status.batches().forEach(b -> batches.row(b.batchId(), b.source(), b.fileName(), b.vintage(), b.rowsLoaded(), b.rowsQuarantined()));
        ResultTable.Builder coverage = ResultTable.builder("coverage", Column.dimension("fact_table"), Column.count("rows"),
                Column.text("from"), Column.text("to"));
        status.facts().forEach(f -> coverage.row(f.table(), f.rows(), f.from(), f.to()));
        String asOf = snapshot == null ? "" : " (" + language.text("report.as_of", snapshot) + ")";
        return LabelledTable.html(batches.build(), language.text("section.appendix") + asOf, List.of("batch", "source", "file", "vintage",
                "rows_loaded", "rows_quarantined"), r -> true, labels, null)
                + LabelledTable.html(coverage.build(), language.text("col.fact_table"), List.of("fact_table", "rows", "from", "to"),
                r -> true, labels, null);
    }

    /** The indicator catalogue by goal, each indicator with the sub-goals it serves and its target year (the loaded follow-up structure's). */
    public String catalogue() {
        StringBuilder html = new StringBuilder();
        Map<String, String> subgoalTitles = new java.util.HashMap<>();
        Catalogue.subgoals(warehouse).forEach(s -> subgoalTitles.put(s.code(), s.code() + " " + (language == Language.SV ? s.titleSv() : s.titleEn())));
        for (Dimensions.Member goal : Dimensions.goals(warehouse)) {
            ResultTable.Builder table = ResultTable.builder("catalogue", Column.dimension("indicator"), Column.text("subgoal"), Column.text("unit"),
                    Column.text("direction"), Column.number("target"), Column.text("target_year"), Column.text("method"), Column.text("data_source"));
            Catalogue.all(warehouse).stream().filter(i -> String.valueOf(i.goal()).equals(goal.code())).forEach(i -> table.row(i.code(),
                    String.join("; ", i.subgoals().stream().map(c -> subgoalTitles.getOrDefault(c, c)).toList()), i.unit(),
                    language.textOr("direction." + i.direction(), i.direction()), i.target(),
                    i.targetYear() == null ? null : String.valueOf(i.targetYear()), i.method(), i.dataSource()));
            html.append(LabelledTable.html(table.build(), language.text("section.goal", goal.code(), language.label(goal)),
                    List.of("indicator", "subgoal", "unit", "direction", "target", "target_year", "method", "data_source"), r -> true, labels, null));
        }
        return html.toString();
    }

    /** One indicator across the regions (both sexes) with 95 % intervals: a chart and the table. */
    public String acrossRegions(String code, String period, String diagnosis, String ageGroup) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        List<ReleasedValue> values = Released.values(warehouse, code, CellFilter.all().periods(period).diagnoses(diagnosis).sexes(3)
                .ageGroups(ageGroup).level("region"), CONFIDENCE);
        List<ReleasedValue> riket = Released.values(warehouse, code, CellFilter.all().periods(period).diagnoses(diagnosis).sexes(3)
                .ageGroups(ageGroup).geo("00"), CONFIDENCE);
        List<ReleasedValue> all = new ArrayList<>(riket);
        all.addAll(values);
        List<Charts.Bar> bars = all.stream().filter(v -> !v.suppressed()).map(v -> ReportView.scaled(indicator.unit(),
                labels.geography(v.cell().geoCode(), v.cell().geoLevel()), v.estimate().value(), v.estimate().lower(), v.estimate().upper()))
                .toList();
        ResultTable table = IndicatorTables.values(indicator, all, CONFIDENCE.level()).build();
        String title = language.title(indicator) + ", " + labels.period(period) + " (" + labels.diagnosis(diagnosis) + ", "
                + labels.ageGroup(ageGroup) + ")";
        return Charts.bars(language, title, Charts.axis(language, indicator.unit()), bars)
                + LabelledTable.html(table, title, List.of("geo_code", "value", "numerator", "denominator", "comparison"), r -> true, labels,
                indicator.unit());
    }

    /** The regions in a funnel plot around Riket (proportions), with the table of positions. */
    public String funnel(String code, String period, String diagnosis, String ageGroup) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Released.Equity equity = Released.equity(warehouse, code, period, diagnosis, ageGroup, CONFIDENCE);
        ResultTable table = IndicatorTables.equity(indicator, equity, CONFIDENCE.level()).build();
        return funnelChart(labels, indicator, equity) + LabelledTable.html(table, language.text("chart.funnel", language.title(indicator),
                labels.period(period)), List.of("geo_code", "value", "denominator", "funnel_95", "funnel_998", "funnel_position"),
                Html.where(table, "geo_level", "region"), labels, indicator.unit());
    }

    static String funnelChart(Labels labels, Indicator indicator, Released.Equity equity) {
        Language language = labels.language();
        double target = equity.nationalValue();
        if (equity.funnelMethod() == null || Double.isNaN(target)) {
            return Html.paragraph(language.text("chart.funnel.none", language.title(indicator), indicator.method()));
        }
        double k = Charts.scale(indicator.unit());
        var shown = equity.rows().stream().filter(r -> r.cell().geoLevel().equals("region") && !r.both().suppressed()).toList();
        List<double[]> points = shown.stream().map(r -> new double[] {r.both().denominator(), k * r.both().estimate().value()}).toList();
        List<String> names = shown.stream().map(r -> labels.regions().get(r.cell().geoCode())).toList();
        return Charts.funnel(language, language.text("chart.funnel", language.title(indicator), labels.period(equity.period())),
                Charts.axis(language, indicator.unit()), k * target, points, names, n -> funnelLimits(target, n, k))
                + Html.paragraph(language.text("chart.funnel.labelled"));
    }

    /**
     * The funnel's drawn limits for a unit of size {@code n} around {@code target}, times {@code k}:
     * {99.8 % lower, 95 % lower, 95 % upper, 99.8 % upper}, by the method the engine places the
     * regions with ({@link RegionComparisons#FUNNEL}), so a point is drawn outside a curve exactly
     * when the table says it lies outside.
     */
    public static double[] funnelLimits(double target, double n, double k) {
        var l95 = Funnels.limits(RegionComparisons.FUNNEL, target, n, Confidence.NINETY_FIVE, 1);
        var l998 = Funnels.limits(RegionComparisons.FUNNEL, target, n, Confidence.NINETY_NINE_POINT_EIGHT, 1);
        return new double[] {k * l998.lower(), k * l95.lower(), k * l95.upper(), k * l998.upper()};
    }

    /**
     * One indicator by education, country of birth or income (dimension education, birth_country,
     * income) in one cell at all ages (geo: a region, a healthcare region or 00), after disclosure
     * control: a chart of the groups with 95 % intervals, the table with each group's difference to
     * the reference group, and WHO HEAT's slope and relative index of inequality for an ordered
     * dimension ({@link GroupEquity}; the API's /indicators/{code}/groups gives the same numbers).
     */
    public String byGroup(String code, String dimension, String period, String geo, String diagnosis, int sex) {
        GroupEquity e = GroupEquity.of(warehouse, code, dimension, period, geo, diagnosis, sex, CONFIDENCE);
        Indicator indicator = e.indicator();
        List<Charts.Bar> bars = e.groups().stream().filter(g -> g.value() != null && !g.value().suppressed())
                .map(g -> ReportView.level(indicator.unit(), g.group().shortName(language.code()), g.value().estimate().value(),
                        g.value().estimate().lower(), g.value().estimate().upper())).toList();
        String dimensionName = labels.word("dimension", e.dimension().code()).toLowerCase(java.util.Locale.ROOT);
        String title = language.title(indicator) + ", " + labels.geography(geo, null) + " " + labels.period(period);
        StringBuilder html = new StringBuilder(Charts.bars(language, language.text("chart.groups", language.title(indicator) + ", "
                + labels.geography(geo, null), labels.period(period), dimensionName), Charts.axis(language, indicator.unit()), bars));
        ResultTable table = se.lagesbild.publishing.tables.GroupTables.groups(e, CONFIDENCE.level()).build();
        html.append(LabelledTable.html(table, title, List.of("group_code", "value", "numerator", "denominator", "difference"), r -> true,
                labels, indicator.unit()));
        if (e.notComputed() != null) {
            html.append(Html.paragraph(language.text(GroupEquity.HIDDEN.equals(e.notComputed()) ? "groups.hidden" : "groups.too_few")));
        } else {
            double k = Charts.scale(indicator.unit());
            if (e.ordered() != null) {
                var sii = e.ordered().measure("sii");
                var rii = e.ordered().measure("rii");
                html.append(Html.paragraph(language.text("groups.sii", language.number(k * sii.value(), 1), language.number(k * sii.lower(), 1),
                        language.number(k * sii.upper(), 1), language.number(rii.value(), 2), language.number(rii.lower(), 2),
                        language.number(rii.upper(), 2))));
            }
            html.append(Html.paragraph(language.text("groups.reference", labels.ageGroup(e.dimension().code() + ":" + e.between().reference()),
                    language.number(k * e.between().settingAverage(), 1))));
        }
        return html.toString();
    }

    /** Women against men per region and for Riket: a chart and the gaps with adjusted p-values. */
    public String womenAndMen(String code, String period, String diagnosis, String ageGroup) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Released.Equity equity = Released.equity(warehouse, code, period, diagnosis, ageGroup, CONFIDENCE);
        return womenAndMen(labels, indicator, equity);
    }

    static String womenAndMen(Labels labels, Indicator indicator, Released.Equity equity) {
        Language language = labels.language();
        List<String> names = new ArrayList<>();
        List<Charts.Bar> women = new ArrayList<>();
        List<Charts.Bar> men = new ArrayList<>();
        for (Released.EquityRow r : equity.rows()) {
            if (r.gap() != null) {
                String label = labels.geography(r.cell().geoCode(), r.cell().geoLevel());
                names.add(label);
                women.add(bar(indicator, label, r.women()));
                men.add(bar(indicator, label, r.men()));
            }
        }
        ResultTable table = IndicatorTables.equity(indicator, equity, CONFIDENCE.level()).build();
        String title = language.text("chart.women_men", language.title(indicator), labels.period(equity.period()));
        return Charts.pairs(language, title, Charts.axis(language, indicator.unit()), names, women, men)
                + LabelledTable.html(table, title, List.of("geo_code", "women_value", "men_value", "difference_women_men",
                "p_value_adjusted", "sex_gap_flagged"), r -> true, labels, indicator.unit());
    }

    private static Charts.Bar bar(Indicator indicator, String label, ReleasedValue v) {
        return ReportView.level(indicator.unit(), label, v.estimate().value(), v.estimate().lower(), v.estimate().upper());
    }

    /**
     * The parameter naming the report {@code lagesbild report} computed before it runs the notebook
     * ({@link YearlyReport#save}); the notebook reads it instead of computing the tables again, and
     * computes them itself when it is not set (a notebook run by hand) or names another report.
     */
    public static final String COMPUTED_REPORT = "LAGESBILD_COMPUTED_REPORT";

    /** The yearly follow-up of the cancer strategy, for the report notebook. */
    public ReportView yearlyReport(int year, int baseline) {
        return yearlyReport(year, baseline, null);
    }

    /**
     * The same, with the baseline as published from snapshot {@code publishedBaseline} beside it (null:
     * not compared); the trends draw the region {@code LAGESBILD_REGION} names (default 01) beside Riket.
     */
    public ReportView yearlyReport(int year, int baseline, String publishedBaseline) {
        String region = parameter("LAGESBILD_REGION");
        String computed = parameter(COMPUTED_REPORT);
        YearlyReport report = YearlyReport.load(computed == null ? null : java.nio.file.Path.of(computed), year, baseline, publishedBaseline,
                language);
        if (report == null) {
            report = YearlyReport.compute(warehouse, year, baseline, publishedBaseline, language);
        }
        return new ReportView(report, Provenance.of(warehouse, snapshot),
                Disclosure.thresholds(warehouse), region == null ? "01" : region, "true".equals(parameter(ReportView.FULL)));
    }

    /** The agreement follow-up of {@code year}, for the agreement notebook. */
    public AgreementView agreement(int year) {
        AgreementResult result = AgreementEvaluation.evaluate(warehouse, year);
        return new AgreementView(result, LeadTimesNotMet.of(warehouse, year + "H1"), SpecialInvestments.of(warehouse, year), labels);
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
