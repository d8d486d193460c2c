package se.lagesbild.publishing.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.IndicatorTables;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.disclosure.Revisions;
import se.lagesbild.warehouse.indicators.BaselineComparisons;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.MultipleComparisons;

/**
 * The yearly follow-up of the cancer strategy against the baseline: every figure the report
 * shows, as result tables, computed once here for the notebook, the HTML report and the CSV and
 * Arrow files alike. All values are released values (disclosure control applied).
 *
 * <ul>
 * <li>{@code indicators}: per goal and indicator, Riket both sexes at its headline cell
 *   ({@link Headline}): baseline and follow-up value with 95 % intervals, the change with its
 *   interval and test (proportions and rates; percentiles and standardised rates are shown
 *   untested), the status and whether the target is met;</li>
 * <li>{@code equity}: per indicator (proportions and rates), every region and Riket in the
 *   follow-up period: women vs men and the funnel against Riket ({@link IndicatorTables#equity});</li>
 * <li>{@code region_changes}: per indicator, each region's baseline comparison;</li>
 * <li>{@code children_adults}: where an indicator has children (0–17) and adults (18+), both;</li>
 * <li>{@code population_groups} and {@code inequality_measures}: each indicator whose sources carry
 *   education, country of birth or income, at Riket in the follow-up year by every group, and WHO
 *   HEAT's summary measures per indicator and dimension ({@link PopulationGroups});</li>
 * <li>{@code trends}: per indicator, Riket's and every region's released value in each year (or
 *   first half-year) from {@link #TREND_YEARS} years before the baseline to the follow-up year
 *   that has one;</li>
 * <li>{@code baseline_revisions} (when the snapshot the baseline was published from is named): per
 *   indicator, Riket's and each region's baseline as published and with revised data, and the change
 *   computed both ways ({@link Revisions});</li>
 * <li>{@code changes_in_words}: the most important changes as sentences, most important first;</li>
 * <li>{@code goal_fulfilment}: each goal, its sub-goals (the loaded follow-up structure) and the
 *   indicators with a target under them, each judged reached, on track, not on track or cannot be
 *   judged, with the projection to the target year ({@link GoalFulfilment}).</li>
 * </ul>
 */
public final class YearlyReport implements java.io.Serializable {
    public static final Confidence CONFIDENCE = Confidence.NINETY_FIVE;

    private final int year;
    private final int baseline;
    private final List<Headline> headlines;
    private final Map<Indicator, Headline.Missing> unreported = new LinkedHashMap<>();
    private final Map<String, ResultTable> tables = new LinkedHashMap<>();
    private final Map<String, Released.Equity> equity = new LinkedHashMap<>();
    private final List<se.lagesbild.warehouse.disclosure.GroupEquity> groups = new ArrayList<>();
    private final Labels labels;
    private final Language language;
    private final String publishedBaseline;

    private YearlyReport(int year, int baseline, List<Headline> headlines, Labels labels, String publishedBaseline) {
        this.year = year;
        this.baseline = baseline;
        this.headlines = headlines;
        this.labels = labels;
        this.language = labels.language();
        this.publishedBaseline = publishedBaseline;
    }

    /**
     * Computes the report for follow-up {@code year} against {@code baseline} on the warehouse as it
     * answers now (pin it with {@code Snapshots.asOf} first for a published report).
     *
     * @throws WarehouseException when the follow-up year is not after the baseline, or no indicator
     *         has values in both
     */
    public static YearlyReport compute(Warehouse warehouse, int year, int baseline) {
        return compute(warehouse, year, baseline, null, Language.SV);
    }

    /**
     * The same, and the baseline as published from snapshot {@code publishedBaseline} beside the
     * baseline with revised data (table {@code baseline_revisions}); null leaves that table out. The
     * sentences of {@code changes_in_words} are written in {@code language}; every other table holds
     * codes and numbers, the same in both languages.
     *
     * @throws WarehouseException also when there is no such snapshot
     */
    public static YearlyReport compute(Warehouse warehouse, int year, int baseline, String publishedBaseline, Language language) {
        return compute(warehouse, year, baseline, publishedBaseline, language, table -> { });
    }

    /** The same, telling {@code progress} each table's name when it is ready. */
    public static YearlyReport compute(Warehouse warehouse, int year, int baseline, String publishedBaseline, Language language,
                                       java.util.function.Consumer<String> progress) {
        if (publishedBaseline != null) {
            Snapshots.named(warehouse, publishedBaseline);
        }
        if (year <= baseline) {
            throw new WarehouseException("The follow-up year " + year + " must come after the baseline " + baseline + ".");
        }
        List<Headline> headlines = new ArrayList<>();
        Map<Indicator, Headline.Missing> unreported = new LinkedHashMap<>();
        for (Indicator indicator : Catalogue.all(warehouse)) {
            Headline h = Headline.of(warehouse, indicator, year, baseline);
            if (h != null) {
                headlines.add(h);
            } else {
                unreported.put(indicator, Headline.missing(warehouse, indicator, year, baseline));
            }
        }
        if (headlines.isEmpty()) {
            throw new WarehouseException("No indicator has released values for both " + baseline + " and " + year
                    + ". Load data for both years (lagesbild status shows what is loaded).");
        }
        YearlyReport report = new YearlyReport(year, baseline, headlines, Labels.of(warehouse, language), publishedBaseline);
        report.unreported.putAll(unreported);
        report.put("indicators", () -> report.indicators(warehouse), progress);
        report.put("equity", () -> report.equity(warehouse), progress);
        report.put("region_changes", () -> report.regionChanges(warehouse), progress);
        report.put("children_adults", () -> report.childrenAdults(warehouse), progress);
        report.groups.addAll(PopulationGroups.of(warehouse, headlines, CONFIDENCE));
        report.put("population_groups", () -> PopulationGroups.groups(report.groups, CONFIDENCE.level()), progress);
        report.put("inequality_measures", () -> PopulationGroups.measures(report.groups), progress);
        report.put("trends", () -> report.trends(warehouse), progress);
        if (publishedBaseline != null) {
            report.put("baseline_revisions", () -> report.revisions(warehouse), progress);
        }
        report.put("changes_in_words", report::inWords, progress);
        report.put("goal_fulfilment", () -> GoalFulfilmentTable.of(warehouse, year, language, CONFIDENCE), progress);
        return report;
    }

    /** Computes table {@code name}; its meta says its name, the year and the baseline (for labelled copies such as the workbook). */
    private void put(String name, java.util.function.Supplier<ResultTable> table, java.util.function.Consumer<String> progress) {
        ResultTable t = table.get();
        java.util.Map<String, Object> meta = new LinkedHashMap<>(t.meta());
        meta.put("sheet", name);
        meta.put("year", year);
        meta.put("baseline", baseline);
        tables.put(name, t.withMeta(meta));
        progress.accept(name);
    }

    /**
     * Writes the computed report to {@code file} (Java serialization), so the report notebook run by
     * the same {@code lagesbild report} reads what the run computed instead of computing it again.
     */
    public void save(java.nio.file.Path file) {
        try (var out = new java.io.ObjectOutputStream(new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file)))) {
            out.writeObject(this);
        } catch (java.io.IOException e) {
            throw new WarehouseException("Writing the computed report to " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The report {@link #save} wrote, or null when {@code file} is missing, unreadable or holds a
     * report for other parameters (the caller then computes it). Only Lägesbild's own classes and
     * the JDK's are accepted from the file.
     */
    public static YearlyReport load(java.nio.file.Path file, int year, int baseline, String publishedBaseline, Language language) {
        if (file == null || !java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        try (var in = new java.io.ObjectInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file)))) {
            in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter("se.lagesbild.**;java.**;!*"));
            YearlyReport r = (YearlyReport) in.readObject();
            boolean same = r.year == year && r.baseline == baseline && java.util.Objects.equals(r.publishedBaseline, publishedBaseline)
                    && r.language == language;
            return same ? r : null;
        } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }

    public int year() {
        return year;
    }

    public int baseline() {
        return baseline;
    }

    /** The snapshot the baseline was published from, or null when the report was not asked to compare with it. */
    public String publishedBaseline() {
        return publishedBaseline;
    }

    public List<Headline> headlines() {
        return headlines;
    }

    /** The catalogue's indicators without a released value for Riket in both years, each with why, in the catalogue's order. */
    public Map<Indicator, Headline.Missing> unreported() {
        return unreported;
    }

    /** Every table by its file name, in the report's order. */
    public Map<String, ResultTable> tables() {
        return tables;
    }

    public ResultTable table(String name) {
        return tables.get(name);
    }

    /** The equity of one indicator in the follow-up period (null when its method has none). */
    /** Each headline indicator by each population dimension its sources carry (education, country of birth, income). */
    public List<se.lagesbild.warehouse.disclosure.GroupEquity> groups() {
        return groups;
    }

    public Released.Equity equityOf(String indicatorCode) {
        return equity.get(indicatorCode);
    }

    public String regionName(String code) {
        return labels.geography(code, null);
    }

    /** Every label in the report's language. */
    public Labels labels() {
        return labels;
    }

    public Language language() {
        return language;
    }

    private ResultTable indicators(Warehouse warehouse) {
        ResultTable.Builder table = ResultTable.builder("Indicators: " + baseline + " (baseline) against " + year,
                Column.integerDimension("goal"), Column.dimension("indicator"), Column.text("title_sv"), Column.text("title_en"),
                Column.text("unit"), Column.text("baseline_period"), Column.text("followup_period"), Column.text("diagnosis_code"),
                Column.text("age_group_code"), Column.number("baseline_value"), Column.number("baseline_lower"),
                Column.number("baseline_upper"), Column.number("followup_value"), Column.number("followup_lower"),
                Column.number("followup_upper"), Column.number("change"), Column.number("change_lower"), Column.number("change_upper"),
                Column.number("p_value"), Column.text("status"), Column.number("target"), Column.flag("target_met_baseline"),
                Column.flag("target_met_followup"), Column.text("subgoals"));
        for (Headline h : headlines) {
            Indicator i = h.indicator();
            Object[] head = {i.goal(), i.code(), i.titleSv(), i.titleEn(), i.unit(), h.baselinePeriod(), h.followUpPeriod(), h.diagnosis(),
                h.ageGroup()};
            Object[] figures;
            if (h.comparable()) {
                BaselineComparisons.Change c = Released.baseline(warehouse, i.code(), h.baselinePeriod(), h.followUpPeriod(), h.filter(false),
                        CONFIDENCE).get(0).change();
                figures = new Object[] {c.baseline().value(), c.baseline().lower(), c.baseline().upper(), c.followUp().value(),
                    c.followUp().lower(), c.followUp().upper(), c.difference().value(), c.difference().lower(), c.difference().upper(),
                    c.test().pValue(), c.status(), i.target(), c.targetMetAtBaseline(), c.targetMetNow()};
            } else {
                List<ReleasedValue> values = Released.values(warehouse, i.code(), h.filter(false).periods(h.baselinePeriod(),
                        h.followUpPeriod()), CONFIDENCE);
                ReleasedValue b = values.stream().filter(v -> v.cell().periodCode().equals(h.baselinePeriod())).findFirst().orElseThrow();
                ReleasedValue f = values.stream().filter(v -> v.cell().periodCode().equals(h.followUpPeriod())).findFirst().orElseThrow();
                figures = new Object[] {b.estimate().value(), b.estimate().lower(), b.estimate().upper(), f.estimate().value(),
                    f.estimate().lower(), f.estimate().upper(), f.estimate().value() - b.estimate().value(), null, null, null,
                    "not tested (" + i.method() + ")", i.target(), i.targetMet(b.estimate().value()), i.targetMet(f.estimate().value())};
            }
            Object[] row = new Object[head.length + figures.length + 1];
            System.arraycopy(head, 0, row, 0, head.length);
            System.arraycopy(figures, 0, row, head.length, figures.length);
            row[row.length - 1] = i.subgoals().isEmpty() ? null : String.join(", ", i.subgoals());
            table.row(row);
        }
        return table.meta("year", year).meta("baseline", baseline).meta("confidence_level", CONFIDENCE.level()).build();
    }

    private ResultTable equity(Warehouse warehouse) {
        List<ResultTable> parts = new ArrayList<>();
        for (Headline h : headlines) {
            if (h.comparable()) {
                Released.Equity e = Released.equity(warehouse, h.indicator().code(), h.followUpPeriod(), h.diagnosis(), h.ageGroup(),
                        CONFIDENCE);
                equity.put(h.indicator().code(), e);
                parts.add(IndicatorTables.equity(h.indicator(), e, CONFIDENCE.level()).build());
            }
        }
        return stack("Equity in " + year + ": regions against Riket, women against men", parts, IndicatorTables.equityColumns());
    }

    private ResultTable regionChanges(Warehouse warehouse) {
        List<ResultTable> parts = new ArrayList<>();
        for (Headline h : headlines) {
            if (h.comparable()) {
                List<Released.ReleasedChange> changes = Released.baseline(warehouse, h.indicator().code(), h.baselinePeriod(),
                        h.followUpPeriod(), h.filter(true), CONFIDENCE).stream()
                        .filter(c -> !c.cell().geoLevel().equals("healthcare_region")).toList();
                parts.add(IndicatorTables.baseline(h.indicator(), h.baselinePeriod(), h.followUpPeriod(), changes, CONFIDENCE.level()).build());
            }
        }
        return stack("Each region against its baseline", parts, IndicatorTables.baselineColumns());
    }

    private ResultTable childrenAdults(Warehouse warehouse) {
        List<ResultTable> parts = new ArrayList<>();
        for (Headline h : headlines) {
            if (!h.comparable()) {
                continue;
            }
            CellFilter both = CellFilter.all().geo("00").sexes(3).diagnoses(h.diagnosis()).ageGroups("0-17", "18+");
            List<Released.ReleasedChange> changes = Released.baseline(warehouse, h.indicator().code(), h.baselinePeriod(),
                    h.followUpPeriod(), both, CONFIDENCE);
            if (changes.size() == 2) {
                parts.add(IndicatorTables.baseline(h.indicator(), h.baselinePeriod(), h.followUpPeriod(), changes, CONFIDENCE.level()).build());
            }
        }
        return stack("Children (0–17) and adults (18+)", parts, IndicatorTables.baselineColumns());
    }

    /** How many years before the baseline the trends look for data. */
    public static final int TREND_YEARS = 10;

    private ResultTable trends(Warehouse warehouse) {
        List<ResultTable> parts = new ArrayList<>();
        for (Headline h : headlines) {
            String suffix = h.followUpPeriod().substring(String.valueOf(year).length());
            String[] periods = java.util.stream.IntStream.rangeClosed(baseline - TREND_YEARS, year).mapToObj(y -> y + suffix)
                    .toArray(String[]::new);
            List<ReleasedValue> values = Released.values(warehouse, h.indicator().code(), h.filter(true).periods(periods), CONFIDENCE)
                    .stream().filter(v -> !v.cell().geoLevel().equals("healthcare_region"))
                    .filter(v -> v.suppressed() || !Double.isNaN(v.estimate().value())).toList();
            parts.add(IndicatorTables.values(h.indicator(), values, CONFIDENCE.level()).build());
        }
        return stack("Each indicator over the years", parts, IndicatorTables.valuesColumns());
    }

    private ResultTable revisions(Warehouse warehouse) {
        List<ResultTable> parts = new ArrayList<>();
        for (Headline h : headlines) {
            Revisions.Result revisions = Revisions.of(warehouse, h.indicator().code(), h.baselinePeriod(), h.followUpPeriod(), h.filter(true),
                    publishedBaseline, CONFIDENCE);
            List<Revisions.Row> rows = revisions.rows().stream().filter(r -> !r.cell().geoLevel().equals("healthcare_region")).toList();
            parts.add(IndicatorTables.revisions(h.indicator(), new Revisions.Result(revisions.indicatorCode(), revisions.baseline(),
                    revisions.followUp(), revisions.published(), rows), CONFIDENCE.level()).build());
        }
        return stack("The baseline " + baseline + " as published (" + publishedBaseline + ") and with revised data", parts,
                IndicatorTables.revisionsColumns());
    }

    /** Tables of the same layout, one after the other, with the indicator as a first column (the layout's columns when there are none). */
    private static ResultTable stack(String title, List<ResultTable> parts, Column[] layout) {
        List<Column> columns = new ArrayList<>(List.of(Column.dimension("indicator")));
        columns.addAll(parts.isEmpty() ? List.of(layout) : parts.get(0).columns());
        ResultTable.Builder table = ResultTable.builder(title, columns.toArray(Column[]::new));
        Map<String, Object> meta = new LinkedHashMap<>();
        for (ResultTable part : parts) {
            String indicator = (String) part.meta().get("indicator");
            meta.put(indicator, part.meta());
            for (Object[] row : part.rows()) {
                Object[] wide = new Object[row.length + 1];
                wide[0] = indicator;
                System.arraycopy(row, 0, wide, 1, row.length);
                table.row(wide);
            }
        }
        return table.meta("by_indicator", meta).build();
    }

    /**
     * One candidate for "the most important changes": a sentence about one indicator, its kind, and
     * how large and certain it is as a z value (the standard normal quantile of its two-sided p-value).
     */
    private record Finding(String family, String kind, String indicator, String where, String sentence, double z) {
    }

    /** The z value of a two-sided p-value: |z| with P(|Z| > z) = p; 0 when there is none. */
    static double z(Object p) {
        if (!(p instanceof Double value) || value.isNaN() || value >= 1) {
            return 0;
        }
        return Confidence.normalZ(value);
    }

    /**
     * The most important changes as sentences: one finding per indicator family (the indicators that
     * count the same people, e.g. the lead-time share, median and percentiles), the one most certain
     * (largest z) among Riket's significant change, the target newly met or no longer met, the
     * regions whose change holds after Benjamini–Hochberg over every region × indicator comparison,
     * a sex gap flagged after Benjamini–Hochberg within one diagnosis (over all diagnoses a gap is the
     * diagnosis mix), and a region beyond the 99.8 % funnel limit (z 3.09);
     * every finding only on a base of at least {@value #FINDING_MIN_BASE} in the follow-up year.
     * Families are ranked by that z; revised baselines follow, one per family.
     */
    private ResultTable inWords() {
        List<Finding> findings = new ArrayList<>();
        ResultTable eq = tables.get("equity");
        // the follow-up year's base (patients, respondents, cases) of each indicator × geography, for the smallest base of a finding
        Map<String, Double> bases = new LinkedHashMap<>();
        for (Object[] r : eq.rows()) {
            // a rate's base is its cases (the numerator), every other method's its patients or respondents
            boolean rate = List.of("rate", "dsr").contains(indicator((String) r[0]).method());
            if (r[eq.columnIndex(rate ? "numerator" : "denominator")] instanceof Double d) {
                bases.put(r[0] + " " + r[eq.columnIndex("geo_code")], d);
            }
        }
        java.util.function.BiPredicate<String, String> enough = (code, geo) -> bases.getOrDefault(code + " " + geo, 0.0) >= FINDING_MIN_BASE;
        ResultTable summary = tables.get("indicators");
        for (Object[] r : summary.rows()) {
            String code = (String) r[summary.columnIndex("indicator")];
            Indicator indicator = indicator(code);
            String title = language.title(indicator);
            String unit = indicator.unit();
            String status = (String) r[summary.columnIndex("status")];
            Double before = (Double) r[summary.columnIndex("baseline_value")];
            Double after = (Double) r[summary.columnIndex("followup_value")];
            double z = z(r[summary.columnIndex("p_value")]);
            if (!enough.test(code, "00")) {
                continue; // Riket's figure rests on too few people to be news either
            }
            if (status.equals("improved") || status.equals("worsened") || status.equals("higher") || status.equals("lower")) {
                findings.add(new Finding(family(indicator), "change in Sweden", code, "00", language.text("words.changed", title,
                        language.text("words.verb." + status), language.value(before, unit),
                        labels.period((String) r[summary.columnIndex("baseline_period")]), language.value(after, unit),
                        labels.period((String) r[summary.columnIndex("followup_period")]),
                        language.change((Double) r[summary.columnIndex("change")], unit),
                        language.range((Double) r[summary.columnIndex("change_lower")], (Double) r[summary.columnIndex("change_upper")],
                                unit)), z));
            }
            Boolean metBefore = (Boolean) r[summary.columnIndex("target_met_baseline")];
            Boolean metNow = (Boolean) r[summary.columnIndex("target_met_followup")];
            if (metBefore != null && metNow != null && !metBefore.equals(metNow)) {
                String target = language.value((Double) r[summary.columnIndex("target")], unit);
                findings.add(new Finding(family(indicator), "target", code, "00", language.text(metNow ? "words.target_met"
                        : "words.target_lost", title, target, language.value(after, unit)), Math.max(z, TARGET_Z)));
            }
        }
        ResultTable regions = tables.get("region_changes");
        Map<String, Map<String, List<String>>> changed = new LinkedHashMap<>();
        Map<String, Double> strongest = new LinkedHashMap<>();
        // every region × indicator comparison is one family: a region is named only when its change holds after
        // Benjamini–Hochberg over all of them (about 400 tests at 5 % each would name some by chance)
        List<Object[]> tested = regions.rows().stream().filter(r -> "region".equals(r[regions.columnIndex("geo_level")])
                && r[regions.columnIndex("p_value")] instanceof Double p && !p.isNaN()).toList();
        double[] adjusted = MultipleComparisons.benjaminiHochberg(tested.stream().mapToDouble(r -> (Double) r[regions.columnIndex("p_value")])
                .toArray());
        for (int i = 0; i < tested.size(); i++) {
            Object[] r = tested.get(i);
            String status = (String) r[regions.columnIndex("status")];
            if ((status.equals("improved") || status.equals("worsened")) && adjusted[i] < FINDING_ALPHA
                    && enough.test((String) r[0], (String) r[regions.columnIndex("geo_code")])) {
                String code = (String) r[0];
                changed.computeIfAbsent(code, k -> new LinkedHashMap<>()).computeIfAbsent(status, k -> new ArrayList<>())
                        .add(regionName((String) r[regions.columnIndex("geo_code")]));
                strongest.merge(code, z(adjusted[i]), Math::max);
            }
        }
        changed.forEach((code, byStatus) -> {
            Indicator indicator = indicator(code);
            List<String> parts = new ArrayList<>();
            byStatus.forEach((status, names) -> parts.add(language.text("words.regions." + status, language.list(names))));
            findings.add(new Finding(family(indicator), "regions", code, "regions", language.text("words.regions",
                    language.title(indicator), baseline, language.list(parts)), strongest.get(code)));
        });
        for (Object[] r : eq.rows()) {
            String code = (String) r[0];
            Indicator indicator = indicator(code);
            String geo = (String) r[eq.columnIndex("geo_code")];
            String where = regionName(geo);
            if (!enough.test(code, geo)) {
                continue;
            }
            // over all diagnoses together a gap is mostly the diagnosis mix (breast cancer against prostate cancer), not a
            // difference in how women and men are treated: only a gap within one diagnosis is a finding
            boolean mixed = List.of("ALL", "MALIGNANT").contains(r[eq.columnIndex("diagnosis_code")]);
            if (Boolean.TRUE.equals(r[eq.columnIndex("sex_gap_flagged")]) && !mixed) {
                findings.add(new Finding(family(indicator), "women and men", code, geo, language.text("words.sex_gap",
                        lowerFirst(language.title(indicator)), where, language.value((Double) r[eq.columnIndex("women_value")],
                        indicator.unit()), language.value((Double) r[eq.columnIndex("men_value")], indicator.unit()),
                        language.pStatement((Double) r[eq.columnIndex("p_value_adjusted")])), z(r[eq.columnIndex("p_value_adjusted")])));
            }
            String position = (String) r[eq.columnIndex("funnel_position")];
            if (position != null && position.contains("0.001")) {
                findings.add(new Finding(family(indicator), "outlier", code, geo, language.text("words.outlier", where,
                        lowerFirst(language.title(indicator)), year, language.value((Double) r[eq.columnIndex("value")], indicator.unit()),
                        language.value(equity.get(code).nationalValue(), indicator.unit())), OUTLIER_Z));
            }
        }
        List<Finding> ranked = new ArrayList<>(strongestPerFamily(findings));
        ranked.sort(java.util.Comparator.comparingDouble(Finding::z).reversed());
        ranked.addAll(strongestPerFamily(revisionFindings()));
        ResultTable.Builder table = ResultTable.builder("The most important changes", Column.integerDimension("rank"),
                Column.text("kind"), Column.text("indicator"), Column.text("where"), Column.text("sentence"));
        int rank = 0;
        for (Finding f : ranked) {
            table.row(++rank, f.kind(), f.indicator(), f.where(), f.sentence());
        }
        return table.meta("language", language.code()).build();
    }

    /** Of each family's findings the largest (the first of equals), families in the order they first come. */
    private static java.util.Collection<Finding> strongestPerFamily(List<Finding> findings) {
        Map<String, Finding> best = new LinkedHashMap<>();
        for (Finding f : findings) {
            best.merge(f.family(), f, (a, b) -> b.z() > a.z() ? b : a);
        }
        return best.values();
    }

    /** The false discovery rate a region's change must hold at (Benjamini–Hochberg over every region × indicator) to be a finding. */
    static final double FINDING_ALPHA = 0.05;
    /**
     * The smallest base (patients, respondents or cases in the follow-up year, both sexes) a region's or
     * a sex gap's finding needs: below it a difference, however significant, rests on too few people to
     * be news.
     */
    public static final int FINDING_MIN_BASE = 30;

    /** A target newly met or no longer met ranks as a change significant at 5 % at least. */
    private static final double TARGET_Z = 1.96;
    /** A region beyond the 99.8 % funnel limit lies at least this many standard errors from Riket. */
    private static final double OUTLIER_Z = 3.09;

    /** Riket's baselines that revised data changed visibly, largest relative revision first. */
    private List<Finding> revisionFindings() {
        List<Finding> findings = new ArrayList<>();
        ResultTable revised = tables.get("baseline_revisions");
        for (Object[] r : revised == null ? List.<Object[]>of() : revised.rows()) {
            if (!"00".equals(r[revised.columnIndex("geo_code")]) || !"revised".equals(r[revised.columnIndex("revision")])) {
                continue;
            }
            String code = (String) r[0];
            Indicator indicator = indicator(code);
            Double publishedValue = (Double) r[revised.columnIndex("published_value")];
            Double revisedValue = (Double) r[revised.columnIndex("revised_value")];
            String published = language.value(publishedValue, indicator.unit());
            String now = language.value(revisedValue, indicator.unit());
            // a revision too small to show in the report's precision is not worth a sentence (the table has it)
            if (!published.equals(now)) {
                String status = (String) r[revised.columnIndex("revised_status")];
                String before = (String) r[revised.columnIndex("published_status")];
                double size = publishedValue == null || revisedValue == null || publishedValue == 0 ? 0
                        : Math.abs(revisedValue - publishedValue) / Math.abs(publishedValue);
                String title = language.title(indicator);
                String period = labels.period((String) r[revised.columnIndex("period_code")]);
                String sentence = status == null ? language.text("words.revised", title, period, published, now)
                        : before == null || before.equals(status) ? language.text("words.revised.status", title, period, published, now, year,
                        statusWord(status))
                        : language.text("words.revised.status_changed", title, period, published, now, year, statusWord(status),
                        statusWord(before), publishedBaseline);
                findings.add(new Finding(family(indicator), "revised baseline", code, "00", sentence, size));
            }
        }
        return findings;
    }

    /** The indicator's family: the indicators that count the same people, or the indicator alone. */
    private static String family(Indicator indicator) {
        return indicator.disclosureFamily() == null ? indicator.code() : indicator.disclosureFamily();
    }

    private static String lowerFirst(String title) {
        return title.isEmpty() ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    /** The headline indicator {@code code}. */
    private Indicator indicator(String code) {
        return headlines.stream().map(Headline::indicator).filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** A status in the report's language ("improved" → "förbättrad"). */
    private String statusWord(String status) {
        String key = "status." + status.replace(' ', '_');
        return language.has(key) ? language.text(key) : status;
    }
}
