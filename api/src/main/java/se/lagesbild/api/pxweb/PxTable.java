package se.lagesbild.api.pxweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.api.Catalog;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * One indicator as a PxWebApi 2 table in one language: its variables ({@code Region} with the
 * healthcare regions as a codelist, {@code Diagnos}, {@code Alder}, {@code Kon}, {@code ContentsCode}
 * (the value, its interval, numerator and denominator) and {@code Tid}), each listing only the values
 * that have data, and the cells of a selection from the {@link Cube}.
 */
public final class PxTable {
    /** The variables of an indicator's own table in the order of the data (the last varies fastest); a group table has its groups for Alder. */
    public static final List<String> ORDER = List.of("Region", "Diagnos", "Alder", "Kon", "ContentsCode", "Tid");
    /** A group table's variable of groups by dimension: its id, Swedish and English label (as SCB names such variables). */
    static final Map<String, List<String>> GROUP_VARIABLES = Map.of(
            "education", List.of("Utbildningsniva", "utbildningsnivå", "education level"),
            "birth_country", List.of("Fodelseregion", "födelseregion", "country of birth"),
            "income", List.of("Inkomstkvintil", "inkomstkvintil", "income quintile"));
    public static final String HEALTHCARE_REGIONS = "agg_sjukvardsregioner";
    /** The measures, in order. */
    static final List<String> MEASURES = List.of("value", "lower", "upper", "numerator", "denominator");
    /** A survival table's measures: its standard error beside the interval. */
    static final List<String> SURVIVAL_MEASURES = List.of("value", "lower", "upper", "standard_error", "numerator", "denominator");
    /**
     * The measures' content codes, as SCB codes them (upper case, not words a client could take for a
     * field: PxWeb 2 took a value coded "value" for a data cell's own field and showed every cell blank).
     */
    static final Map<String, String> CONTENT_CODES = Map.of("value", "VARDE", "lower", "KI95NEDRE", "upper", "KI95OVRE",
            "standard_error", "MEDELFEL", "numerator", "TALJARE", "denominator", "NAMNARE");
    /** The time units, in the order the first with data becomes Tid's own values. */
    static final List<String> TIME_UNITS = List.of("year", "half", "quarter", "month");

    private final Cube cube;
    private final Language language;
    /** The variables in the order of the data: {@link #ORDER}, with a group table's groups in age's place. */
    private final List<String> order;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private String timeUnit;
    /** The layout PxWeb 2 draws a table in: these variables across, the others down (PX's HEADING and STUB). */
    static final List<String> HEADING = List.of("ContentsCode", "Tid");

    PxTable(Cube cube, Catalog catalog, Language language) {
        this.cube = cube;
        this.language = language;
        Indicator i = cube.indicator();
        Map<String, String> regions = Variable.ordered(present(catalog.regions(), cube.codes(Cube.GEO)), labels(catalog.regions()));
        Map<String, String> healthcare = new LinkedHashMap<>();
        if (regions.containsKey("00")) {
            healthcare.put("00", regions.get("00"));
        }
        healthcare.putAll(Variable.ordered(present(catalog.healthcareRegions(), cube.codes(Cube.GEO)), labels(catalog.healthcareRegions())));
        Map<String, Variable.Codelist> codelists = new LinkedHashMap<>();
        if (healthcare.size() > 1) {
            Map<String, List<String>> valueMap = new LinkedHashMap<>();
            valueMap.put("00", List.copyOf(regions.keySet()).stream().filter(r -> !r.equals("00")).toList());
            for (Member m : catalog.healthcareRegions()) {
                if (healthcare.containsKey(m.code()) && m.detail().get("regions") instanceof List<?> members) {
                    valueMap.put(m.code(), members.stream().map(Object::toString).toList());
                }
            }
            codelists.put(HEALTHCARE_REGIONS, new Variable.Codelist(HEALTHCARE_REGIONS, text("Sjukvårdsregioner", "Healthcare regions"),
                    healthcare, "Aggregation", valueMap));
        }
        add(new Variable("Region", text("region", "region"), "GeographicalVariable", regions, null, List.copyOf(regions.keySet()),
                codelists));
        Map<String, String> diagnoses = Variable.ordered(present(catalog.diagnoses(), cube.codes(Cube.DIAGNOSIS)), labels(catalog.diagnoses()));
        add(new Variable("Diagnos", text("diagnos", "diagnosis"), "RegularVariable", diagnoses, widest(diagnoses, "ALL", "MALIGNANT"),
                null, Map.of()));
        if (cube.dimension() == null) {
            order = ORDER;
            Map<String, String> ages = Variable.ordered(present(catalog.ageGroups(), cube.codes(Cube.AGE)), labels(catalog.ageGroups()));
            add(new Variable("Alder", text("ålder", "age"), "RegularVariable", ages, widest(ages, "ALL", "18+", "0-17"), null, Map.of()));
        } else {
            List<String> names = GROUP_VARIABLES.get(cube.dimension());
            order = List.of("Region", "Diagnos", names.get(0), "Kon", "ContentsCode", "Tid");
            // the total first (what the groups add up to, and the value when the variable is left out), then the groups in their order
            Map<String, String> groups = new LinkedHashMap<>();
            if (cube.codes(Cube.AGE).contains(Cube.TOTAL)) {
                groups.put(Cube.TOTAL, text("totalt", "total"));
            }
            catalog.populationGroups().stream().filter(m -> cube.dimension().equals(m.detail().get("dimension")))
                    .filter(m -> cube.codes(Cube.AGE).contains((String) m.detail().get("group")))
                    .forEach(m -> groups.put((String) m.detail().get("group"), language.label(m)));
            add(new Variable(names.get(0), text(names.get(1), names.get(2)), "RegularVariable", groups,
                    groups.containsKey(Cube.TOTAL) ? Cube.TOTAL : null, List.copyOf(groups.keySet()), Map.of()));
        }
        Map<String, String> sexes = Variable.ordered(present(catalog.sexes(), cube.codes(Cube.SEX)), labels(catalog.sexes()));
        add(new Variable("Kon", text("kön", "sex"), "RegularVariable", sexes, null, List.copyOf(sexes.keySet()), Map.of()));
        Map<String, String> measures = new LinkedHashMap<>();
        List<String> contents = i.method().endsWith("_survival") ? SURVIVAL_MEASURES : MEASURES;
        for (String m : contents) {
            measures.put(CONTENT_CODES.get(m), language.text("px.measure." + m, language.title(i)));
        }
        add(new Variable("ContentsCode", text("tabellinnehåll", "contents"), "ContentsVariable", measures, null,
                List.copyOf(measures.keySet()), Map.of()));
        // one time unit per list, as a PxWeb table has: the first unit with data (years, else half-years, ...) is Tid's own
        // values, the others are codelists, so top(3) means the three newest periods of one unit
        Map<String, Map<String, String>> byUnit = new LinkedHashMap<>();
        for (String unit : TIME_UNITS) {
            List<Member> members = catalog.periods().stream().filter(m -> unit.equals(m.detail().get("type"))).toList();
            // periods offered only where a value is shown: a table does not offer a year it has nothing for
            java.util.Set<String> shown = new java.util.HashSet<>(cube.codes(Cube.PERIOD));
            shown.removeIf(period -> !cube.shown(period));
            Map<String, String> values = Variable.ordered(present(members, shown), labels(members));
            if (!values.isEmpty()) {
                byUnit.put(unit, values);
            }
        }
        Map<String, String> own = byUnit.isEmpty() ? Map.of() : byUnit.values().iterator().next();
        timeUnit = byUnit.isEmpty() ? "Other" : switch (byUnit.keySet().iterator().next()) {
            case "year" -> "Annual";
            case "quarter" -> "Quarterly";
            case "month" -> "Monthly";
            default -> "Other"; // half-years: PxWebApi 2 has no unit for them
        };
        Map<String, Variable.Codelist> timeLists = new LinkedHashMap<>();
        byUnit.forEach((unit, values) -> {
            if (values != own) {
                String id = "agg_" + unit;
                timeLists.put(id, new Variable.Codelist(id, language.text("px.time." + unit), values, "Valueset", Map.of()));
            }
        });
        List<String> codes = List.copyOf(own.keySet());
        add(new Variable("Tid", text("period", "period"), "TimeVariable", own, null, codes.isEmpty() ? List.of()
                : List.of(codes.get(codes.size() - 1)), timeLists));
    }

    private void add(Variable v) {
        variables.put(v.id(), v);
    }

    /** The variables in the order of the data (the last varies fastest). */
    public List<String> order() {
        return order;
    }

    /** The variables PxWeb 2 draws down (PX's STUB): all but the contents and the periods. */
    List<String> stub() {
        return order.stream().filter(id -> !HEADING.contains(id)).toList();
    }

    /** The table's id: the indicator's code, or {@code CODE_by_DIMENSION} for a group table ({@link PxTableId}). */
    public String id() {
        return new PxTableId(cube.indicator(), cube.dimension()).id();
    }

    /** The table's title: the indicator's, and for a group table "efter utbildningsnivå" / "by education level". */
    public String title() {
        String title = language.title(cube.indicator());
        return cube.dimension() == null ? title : title + text(" efter ", " by ") + variables.get(order.get(2)).label();
    }

    public Map<String, Variable> variables() {
        return variables;
    }

    /**
     * The layout of a selection as PxWeb 2 draws it well: variables with one value chosen first in
     * the heading (they then read as the table's title), the contents and the periods across, the
     * other variables down in the table's order.
     *
     * @return heading and stub
     */
    List<List<String>> layout(Map<String, List<String>> chosen) {
        List<String> heading = new ArrayList<>();
        List<String> stub = new ArrayList<>();
        for (String id : order) {
            if (id.equals("ContentsCode") || id.equals("Tid")) {
                continue;
            }
            (chosen.get(id).size() == 1 ? heading : stub).add(id);
        }
        heading.add("ContentsCode");
        heading.add("Tid");
        return List.of(List.copyOf(heading), List.copyOf(stub));
    }

    /** The released values the table is made of. */
    Cube cube() {
        return cube;
    }

    /** PxWebApi 2's time unit of Tid's own values: Annual, Quarterly, Monthly, or Other (half-years). */
    public String timeUnit() {
        return timeUnit;
    }

    /**
     * The first selection an analyst wants: Riket and every region, women, men and both, the value,
     * and the newest period with a value shown for Riket (else the newest with any); a variable that
     * can be left out takes its total (Diagnos, Alder); a group table shows every group and the total.
     */
    public Map<String, List<String>> defaultSelection() {
        Map<String, List<String>> selection = new LinkedHashMap<>();
        for (String id : order) {
            Variable v = variables.get(id);
            List<String> all = List.copyOf(v.values().keySet());
            selection.put(id, cube.dimension() != null && id.equals(order.get(2)) ? all : switch (id) {
                case "Region", "Kon" -> all;
                case "ContentsCode" -> List.of(CONTENT_CODES.get("value"));
                case "Tid" -> {
                    List<String> riket = all.stream().filter(cube::shownForRiket).toList();
                    List<String> from = riket.isEmpty() ? all : riket;
                    yield from.isEmpty() ? List.of() : List.of(from.get(from.size() - 1));
                }
                default -> v.elimination() != null ? List.of(v.elimination()) : v.defaults();
            });
        }
        return selection;
    }

    public Indicator indicator() {
        return cube.indicator();
    }

    public Language language() {
        return language;
    }

    /**
     * A content's unit label and decimals, as JSON-stat's {@code unit}: shares in per cent with one
     * decimal (as every Swedish table shows them: 20,7 %), counts with none.
     */
    Map<String, Object> unit(String contentCode) {
        String unit = cube.indicator().unit();
        String measure = measureOf(contentCode);
        boolean count = measure.equals("numerator") || measure.equals("denominator");
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("base", share() && !count ? language.text("unit.percent") : language.measureBase(unit, count));
        u.put("decimals", share() && !count ? 1 : Language.measureDecimals(unit, count));
        return u;
    }

    /** Whether the table's values are shares, served in per cent (v1 keeps 0–1). */
    boolean share() {
        return cube.indicator().unit().equals("proportion");
    }

    /** The measure a content code names ("VARDE" → "value"). */
    static String measureOf(String contentCode) {
        for (var e : CONTENT_CODES.entrySet()) {
            if (e.getValue().equals(contentCode)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("no content " + contentCode);
    }

    /** The numbers of {@code codes} in one of the cube's dimensions ({@link Cube#PERIOD} ...), -1 where absent. */
    int[] numbers(int dimension, List<String> codes) {
        return codes.stream().mapToInt(c -> cube.code(dimension, c)).toArray();
    }

    ReleasedValue at(int period, int geo, int diagnosis, int sex, int age) {
        return cube.at(period, geo, diagnosis, sex, age);
    }

    /** A content of a released value (shares in per cent), or null when hidden or not computed. */
    Double measure(ReleasedValue v, String contentCode) {
        if (v == null || v.suppressed()) {
            return null;
        }
        String measure = measureOf(contentCode);
        double x = switch (measure) {
            case "value" -> v.estimate().value();
            case "lower" -> v.estimate().lower();
            case "upper" -> v.estimate().upper();
            case "standard_error" -> v.estimate().standardError();
            case "numerator" -> v.numerator();
            default -> v.denominator();
        };
        if (Double.isNaN(x)) {
            return null;
        }
        return share() && !measure.equals("numerator") && !measure.equals("denominator") ? x * 100 : x;
    }

    /** The JSON-stat status of a cell: ".." hidden by disclosure control, "-" not computed; null when it has a value. */
    String status(ReleasedValue v, String contentCode) {
        if (v == null) {
            return "-";
        }
        if (v.suppressed()) {
            return "..";
        }
        return measure(v, contentCode) == null ? "-" : null;
    }

    /** Why a cell has no value: its reason when hidden, else "not computed, or no data", in the table's language. */
    String note(ReleasedValue v) {
        return v == null || v.reason() == null ? language.text("px.status.none") : v.suppressed() ? language.text("px.status.hidden") : v.reason();
    }

    private String text(String sv, String en) {
        return language == Language.SV ? sv : en;
    }

    private Map<String, String> labels(List<Member> members) {
        Map<String, String> labels = new LinkedHashMap<>();
        members.forEach(m -> labels.put(m.code(), language.label(m)));
        return labels;
    }

    private static List<String> present(List<Member> members, java.util.Set<String> codes) {
        List<String> out = new ArrayList<>();
        members.stream().map(Member::code).filter(codes::contains).forEach(out::add);
        return out;
    }

    /** The first of {@code preferred} the variable has, else its first value. */
    private static String widest(Map<String, String> values, String... preferred) {
        for (String p : preferred) {
            if (values.containsKey(p)) {
                return p;
            }
        }
        return values.isEmpty() ? null : values.keySet().iterator().next();
    }

}
