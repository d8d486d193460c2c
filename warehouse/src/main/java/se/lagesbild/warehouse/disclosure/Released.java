package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.kept.Kept;
import se.lagesbild.warehouse.kept.Packed;
import se.lagesbild.warehouse.indicators.BaselineComparisons;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.IndicatorEngine;
import se.lagesbild.warehouse.indicators.IndicatorValue;
import se.lagesbild.warehouse.indicators.RegionComparisons;
import se.lagesbild.warehouse.indicators.SexComparisons;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.Funnels;
import se.lagesbild.warehouse.stats.Inequality;

/**
 * Indicator values and comparisons as they may leave the warehouse: every consumer (API, exports,
 * reports) takes its figures from here, so disclosure control cannot be skipped.
 *
 * <p>Which cells are hidden is decided once for the whole calendar year of an indicator's
 * disclosure family, over every hierarchy ({@link Disclosure}, {@link DisclosurePattern}), whatever
 * was asked for: asking for men alone and then for both sexes, or for a year and then its half-years,
 * hides the same cells, and no total minus a released part recovers a hidden value. A comparison is
 * released only when every value it is built on is released.
 */
public final class Released {
    private Released() {
    }

    /** The values of {@code code} in the cells of {@code filter}, after disclosure control. */
    public static List<ReleasedValue> values(Warehouse warehouse, String code, CellFilter filter, Confidence confidence) {
        return values(warehouse, code, filter, confidence, IndicatorEngine.RIKET);
    }

    /**
     * The same, each value compared with the geography {@code benchmark} instead of Riket. Compared
     * with Riket, the values {@code marts} kept for exactly this request and state are read
     * ({@link #keep}: PxWebApi 2's tables and the release file ask the same), else computed.
     */
    public static List<ReleasedValue> values(Warehouse warehouse, String code, CellFilter filter, Confidence confidence, String benchmark) {
        if (IndicatorEngine.RIKET.equals(benchmark)) {
            byte[] kept = Kept.read(warehouse, KIND, keptKey(warehouse, code, filter, confidence));
            if (kept != null) {
                return unpacked(kept);
            }
        }
        return computed(warehouse, code, filter, confidence, benchmark);
    }

    /** The kind of the released values kept in the warehouse (kept_result). */
    static final String KIND = "released-values";

    /**
     * Keeps the released values of {@code code} in the cells of {@code filter} (compared with Riket)
     * in the warehouse for later processes ({@code marts}); false when they were kept already.
     */
    public static boolean keep(Warehouse warehouse, String code, CellFilter filter, Confidence confidence) {
        String key = keptKey(warehouse, code, filter, confidence);
        if (Kept.confirm(warehouse, KIND, key)) {
            return false;
        }
        Kept.write(warehouse, KIND, key, packed(computed(warehouse, code, filter, confidence, IndicatorEngine.RIKET)));
        return true;
    }

    /** A kept request's key: what was asked, the exact batches of the indicator's and its family's sources, the thresholds and the code. */
    private static String keptKey(Warehouse warehouse, String code, CellFilter filter, Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        java.util.SortedSet<String> sources = new java.util.TreeSet<>(Indicator.sourcesRead(List.of(indicator)));
        sources.addAll(Patterns.sources(warehouse, indicator.disclosureFamily()));
        return code + "|" + filter + "|" + confidence.level() + "|" + Disclosure.thresholds(warehouse) + "|"
                + Kept.batches(warehouse, sources) + "|" + Kept.code();
    }

    private static byte[] packed(List<ReleasedValue> values) {
        var out = new Packed.Out();
        out.integer(values.size());
        for (ReleasedValue v : values) {
            v.cell().writeTo(out);
            out.integer(v.suppressed() ? 1 : 0);
            if (v.suppressed()) { // a hidden value is its cell and its indicator's method ({@link ReleasedValue#hidden})
                out.text(v.estimate().method());
                continue;
            }
            out.number(v.numerator()).number(v.denominator());
            write(out, v.estimate());
            write(out, v.limits998());
            out.text(v.comparison()).text(v.reason());
        }
        return out.bytes();
    }

    private static List<ReleasedValue> unpacked(byte[] bytes) {
        var in = new Packed.In(bytes);
        int n = in.integer();
        List<ReleasedValue> values = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cell cell = Cell.readFrom(in);
            values.add(in.integer() == 1 ? ReleasedValue.hidden(cell, in.text())
                    : new ReleasedValue(cell, in.number(), in.number(), read(in), read(in), in.text(), false, in.text()));
        }
        return values;
    }

    private static void write(Packed.Out out, Estimate e) {
        out.integer(e == null ? 0 : 1);
        if (e != null) {
            out.number(e.value()).number(e.lower()).number(e.upper()).text(e.method()).number(e.standardError());
        }
    }

    private static Estimate read(Packed.In in) {
        return in.integer() == 0 ? null : new Estimate(in.number(), in.number(), in.number(), in.text(), in.number());
    }

    /** The released values computed from the warehouse. */
    private static List<ReleasedValue> computed(Warehouse warehouse, String code, CellFilter filter, Confidence confidence, String benchmark) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Map<Integer, DisclosurePattern> patterns = new java.util.HashMap<>();
        List<ReleasedValue> released = Disclosure.apply(warehouse, indicator, filter,
                IndicatorEngine.values(warehouse, code, filter, confidence, benchmark), patterns);
        String level = IndicatorEngine.RIKET.equals(benchmark) ? "country" : benchmark.matches("\\d{2}") ? "region" : "healthcare_region";
        // a comparison with a hidden benchmark would tell something of it: such cells are not compared
        return released.stream().map(v -> v.suppressed() || v.cell().geoCode().equals(benchmark)
                        || !patterns.get(Disclosure.year(v.cell())).hidden(v.cell().withGeo(level, benchmark)) ? v
                        : new ReleasedValue(v.cell(), v.numerator(), v.denominator(), v.estimate(), v.limits998(), "not compared", false,
                                v.reason()))
                .toList();
    }

    /**
     * Equity for one geography at one period × diagnosis × age group: its value for both sexes, women
     * and men; the gap women − men (null when a part is hidden or the method has no such test); and,
     * for proportions at region level, its funnel limits around Riket and its position.
     */
    public record EquityRow(Cell cell, ReleasedValue both, ReleasedValue women, ReleasedValue men, SexComparisons.SexGap gap,
                            Estimate funnel95, Estimate funnel998, Funnels.Position position) implements java.io.Serializable {
    }

    /**
     * @param inequality summaries over the regions whose value is released (null when fewer than two)
     * @param regionsHidden units of the level (regions or healthcare regions) left out of the funnel and the
     *                      summaries by disclosure control
     * @param level         region or healthcare_region
     */
    public record Equity(String indicatorCode, String period, String diagnosis, String ageGroup, double nationalValue,
                         List<EquityRow> rows, Inequality inequality, int regionsHidden, String funnelMethod, String level) implements java.io.Serializable {
    }

    /**
     * Women vs men and the regions against Riket for {@code period}, {@code diagnosis}, {@code ageGroup}:
     * one row per region and one for Riket. Sex gaps are adjusted (Benjamini–Hochberg) over the
     * released gaps only.
     */
    public static Equity equity(Warehouse warehouse, String code, String period, String diagnosis, String ageGroup, Confidence confidence) {
        return equity(warehouse, code, period, diagnosis, ageGroup, "region", confidence);
    }

    /**
     * The same at {@code level}: the regions ("region") or the healthcare regions
     * ("healthcare_region", Halland split), each against Riket, so a gap hidden in small regions can
     * be tested one level up.
     */
    public static Equity equity(Warehouse warehouse, String code, String period, String diagnosis, String ageGroup, String level,
                                Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        CellFilter filter = new CellFilter(List.of(period), null, List.of(), List.of(diagnosis), List.of(), List.of(ageGroup));
        return equity(indicator, Disclosure.apply(warehouse, indicator, filter, IndicatorEngine.values(warehouse, code, filter, confidence),
                new java.util.HashMap<>()), period, diagnosis, ageGroup, level, confidence);
    }

    /**
     * The same from released values alone (the warehouse's, or a release file's): {@code values}
     * holds at least the cells of {@code period} × {@code diagnosis} × {@code ageGroup} for Riket and
     * every unit of {@code level}, each sex; every gap, funnel and summary is computed from the
     * released numbers, so nothing hidden enters a comparison.
     */
    public static Equity equity(Indicator indicator, java.util.Collection<ReleasedValue> values, String period, String diagnosis,
                                String ageGroup, String level, Confidence confidence) {
        Map<Cell, ReleasedValue> released = values.stream()
                .filter(v -> v.cell().periodCode().equals(period) && v.cell().diagnosisCode().equals(diagnosis)
                        && v.cell().ageGroupCode().equals(ageGroup))
                .filter(v -> v.cell().geoLevel().equals(level) || v.cell().geoLevel().equals("country"))
                .collect(Collectors.toMap(ReleasedValue::cell, Function.identity()));
        Set<String> comparable = new HashSet<>();
        for (Cell both : released.keySet()) {
            if (both.sexCode() == 3 && allReleased(released, both, both.withSex(1), both.withSex(2))) {
                comparable.add(both.geoCode());
            }
        }
        boolean testable = se.lagesbild.warehouse.indicators.ComparableMethods.comparable(indicator);
        Map<Cell, SexComparisons.SexGap> gaps = !testable || comparable.isEmpty() ? Map.of()
                : SexComparisons.of(indicator, released.values().stream().filter(v -> v.cell().sexCode() != 3
                        && comparable.contains(v.cell().geoCode())).map(Released::measured).toList(), confidence).stream()
                        .collect(Collectors.toMap(SexComparisons.SexGap::cell, Function.identity()));
        Map<String, RegionComparisons.RegionPoint> funnel = Map.of();
        double national = Double.NaN;
        String funnelMethod = null;
        Cell riket = new Cell(period, "country", "00", diagnosis, 3, ageGroup);
        if (indicator.method().equals("proportion") && allReleased(released, riket)) {
            Map<Cell, double[]> units = new java.util.LinkedHashMap<>();
            for (ReleasedValue v : released.values()) {
                if (v.cell().geoLevel().equals(level) && v.cell().sexCode() == 3 && !v.suppressed()) {
                    units.put(v.cell(), new double[] {v.numerator(), v.denominator()});
                }
            }
            ReleasedValue r = released.get(riket);
            RegionComparisons.Result result = RegionComparisons.of(indicator, Map.entry(riket, new double[] {r.numerator(), r.denominator()}),
                    units, confidence);
            national = result.nationalValue();
            funnelMethod = result.funnelMethod();
            funnel = result.regions().stream().collect(Collectors.toMap(RegionComparisons.RegionPoint::regionCode, Function.identity()));
        } else if (allReleased(released, riket)) {
            national = released.get(riket).estimate().value();
        }
        List<EquityRow> rows = new ArrayList<>();
        List<double[]> regionValues = new ArrayList<>();
        int hidden = 0;
        for (ReleasedValue both : released.values().stream().filter(v -> v.cell().sexCode() == 3)
                .sorted(java.util.Comparator.comparing(ReleasedValue::cell, Cell.ORDER)).toList()) {
            Cell cell = both.cell();
            RegionComparisons.RegionPoint point = funnel.get(cell.geoCode());
            boolean region = cell.geoLevel().equals(level);
            if (region && both.suppressed()) {
                hidden++;
            } else if (region && both.estimate().available()) {
                regionValues.add(new double[] {both.estimate().value(), both.denominator()});
            }
            rows.add(new EquityRow(cell, both, released.get(cell.withSex(2)), released.get(cell.withSex(1)), gaps.get(cell),
                    point == null ? null : point.limits95(), point == null ? null : point.limits998(), point == null ? null : point.position()));
        }
        Inequality inequality = regionValues.size() < 2 ? null : Inequality.of(regionValues.stream().mapToDouble(v -> v[0]).toArray(),
                regionValues.stream().mapToDouble(v -> v[1]).toArray(), !indicator.lowerIsBetter());
        return new Equity(indicator.code(), period, diagnosis, ageGroup, national, rows, inequality, hidden, funnelMethod, level);
    }

    /** A released value as the comparisons read it: its counts, estimate and limits. */
    private static IndicatorValue measured(ReleasedValue v) {
        return new IndicatorValue(v.cell(), v.numerator(), v.denominator(), v.estimate(), v.limits998(), v.comparison());
    }

    private static boolean allReleased(Map<Cell, ReleasedValue> released, Cell... cells) {
        for (Cell cell : cells) {
            ReleasedValue v = released.get(cell);
            if (v == null || v.suppressed()) {
                return false;
            }
        }
        return true;
    }

    /** A baseline comparison of one cell; {@code change} is null when either period's value is hidden. */
    public record ReleasedChange(Cell cell, BaselineComparisons.Change change, boolean suppressed, String reason) {
    }

    /** The baseline comparisons of the cells of {@code filter}, each released only when both its values are. */
    public static List<ReleasedChange> baseline(Warehouse warehouse, String code, String baseline, String followUp, CellFilter filter,
                                                Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        List<String> periods = BaselineComparisons.periods(indicator, baseline, followUp);
        return baseline(indicator, values(warehouse, code, filter.periods(periods.toArray(String[]::new)), confidence), baseline, followUp,
                confidence);
    }

    /**
     * The same from released values alone (the warehouse's, or a release file's): {@code values}
     * holds the cells to compare in both periods and, for the trend test, in the years between
     * ({@link BaselineComparisons#periods}). A change is computed from the two released values only,
     * and released only when both are; a trend over a hidden year is not computed.
     */
    public static List<ReleasedChange> baseline(Indicator indicator, java.util.Collection<ReleasedValue> values, String baseline,
                                                String followUp, Confidence confidence) {
        Map<Cell, ReleasedValue> released = new java.util.HashMap<>();
        List<IndicatorValue> measured = new ArrayList<>();
        Set<Cell> hidden = new HashSet<>();
        for (ReleasedValue v : values) {
            released.put(v.cell(), v);
            if (v.suppressed()) {
                hidden.add(v.cell());
            } else {
                measured.add(measured(v));
            }
        }
        Map<Cell, BaselineComparisons.Change> computed = BaselineComparisons.of(indicator, measured, hidden, baseline, followUp, confidence)
                .stream().collect(Collectors.toMap(BaselineComparisons.Change::cell, Function.identity()));
        List<ReleasedChange> changes = new ArrayList<>();
        for (Cell before : released.keySet().stream().filter(c -> c.periodCode().equals(baseline)).sorted(Cell.ORDER).toList()) {
            ReleasedValue after = released.get(before.inPeriod(followUp));
            if (after == null) {
                continue;
            }
            ReleasedValue first = released.get(before);
            String reason = first.suppressed() ? baseline + ": " + first.reason() : after.suppressed() ? followUp + ": " + after.reason() : null;
            changes.add(reason == null ? new ReleasedChange(after.cell(), computed.get(after.cell()), false, null)
                    : new ReleasedChange(after.cell(), null, true, reason));
        }
        return changes;
    }
}
