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
 * <p>Geography, diagnoses and age are listed whole from the reference. What remains public is that
 * each period and sex listed occurs somewhere in the year: its total over the other dimensions is at
 * least 1 ({@code disclosure-audit --presence} attacks with exactly that, {@link #margins}).
 */
public record Axes(List<Codes> strata) {

    /**
     * One stratum's codes, each dimension sorted.
     *
     * @param geos each geography as {@code level:code}
     */
    public record Codes(List<String> periods, List<String> geos, List<String> diagnoses, List<Integer> sexes, List<String> ages) {
        /** The number of combinations. */
        long size() {
            return (long) periods.size() * geos.size() * diagnoses.size() * sexes.size() * ages.size();
        }
    }

    /**
     * The codes of {@code cells} (one indicator's, in one year) by stratum. Geography, diagnoses and
     * age are listed whole from the reference (every region, healthcare region and Riket of a level the stratum
     * has; every diagnosis of a kind it has; every age band, every group of a population dimension), so
     * that no region, diagnosis or age band is listed only because it has patients; periods and sexes
     * are those the stratum has.
     */
    static Axes of(java.util.Collection<Cell> cells, Hierarchy.Dimensions dimensions) {
        Map<String, List<TreeSet<Object>>> strata = new java.util.TreeMap<>();
        for (Cell c : cells) {
            List<TreeSet<Object>> codes = strata.computeIfAbsent(stratum(c, dimensions.ageKinds()), k -> {
                List<TreeSet<Object>> sets = new ArrayList<>();
                for (int d = 0; d < 5; d++) {
                    sets.add(new TreeSet<>());
                }
                return sets;
            });
            codes.get(0).add(c.periodCode());
            codes.get(1).addAll(level(c.geoLevel(), c.geoCode(), dimensions));
            codes.get(2).addAll(diagnoses(c.diagnosisCode(), dimensions.diagnosisKinds()));
            codes.get(3).add(c.sexCode());
            codes.get(4).addAll(kind(c.ageGroupCode(), dimensions.ageKinds()));
        }
        List<Codes> list = new ArrayList<>();
        strata.values().forEach(codes -> list.add(new Codes(strings(codes.get(0)), strings(codes.get(1)), strings(codes.get(2)),
                codes.get(3).stream().map(x -> (Integer) x).toList(), strings(codes.get(4)))));
        return new Axes(List.copyOf(list));
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
    private static List<String> kind(String age, Map<String, String> ageKinds) {
        String kind = ageKinds.get(age);
        if (kind == null || List.of("total", "broad", "open_top").contains(kind)) {
            return List.of(age);
        }
        return ageKinds.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey).toList();
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
                        for (int sex : s) {
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

    /** The number of combinations (all ages and groups included). */
    long size() {
        return strata.stream().mapToLong(Codes::size).sum();
    }

    void writeTo(Packed.Out out) {
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
        return new Axes(List.copyOf(strata));
    }

    /**
     * The cells whose count an attacker knows to be at least 1 from the axes alone: for each indicator,
     * stratum, and code of a dimension listed as it occurs (a period, a sex), and for the
     * stratum itself (its geography levels and age group kind), the total the code's being listed tells
     * of: the cell with that code holding the most, which is the total over the other dimensions.
     * Marked by index in {@code cells}.
     */
    static boolean[] margins(List<se.lagesbild.warehouse.indicators.CellCounts> counts, List<Cell> cells, Hierarchy.Dimensions dimensions) {
        Map<Cell, Integer> index = new java.util.HashMap<>();
        for (int n = 0; n < cells.size(); n++) {
            index.put(cells.get(n), n);
        }
        boolean[] marked = new boolean[cells.size()];
        List<java.util.function.Function<Cell, Object>> listedAsTheyOccur = List.of(Cell::periodCode, Cell::sexCode,
                Cell::geoLevel, c -> "");
        for (var c : counts) {
            for (var dimension : listedAsTheyOccur) {
                Map<Object, Cell> largest = new java.util.HashMap<>();
                c.byCell().forEach((cell, values) -> largest.merge(stratum(cell, dimensions.ageKinds()) + "|" + dimension.apply(cell), cell,
                        (a, b) -> count(c, b) > count(c, a) ? b : a));
                largest.values().forEach(cell -> marked[index.get(cell)] = true);
            }
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
        counts.forEach(c -> axes.put(c.indicator().code(), of(c.byCell().keySet(), dimensions)));
        return axes;
    }
}
