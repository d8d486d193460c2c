package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellCounts;
import se.lagesbild.warehouse.indicators.EquityGroups;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * Which cells of one disclosure family in one calendar year are hidden, and why: decided once over
 * every hierarchy of the year (geography with Halland's split, sex, age, months to years, diagnoses)
 * for all the family's indicators together, so no released figure of any of them recovers a hidden
 * one by subtraction, and no table asked for a part hides differently from the whole.
 *
 * @param family    the disclosure family (indicators counting the same people)
 * @param year      the calendar year; every period code of the year belongs to it
 * @param reasons   hidden cell → why (primary: the threshold it falls below; secondary: the cell it protects)
 * @param primary   cells hidden because their own count is below a threshold
 * @param secondary cells hidden so that no hidden cell can be recovered or narrowed
 * @param cells     cells in the year (of any of the family's indicators)
 * @param protects  each secondary cell → the hidden cell it was hidden for (for the audit's report;
 *                  never released: the pairs would help an attacker)
 * @param axes      each of the family's indicators → its codes in the year: every combination of them is
 *                  published, a combination without data as a hidden cell ({@link Axes})
 */
public record DisclosurePattern(String family, int year, Map<Cell, String> reasons, int primary, int secondary, int cells,
                                Map<Cell, Cell> protects, Map<String, Axes> axes) {

    /** Why {@code cell} is hidden, or null when it is released. */
    public String reason(Cell cell) {
        return reasons.get(cell);
    }

    /** Whether a threshold hid the cell (a primary suppression), not a complement. */
    boolean primary(Cell cell) {
        String reason = reason(cell);
        return reason != null && reason.contains("primary");
    }

    public boolean hidden(Cell cell) {
        return reasons.containsKey(cell);
    }

    /** The pattern as a kept result's bytes ({@link #unpacked} reads them back, maps in the same order). */
    byte[] packed() {
        var out = new se.lagesbild.warehouse.kept.Packed.Out();
        out.text(family).integer(year).integer(primary).integer(secondary).integer(cells).integer(reasons.size());
        reasons.forEach((cell, reason) -> {
            cell.writeTo(out);
            out.text(reason);
        });
        out.integer(protects.size());
        protects.forEach((cell, protectedCell) -> {
            cell.writeTo(out);
            protectedCell.writeTo(out);
        });
        out.integer(axes.size());
        axes.forEach((indicator, a) -> {
            out.text(indicator);
            a.writeTo(out);
        });
        return out.bytes();
    }

    static DisclosurePattern unpacked(byte[] bytes) {
        var in = new se.lagesbild.warehouse.kept.Packed.In(bytes);
        String family = in.text();
        int year = in.integer();
        int primary = in.integer();
        int secondary = in.integer();
        int cells = in.integer();
        Map<Cell, String> reasons = new LinkedHashMap<>();
        for (int n = in.integer(); n > 0; n--) {
            reasons.put(Cell.readFrom(in), in.text());
        }
        Map<Cell, Cell> protects = new LinkedHashMap<>();
        for (int n = in.integer(); n > 0; n--) {
            protects.put(Cell.readFrom(in), Cell.readFrom(in));
        }
        Map<String, Axes> axes = new LinkedHashMap<>();
        for (int n = in.integer(); n > 0; n--) {
            axes.put(in.text(), Axes.readFrom(in));
        }
        return new DisclosurePattern(family, year, java.util.Collections.unmodifiableMap(reasons), primary, secondary, cells,
                java.util.Collections.unmodifiableMap(protects), java.util.Collections.unmodifiableMap(axes));
    }

    /** The periods of a year: the year, its half-years, quarters and months. */
    static List<String> periods(int year) {
        List<String> periods = new ArrayList<>();
        String y = String.valueOf(year);
        periods.add(y);
        for (String half : Hierarchy.subPeriods(y)) {
            periods.add(half);
            for (String quarter : Hierarchy.subPeriods(half)) {
                periods.add(quarter);
                periods.addAll(Hierarchy.subPeriods(quarter));
            }
        }
        return periods;
    }

    /**
     * Decides the pattern of {@code family} in {@code year} from its indicators' counts.
     *
     * @param counts each of the family's indicators' counts in the year's cells
     */
    static DisclosurePattern decide(String family, int year, List<CellCounts> counts, DisclosureRules rules, Hierarchy.Dimensions dimensions,
                                    boolean monthRule) {
        DisclosurePattern decided = decideCells(family, year, counts, rules, dimensions, monthRule);
        return new DisclosurePattern(family, year, decided.reasons(), decided.primary(), decided.secondary(), decided.cells(), decided.protects(),
                java.util.Collections.unmodifiableMap(Axes.byIndicator(counts, dimensions)));
    }

    /** The same without the axes (the listing), which only the outer pattern needs. */
    private static DisclosurePattern decideCells(String family, int year, List<CellCounts> counts, DisclosureRules rules,
                                                 Hierarchy.Dimensions dimensions, boolean monthRule) {
        // Population groups (education, country of birth, income) are a breakdown beside the figures every reader uses: the
        // pattern of those figures is decided first, as if there were no groups, and then stays; the groups' own small cells
        // are then protected by hiding other groups (found on the demo: with one pass, Stockholm's and Uppsala's shares
        // within the lead time were hidden to protect their pathways of unknown country of birth).
        boolean grouped = grouped(counts);
        DisclosurePattern before = grouped ? decideCells(family, year, withoutGroups(counts), rules, dimensions, monthRule) : null;
        Map<Cell, Integer> index = new LinkedHashMap<>();
        counts.forEach(c -> c.byCell().keySet().stream().sorted(Cell.ORDER).forEach(cell -> index.putIfAbsent(cell, index.size())));
        List<Cell> cells = new ArrayList<>(index.keySet());
        Quantities q = Quantities.of(counts, cells, index);
        Hierarchy.Structure structure = Hierarchy.of(cells, dimensions);
        Block block = new Block(cells, structure, q.values(), q.names(), q.orderedPairs());
        boolean[] primary = new boolean[cells.size()];
        String[] why = new String[cells.size()];
        int[][] sensitive = new int[cells.size()][];
        Suppression.Protection[] protection = new Suppression.Protection[cells.size()];
        java.util.Arrays.fill(protection, Suppression.Protection.NONE);
        double[] cost = Cost.of(cells, q);
        for (int n = 0; n < cells.size(); n++) {
            Cell cell = cells.get(n);
            List<Integer> vars = new ArrayList<>();
            for (int[] s : q.sensitive()) {
                double count = q.values()[n][s[0]];
                if (Double.isNaN(count)) {
                    continue;
                }
                vars.add(block.variable[n][s[0]]);
                int threshold = rules.threshold(s[1]);
                boolean month = monthRule && cell.periodCode().matches("\\d{4}-\\d{2}") && count < rules.month();
                if ((count < threshold || month) && !primary[n]) {
                    primary[n] = true;
                    why[n] = month && count >= threshold ? "a month with fewer than " + rules.month() + " treatment starts (primary suppression)"
                            : "fewer than " + threshold + (s[1] == Quantities.CASES ? " cases" : " patients") + " (primary suppression)";
                    protection[n] = new Suppression.Protection(threshold, rules.interval());
                }
            }
            sensitive[n] = vars.stream().mapToInt(Integer::intValue).toArray();
        }
        boolean[] hiddenBefore = new boolean[cells.size()];
        boolean[] fixed = new boolean[cells.size()];
        if (before != null) {
            for (int n = 0; n < cells.size(); n++) {
                Cell cell = cells.get(n);
                fixed[n] = !ofGroup(cell);
                hiddenBefore[n] = fixed[n] && before.reasons().containsKey(cell);
                if (hiddenBefore[n] && !primary[n]) {
                    why[n] = before.reasons().get(cell);
                }
            }
        }
        Suppression.Result result = Suppression.decide(block, primary, hiddenBefore, fixed, sensitive, protection, cost);
        Map<Cell, String> reasons = new LinkedHashMap<>();
        Map<Cell, Cell> protects = new LinkedHashMap<>();
        for (int n = 0; n < cells.size(); n++) {
            if (result.hidden()[n]) {
                reasons.put(cells.get(n), primary[n] || hiddenBefore[n] && why[n] != null ? why[n]
                        : "hidden so that a suppressed cell cannot be recovered from it by subtraction (secondary suppression)");
            }
            if (result.protects()[n] >= 0 && !primary[n]) {
                protects.put(cells.get(n), cells.get(result.protects()[n]));
            }
        }
        return new DisclosurePattern(family, year, java.util.Collections.unmodifiableMap(reasons), result.primary(), result.secondary(),
                cells.size(), java.util.Collections.unmodifiableMap(protects), Map.of());
    }

    /** Whether any of the counts is of a population group, so that the pattern is decided in two steps. */
    static boolean grouped(List<CellCounts> counts) {
        return counts.stream().anyMatch(c -> c.byCell().keySet().stream().anyMatch(DisclosurePattern::ofGroup));
    }

    /** Whether a cell is a population group's (education, country of birth, income), decided in the second step. */
    static boolean ofGroup(Cell cell) {
        return EquityGroups.isGroup(cell.ageGroupCode());
    }

    /** The counts without the population groups' cells: the figures the first step decides. */
    static List<CellCounts> withoutGroups(List<CellCounts> counts) {
        return counts.stream().map(c -> {
            Map<Cell, double[]> kept = new LinkedHashMap<>();
            c.byCell().forEach((cell, values) -> {
                if (!ofGroup(cell)) {
                    kept.put(cell, values);
                }
            });
            return new CellCounts(c.indicator(), c.names(), c.sensitive(), c.kind(), kept);
        }).toList();
    }

    /** The family's counts as one matrix of quantities (identical columns shared), and which are sensitive. */
    record Quantities(List<String> names, double[][] values, List<int[]> sensitive, int[][] orderedPairs) {
        static final int PATIENTS = 0;
        static final int CASES = 1;

        static Quantities of(List<CellCounts> counts, List<Cell> cells, Map<Cell, Integer> index) {
            List<double[]> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<int[]> sensitive = new ArrayList<>();
            List<int[]> pairs = new ArrayList<>();
            for (CellCounts c : counts) {
                int[] at = new int[c.names().size()];
                for (int k = 0; k < at.length; k++) {
                    double[] column = new double[cells.size()];
                    java.util.Arrays.fill(column, Double.NaN);
                    int kk = k;
                    c.byCell().forEach((cell, values) -> column[index.get(cell)] = values[kk]);
                    at[k] = indexOf(columns, column);
                    if (at[k] < 0) {
                        at[k] = columns.size();
                        columns.add(column);
                        names.add(c.indicator().code() + "." + c.names().get(k));
                    }
                }
                int[] s = {at[c.sensitive()], c.kind().equals("cases") ? CASES : PATIENTS};
                if (sensitive.stream().noneMatch(x -> x[0] == s[0])) {
                    sensitive.add(s);
                }
                if (c.names().size() == 2 && c.indicator().method().equals("proportion")) {
                    pairs.add(new int[] {at[0], at[1]});
                }
            }
            double[][] values = new double[cells.size()][columns.size()];
            for (int n = 0; n < cells.size(); n++) {
                for (int k = 0; k < columns.size(); k++) {
                    values[n][k] = columns.get(k)[n];
                }
            }
            return new Quantities(names, values, sensitive, pairs.toArray(int[][]::new));
        }

        private static int indexOf(List<double[]> columns, double[] column) {
            for (int i = 0; i < columns.size(); i++) {
                if (java.util.Arrays.equals(columns.get(i), column)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The indicators of {@code all} in {@code family}. */
    static List<Indicator> members(List<Indicator> all, String family) {
        return all.stream().filter(i -> i.disclosureFamily().equals(family)).toList();
    }
}
