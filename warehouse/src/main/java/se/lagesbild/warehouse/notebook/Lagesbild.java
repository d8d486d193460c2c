package se.lagesbild.warehouse.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.agreement.LeadTimesNotMet;
import se.lagesbild.warehouse.agreement.SpecialInvestments;
import se.lagesbild.warehouse.dimensions.Dimensions;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.report.YearlyReport;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Funnels;
import se.lagesbild.warehouse.status.StatusReader;
import se.lagesbild.warehouse.status.WarehouseStatus;
import se.lagesbild.warehouse.tables.AgreementTables;
import se.lagesbild.warehouse.tables.Column;
import se.lagesbild.warehouse.tables.IndicatorTables;
import se.lagesbild.warehouse.tables.ResultTable;

/**
 * What a notebook needs, in one line: {@code var lb = Lagesbild.open();} opens the warehouse
 * read-only (as of a snapshot when one is named), and each method answers with HTML (tables and
 * embedded charts) that the Java kernel shows when it is a cell's last expression. Every figure
 * comes from the tested classes (released values only); notebooks hold no logic of their own.
 *
 * <p>Parameters come from the environment, so the same notebook runs by hand and from
 * {@code lagesbild report}: {@code LAGESBILD_DB} (default {@code data/lagesbild.duckdb} under
 * {@code LAGESBILD_HOME} or the working directory), {@code LAGESBILD_SNAPSHOT}, {@code LAGESBILD_YEAR},
 * {@code LAGESBILD_BASELINE}.
 */
public final class Lagesbild implements AutoCloseable {
    private static final Confidence CONFIDENCE = Confidence.NINETY_FIVE;
    private final Warehouse warehouse;
    private final String snapshot;

    private Lagesbild(Warehouse warehouse, String snapshot) {
        this.warehouse = warehouse;
        this.snapshot = snapshot;
    }

    /** Opens the warehouse the environment names, as of its snapshot if it names one. */
    public static Lagesbild open() {
        String home = System.getenv().getOrDefault("LAGESBILD_HOME", ".");
        String db = System.getenv().getOrDefault("LAGESBILD_DB", Path.of(home, "data", "lagesbild.duckdb").toString());
        String snapshot = System.getenv("LAGESBILD_SNAPSHOT");
        return open(Path.of(db), snapshot == null || snapshot.isBlank() ? null : snapshot);
    }

    /** Opens {@code db} read-only, as of {@code snapshot} (null for the newest vintages). */
    public static Lagesbild open(Path db, String snapshot) {
        Warehouse warehouse = Warehouse.openReadOnly(db);
        if (snapshot != null) {
            try {
                Snapshots.asOf(warehouse, snapshot);
            } catch (RuntimeException e) {
                warehouse.close();
                throw e;
            }
        }
        return new Lagesbild(warehouse, snapshot);
    }

    /** An integer parameter from the environment, else {@code fallback}. */
    /** The text of environment variable {@code name}, or null when it is not set or blank. */
    public static String parameter(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

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

    /** The snapshot answered as of, or null. */
    public String snapshot() {
        return snapshot;
    }

    /** What is loaded: every batch (vintage) and the periods each fact table covers. */
    public String loaded() {
        WarehouseStatus status = StatusReader.read(warehouse);
        ResultTable.Builder batches = ResultTable.builder("Vintages (load batches)" + (snapshot == null ? "" : ", answering as of snapshot "
                + snapshot), Column.integerDimension("batch"), Column.text("source"), Column.text("file"), Column.text("vintage"),
                Column.count("rows_loaded"), Column.count("rows_quarantined"));
        status.batches().forEach(b -> batches.row(b.batchId(), b.source(), b.fileName(), b.vintage(), b.rowsLoaded(), b.rowsQuarantined()));
        ResultTable.Builder coverage = ResultTable.builder("Coverage", Column.dimension("fact_table"), Column.count("rows"),
                Column.text("from"), Column.text("to"));
        status.facts().forEach(f -> coverage.row(f.table(), f.rows(), f.from(), f.to()));
        return Html.table(batches.build()) + Html.table(coverage.build());
    }

    /** The indicator catalogue by goal. */
    public String catalogue() {
        Map<String, String> goals = new java.util.LinkedHashMap<>();
        Dimensions.goals(warehouse).forEach(g -> goals.put(g.code(), g.labelEn()));
        StringBuilder html = new StringBuilder();
        for (var goal : goals.entrySet()) {
            ResultTable.Builder table = ResultTable.builder("Goal " + goal.getKey() + ": " + goal.getValue(), Column.dimension("indicator"),
                    Column.text("title_en"), Column.text("unit"), Column.text("direction"), Column.number("target"), Column.text("method"),
                    Column.text("data_source"));
            Catalogue.all(warehouse).stream().filter(i -> String.valueOf(i.goal()).equals(goal.getKey())).forEach(i -> table.row(i.code(),
                    i.titleEn(), i.unit(), i.direction(), i.target(), i.method(), i.dataSource()));
            html.append(Html.table(table.build()));
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
        Map<String, String> names = regionNames();
        List<Charts.Bar> bars = all.stream().filter(v -> !v.suppressed())
                .map(v -> new Charts.Bar(names.get(v.cell().geoCode()), v.estimate().value(), v.estimate().lower(), v.estimate().upper()))
                .toList();
        ResultTable table = IndicatorTables.values(indicator, all, CONFIDENCE.level()).build();
        return Charts.bars(indicator.titleEn() + ", " + period + " (" + diagnosis + ", " + ageGroup + ")", indicator.unit(), bars)
                + Html.table(table, List.of("geo_code", "value", "lower", "upper", "numerator", "denominator", "comparison", "reason"), r -> true);
    }

    /** The regions in a funnel plot around Riket (proportions), with the table of positions. */
    public String funnel(String code, String period, String diagnosis, String ageGroup) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Released.Equity equity = Released.equity(warehouse, code, period, diagnosis, ageGroup, CONFIDENCE);
        ResultTable table = IndicatorTables.equity(indicator, equity, CONFIDENCE.level()).build();
        return funnelChart(indicator, equity) + Html.table(table, List.of("geo_code", "value", "denominator", "funnel_95_lower",
                "funnel_95_upper", "funnel_998_lower", "funnel_998_upper", "funnel_position", "reason"), Html.where(table, "geo_level", "region"));
    }

    static String funnelChart(Indicator indicator, Released.Equity equity) {
        double target = equity.nationalValue();
        if (equity.funnelMethod() == null || Double.isNaN(target)) {
            return Html.paragraph("No funnel plot: " + indicator.code() + " is a " + indicator.method()
                    + " or Riket's value is hidden.");
        }
        var shown = equity.rows().stream().filter(r -> r.cell().geoLevel().equals("region") && !r.both().suppressed()).toList();
        List<double[]> points = shown.stream().map(r -> new double[] {r.both().denominator(), r.both().estimate().value()}).toList();
        List<String> labels = shown.stream().map(r -> r.cell().geoCode()).toList();
        return Charts.funnel(indicator.titleEn() + ", " + equity.period() + ": regions around Riket", target, points, labels, n -> {
            var l95 = Funnels.limits(target, n, Confidence.NINETY_FIVE, 1);
            var l998 = Funnels.limits(target, n, Confidence.NINETY_NINE_POINT_EIGHT, 1);
            return new double[] {l998.lower(), l95.lower(), l95.upper(), l998.upper()};
        }) + Html.paragraph("Regions outside the 95 % limits are labelled with their region code.");
    }

    /** Women against men per region and for Riket: a chart and the gaps with adjusted p-values. */
    public String womenAndMen(String code, String period, String diagnosis, String ageGroup) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Released.Equity equity = Released.equity(warehouse, code, period, diagnosis, ageGroup, CONFIDENCE);
        return womenAndMen(indicator, equity, regionNames());
    }

    static String womenAndMen(Indicator indicator, Released.Equity equity, Map<String, String> names) {
        List<String> labels = new ArrayList<>();
        List<Charts.Bar> women = new ArrayList<>();
        List<Charts.Bar> men = new ArrayList<>();
        for (Released.EquityRow r : equity.rows()) {
            if (r.gap() != null) {
                String label = names.getOrDefault(r.cell().geoCode(), r.cell().geoCode());
                labels.add(label);
                women.add(bar(label, r.women()));
                men.add(bar(label, r.men()));
            }
        }
        ResultTable table = IndicatorTables.equity(indicator, equity, CONFIDENCE.level()).build();
        return Charts.pairs(indicator.titleEn() + ", " + equity.period() + ": women and men with 95 % intervals", indicator.unit(), labels,
                women, men)
                + Html.table(table, List.of("geo_code", "women_value", "men_value", "difference_women_men", "difference_lower",
                "difference_upper", "p_value_adjusted", "sex_gap_flagged", "reason", "women_men_note"), r -> true);
    }

    private static Charts.Bar bar(String label, ReleasedValue v) {
        return new Charts.Bar(label, v.estimate().value(), v.estimate().lower(), v.estimate().upper());
    }

    /** The yearly follow-up of the cancer strategy, for the report notebook. */
    public ReportView yearlyReport(int year, int baseline) {
        return yearlyReport(year, baseline, null);
    }

    /** The same, with the baseline as published from snapshot {@code publishedBaseline} beside it (null: not compared). */
    public ReportView yearlyReport(int year, int baseline, String publishedBaseline) {
        return new ReportView(YearlyReport.compute(warehouse, year, baseline, publishedBaseline));
    }

    /** The agreement follow-up of {@code year}, for the agreement notebook. */
    public AgreementView agreement(int year) {
        AgreementResult result = AgreementEvaluation.evaluate(warehouse, year);
        return new AgreementView(result, LeadTimesNotMet.of(warehouse, year + "H1"), SpecialInvestments.of(warehouse, year));
    }

    /** The agreement's tables as HTML. */
    public record AgreementView(AgreementResult result, LeadTimesNotMet.Result leadTimes, SpecialInvestments.Result investments) {
        public String conditions() {
            return Html.table(AgreementTables.conditions(result, r -> true).build(), List.of("payment_code", "condition_code", "region_code",
                    "region_name", "threshold", "observed", "status", "reason"), r -> true);
        }

        public String payments() {
            return Html.table(AgreementTables.payments(result, r -> true).build(), List.of("payment_code", "region_code", "region_name",
                    "decision", "population", "amount_sek", "reasons"), r -> true);
        }

        /** Conditions not met, with the region's trend and its own described actions. */
        public String deviations() {
            ResultTable conditions = AgreementTables.conditions(result, r -> true).build();
            return Html.table(conditions, List.of("condition_code", "region_name", "observed", "threshold", "reason", "trend", "actions_sv"),
                    Html.where(conditions, "status", "not_met"));
        }

        public String leadTimesNotMet() {
            return Html.table(AgreementTables.leadTimeGaps(leadTimes, leadTimes.nationalBySvf()).build())
                    + Html.paragraph(leadTimes.hiddenCells() + " cells with fewer than " + leadTimes.minimumPatients()
                    + " patients, or that would reveal one, are left out.");
        }

        public String regionalMisses() {
            return Html.table(AgreementTables.leadTimeGaps(leadTimes, leadTimes.regionalMisses()).build());
        }

        public String specialInvestments() {
            return Html.table(AgreementTables.investments(investments).build())
                    + (investments.deviations().isEmpty() ? Html.paragraph("No deviations.") : Html.list(investments.deviations()));
        }
    }

    private Map<String, String> regionNames() {
        return Dimensions.labelsSv(Dimensions.regions(warehouse));
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
