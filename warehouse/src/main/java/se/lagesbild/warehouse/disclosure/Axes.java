package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.EquityGroups;
import se.lagesbild.warehouse.kept.Packed;

/**
 * The codes one indicator has in one calendar year, dimension by dimension: the table a reader is
 * given for the year is every combination of them ({@link #cells}), and a combination without data
 * is published exactly as a hidden cell is. A table that left empty cells out would tell that a
 * listed hidden cell holds at least one patient; with every combination listed, a hidden cell may be
 * 0, which is what the protection assumes (issue 31, presence).
 *
 * <p>A mart crosses some dimensions only at another's total (SVF's age bands exist for all diagnoses
 * together, a diagnosis for all ages), so the codes are kept per stratum: whether the diagnosis is
 * all diagnoses, and the kind of age group (all ages, a band, a broad group, a population group's
 * dimension). The combinations are taken within each stratum.
 *
 * <p>Geography, diagnoses and age are listed whole from the reference, women and men both wherever
 * either is, every month up to the latest with data. What remains public is that each stratum has
 * data, and the latest month: their totals are at least 1 ({@code disclosure-audit} attacks with
 * that, {@link #margins}).
 */
public record Axes(List<Codes> strata, Map<String, Integer> sexOnly) {

    /**
     * One stratum's codes, each dimension sorted.
     *
     * @param geos each geography as {@code level:code}
     */
    public record Codes(List<String> periods, List<String> geos, List<String> diagnoses, List<Integer> sexes, List<String> ages) {
    }

    /**
     * The codes of {@code cells} (one indicator's, in one year) by stratum. Geography, diagnoses and
     * age are listed whole from the reference (every region, healthcare region and Riket of a level
     * the stratum has; every diagnosis of a kind it has, in the sex it is restricted to; every age band
     * of the indicator's {@code scope}, every group of a population dimension), so that no region,
     * diagnosis or age band is listed only because it has patients; every month up to the latest the
     * stratum has ({@link #periods}); women and men both where either is.
     */
    static Axes of(java.util.Collection<Cell> cells, Hierarchy.Dimensions dimensions, String scope) {
        // each stratum's distinct codes first (a table has many cells and few codes), then each code widened once
        Map<String, List<java.util.Set<Object>>> seen = new java.util.TreeMap<>();
        for (Cell c : cells) {
            List<java.util.Set<Object>> codes = seen.computeIfAbsent(stratum(c, dimensions.ageKinds()), k -> {
                List<java.util.Set<Object>> sets = new ArrayList<>();
                for (int d = 0; d < 5; d++) {
                    sets.add(new java.util.HashSet<>());
                }
                return sets;
            });
            codes.get(0).add(c.periodCode());
            codes.get(1).add(c.geoLevel() + ":" + c.geoCode());
            codes.get(2).add(c.diagnosisCode());
            codes.get(3).add(c.sexCode());
            codes.get(4).add(c.ageGroupCode());
        }
        Map<String, List<TreeSet<Object>>> strata = new java.util.TreeMap<>();
        seen.forEach((stratum, raw) -> {
            List<TreeSet<Object>> codes = new ArrayList<>();
            codes.add(new TreeSet<>(raw.get(0)));
            TreeSet<Object> geos = new TreeSet<>();
            raw.get(1).forEach(g -> geos.addAll(level(((String) g).split(":", 2)[0], ((String) g).split(":", 2)[1], dimensions)));
            codes.add(geos);
            TreeSet<Object> diagnoses = new TreeSet<>();
            raw.get(2).forEach(d -> diagnoses.addAll(diagnoses((String) d, dimensions.diagnosisKinds())));
            codes.add(diagnoses);
            codes.add(new TreeSet<>(raw.get(3)));
            TreeSet<Object> ages = new TreeSet<>();
            raw.get(4).forEach(age -> ages.addAll(kind((String) age, dimensions.ageKinds(), scope)));
            codes.add(ages);
            strata.put(stratum, codes);
        });
        List<Codes> list = new ArrayList<>();
        strata.values().forEach(codes -> list.add(new Codes(periods(strings(codes.get(0))), strings(codes.get(1)), strings(codes.get(2)),
                sexes(codes.get(3).stream().map(x -> (Integer) x).toList()), strings(codes.get(4)))));
        Map<String, Integer> sexOnly = new java.util.TreeMap<>();
        list.forEach(codes -> codes.diagnoses().stream().filter(dimensions.sexRestrictions()::containsKey)
                .forEach(d -> sexOnly.put(d, dimensions.sexRestrictions().get(d))));
        return new Axes(List.copyOf(list), java.util.Collections.unmodifiableMap(sexOnly));
    }

    /**
     * The periods listed: the year, and other periods, as they occur; every month, quarter and
     * half-year of a kind the stratum has, up to the latest month it has data for (the end of its
     * latest quarter or half-year when it has no months), so that a month without data is listed, hidden.
     */
    static List<String> periods(List<String> seen) {
        boolean months = seen.stream().anyMatch(p -> p.matches(MONTH));
        int latest = seen.stream().filter(p -> !months || p.matches(MONTH)).mapToInt(Axes::lastMonth).max().orElse(0);
        TreeSet<String> periods = new TreeSet<>(seen);
        for (String p : seen) {
            String year = p.substring(0, 4);
            if (p.matches(MONTH)) {
                for (int m = 1; m <= latest; m++) {
                    periods.add(year + "-" + (m < 10 ? "0" : "") + m);
                }
            } else if (p.matches("\\d{4}[QH]\\d")) {
                int length = p.charAt(4) == 'Q' ? 3 : 6;
                for (int k = 1; k <= (latest + length - 1) / length; k++) {
                    periods.add(year + p.charAt(4) + k);
                }
            }
        }
        return List.copyOf(periods);
    }

    private static final String MONTH = "\\d{4}-\\d{2}";

    /** The last month of a month, quarter or half-year (0 for a year or another period). */
    private static int lastMonth(String period) {
        if (period.matches(MONTH)) {
            return Integer.parseInt(period.substring(5));
        }
        return period.matches("\\d{4}Q[1-4]") ? 3 * (period.charAt(5) - '0') : period.matches("\\d{4}H[12]") ? 6 * (period.charAt(5) - '0') : 0;
    }

    /** The sexes listed: women and men both wherever either is (a sex split is structure), else as they occur. */
    private static List<Integer> sexes(List<Integer> seen) {
        TreeSet<Integer> sexes = new TreeSet<>(seen);
        if (sexes.contains(1) || sexes.contains(2)) {
            sexes.add(1);
            sexes.add(2);
        }
        return List.copyOf(sexes);
    }

    /** Every geography of a level, as {@code level:code}: the regions, the healthcare regions, Riket. */
    private static List<String> level(String level, String code, Hierarchy.Dimensions dimensions) {
        java.util.Collection<String> codes = switch (level) {
            case "region" -> dimensions.healthcareRegions().keySet();
            case "healthcare_region" -> dimensions.healthcareRegions().values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet());
            default -> List.of(code);
        };
        return codes.stream().map(c -> level + ":" + c).toList();
    }

    /**
     * Every age group of an age group's kind when it partitions a total (every band, every group of a
     * population dimension); a total (all ages, adults, children, an open top) alone.
     */
    private static List<String> kind(String age, Map<String, String> ageKinds, String scope) {
        String kind = ageKinds.get(age);
        if (kind == null || List.of("total", "broad", "open_top").contains(kind)) {
            return List.of(age);
        }
        return ageKinds.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey)
                .filter(a -> !kind.equals("band") || withinScope(a, scope)).toList();
    }

    /** Whether an age band (0-4, …, 90+) holds ages the indicator's scope covers: adults from 18, children up to 17, or both. */
    static boolean withinScope(String band, String scope) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:-(\\d+)|\\+)").matcher(band);
        if (!m.matches()) {
            return true;
        }
        int lower = Integer.parseInt(m.group(1));
        int upper = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        return switch (scope == null ? "both" : scope) {
            case "adult" -> upper >= 18;
            case "child" -> lower <= 17;
            default -> true;
        };
    }

    /** Every diagnosis of a diagnosis's kind (every SVF pathway, every site group); all diagnoses, or a code of no known kind, alone. */
    private static List<String> diagnoses(String diagnosis, Map<String, String> diagnosisKinds) {
        String kind = diagnosisKinds.get(diagnosis);
        return kind == null ? List.of(diagnosis)
                : diagnosisKinds.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey).toList();
    }

    private static List<String> strings(TreeSet<Object> codes) {
        return codes.stream().map(String::valueOf).toList();
    }

    /** A cell's stratum: all diagnoses or one, and its age group's kind. */
    private static String stratum(Cell c, Map<String, String> ageKinds) {
        return (c.diagnosisCode().equals("ALL") ? "all diagnoses" : "a diagnosis") + "|" + ageKinds.getOrDefault(c.ageGroupCode(), c.ageGroupCode());
    }

    /**
     * Every combination of the codes that {@code filter} takes, stratum by stratum, in {@link Cell#ORDER}.
     * Without age groups in the filter, population groups are left out, as the engine reads them only when asked.
     */
    List<Cell> cells(CellFilter filter) {
        java.util.Set<Cell> cells = new java.util.HashSet<>();
        for (Codes codes : strata) {
            List<String> p = codes.periods().stream().filter(x -> filter.periods().isEmpty() || filter.periods().contains(x)).toList();
            List<String> g = codes.geos().stream().filter(x -> {
                String[] levelAndCode = x.split(":", 2);
                return (filter.geoLevel() == null || filter.geoLevel().equals(levelAndCode[0]))
                        && (filter.geoCodes().isEmpty() || filter.geoCodes().contains(levelAndCode[1]));
            }).toList();
            List<String> d = codes.diagnoses().stream().filter(x -> filter.diagnoses().isEmpty() || filter.diagnoses().contains(x)).toList();
            List<Integer> s = codes.sexes().stream().filter(x -> filter.sexes().isEmpty() || filter.sexes().contains(x)).toList();
            List<String> a = codes.ages().stream()
                    .filter(x -> filter.ageGroups().isEmpty() ? !EquityGroups.isGroup(x) : filter.ageGroups().contains(x)).toList();
            for (String period : p) {
                for (String geo : g) {
                    String[] levelAndCode = geo.split(":", 2);
                    for (String diagnosis : d) {
                        Integer only = sexOnly.get(diagnosis);
                        for (int sex : s) {
                            if (only != null && sex != 3 && sex != only) {
                                continue; // prostate cancer has no women
                            }
                            for (String age : a) {
                                cells.add(new Cell(period, levelAndCode[0], levelAndCode[1], diagnosis, sex, age));
                            }
                        }
                    }
                }
            }
        }
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(Cell.ORDER);
        return sorted;
    }

    void writeTo(Packed.Out out) {
        out.integer(sexOnly.size());
        sexOnly.forEach((diagnosis, sex) -> out.text(diagnosis).integer(sex));
        out.integer(strata.size());
        for (Codes codes : strata) {
            for (List<String> list : List.of(codes.periods(), codes.geos(), codes.diagnoses(), codes.ages())) {
                out.integer(list.size());
                list.forEach(out::text);
            }
            out.integer(codes.sexes().size());
            codes.sexes().forEach(out::integer);
        }
    }

    static Axes readFrom(Packed.In in) {
        Map<String, Integer> sexOnly = new java.util.TreeMap<>();
        for (int n = in.integer(); n > 0; n--) {
            sexOnly.put(in.text(), in.integer());
        }
        List<Codes> strata = new ArrayList<>();
        for (int k = in.integer(); k > 0; k--) {
            List<List<String>> lists = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                List<String> list = new ArrayList<>();
                for (int n = in.integer(); n > 0; n--) {
                    list.add(in.text());
                }
                lists.add(List.copyOf(list));
            }
            List<Integer> sexes = new ArrayList<>();
            for (int n = in.integer(); n > 0; n--) {
                sexes.add(in.integer());
            }
            strata.add(new Codes(lists.get(0), lists.get(1), lists.get(2), List.copyOf(sexes), lists.get(3)));
        }
        return new Axes(List.copyOf(strata), java.util.Collections.unmodifiableMap(sexOnly));
    }

    /**
     * The cells whose count an attacker knows to be at least 1 from the listing alone: for each
     * indicator and stratum, the stratum's largest cell (the stratum is listed because it has data)
     * and the latest month's largest cell (the months are listed up to the latest with data). Taking
     * the largest cell to be at least 1 gives the attacker more than the listing tells (that some cell
     * of the stratum, or of the month, holds 1), so an audit with these floors errs on the safe side.
     * Marked by index in {@code cells}.
     */
    static boolean[] margins(List<se.lagesbild.warehouse.indicators.CellCounts> counts, List<Cell> cells, Hierarchy.Dimensions dimensions) {
        Map<Cell, Integer> index = new java.util.HashMap<>();
        for (int n = 0; n < cells.size(); n++) {
            index.put(cells.get(n), n);
        }
        boolean[] marked = new boolean[cells.size()];
        for (var c : counts) {
            Map<String, String> latestMonth = new java.util.HashMap<>();
            c.byCell().keySet().stream().filter(cell -> cell.periodCode().matches("\\d{4}-\\d{2}")).forEach(cell -> latestMonth.merge(
                    stratum(cell, dimensions.ageKinds()), cell.periodCode(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
            Map<String, Cell> largest = new java.util.HashMap<>();
            c.byCell().keySet().forEach(cell -> {
                String stratum = stratum(cell, dimensions.ageKinds());
                largest.merge(stratum, cell, (a, b) -> count(c, b) > count(c, a) ? b : a);
                if (cell.periodCode().equals(latestMonth.get(stratum))) {
                    largest.merge(stratum + "|latest month", cell, (a, b) -> count(c, b) > count(c, a) ? b : a);
                }
            });
            largest.values().forEach(cell -> marked[index.get(cell)] = true);
        }
        return marked;
    }

    private static double count(se.lagesbild.warehouse.indicators.CellCounts c, Cell cell) {
        double v = c.byCell().get(cell)[c.sensitive()];
        return Double.isNaN(v) ? -1 : v;
    }

    /** Each indicator's axes in one year, from its cells. */
    static Map<String, Axes> byIndicator(List<se.lagesbild.warehouse.indicators.CellCounts> counts, Hierarchy.Dimensions dimensions) {
        Map<String, Axes> axes = new java.util.LinkedHashMap<>();
        counts.forEach(c -> axes.put(c.indicator().code(), of(c.byCell().keySet(), dimensions, c.indicator().scope())));
        return axes;
    }
}
