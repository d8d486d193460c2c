package se.lagesbild.api.pxweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.api.Catalog;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.text.Language;

/**
 * One indicator as a PxWebApi 2 table in one language: its variables ({@code Region} with the
 * healthcare regions as a codelist, {@code Diagnos}, {@code Alder}, {@code Kon}, {@code ContentsCode}
 * (the value, its interval, numerator and denominator) and {@code Tid}), each listing only the values
 * that have data, and the cells of a selection from the {@link ReleasedStore.Cube}.
 */
public final class PxTable {
    /** The variables in the order of the data (the last varies fastest). */
    public static final List<String> ORDER = List.of("Region", "Diagnos", "Alder", "Kon", "ContentsCode", "Tid");
    public static final String HEALTHCARE_REGIONS = "agg_sjukvardsregioner";
    /** The measures, in order. */
    static final List<String> MEASURES = List.of("value", "lower", "upper", "numerator", "denominator");
    /** A survival table's measures: its standard error beside the interval. */
    static final List<String> SURVIVAL_MEASURES = List.of("value", "lower", "upper", "standard_error", "numerator", "denominator");
    /** The time units, in the order the first with data becomes Tid's own values. */
    static final List<String> TIME_UNITS = List.of("year", "half", "quarter", "month");

    private final ReleasedStore.Cube cube;
    private final Language language;
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    PxTable(ReleasedStore.Cube cube, Catalog catalog, Language language) {
        this.cube = cube;
        this.language = language;
        Indicator i = cube.indicator();
        Map<String, String> regions = Variable.ordered(present(catalog.regions(), cube.codes(ReleasedStore.Cube.GEO)), labels(catalog.regions()));
        Map<String, String> healthcare = new LinkedHashMap<>();
        if (regions.containsKey("00")) {
            healthcare.put("00", regions.get("00"));
        }
        healthcare.putAll(Variable.ordered(present(catalog.healthcareRegions(), cube.codes(ReleasedStore.Cube.GEO)), labels(catalog.healthcareRegions())));
        Map<String, Variable.Codelist> codelists = new LinkedHashMap<>();
        if (healthcare.size() > 1) {
            codelists.put(HEALTHCARE_REGIONS, new Variable.Codelist(HEALTHCARE_REGIONS, text("Sjukvårdsregioner", "Healthcare regions"),
                    healthcare));
        }
        add(new Variable("Region", text("region", "region"), "GeographicalVariable", regions, null, List.copyOf(regions.keySet()),
                codelists));
        Map<String, String> diagnoses = Variable.ordered(present(catalog.diagnoses(), cube.codes(ReleasedStore.Cube.DIAGNOSIS)), labels(catalog.diagnoses()));
        add(new Variable("Diagnos", text("diagnos", "diagnosis"), "RegularVariable", diagnoses, widest(diagnoses, "ALL", "MALIGNANT"),
                null, Map.of()));
        Map<String, String> ages = Variable.ordered(present(catalog.ageGroups(), cube.codes(ReleasedStore.Cube.AGE)), labels(catalog.ageGroups()));
        add(new Variable("Alder", text("ålder", "age"), "RegularVariable", ages, widest(ages, "ALL", "18+", "0-17"), null, Map.of()));
        Map<String, String> sexes = Variable.ordered(present(catalog.sexes(), cube.codes(ReleasedStore.Cube.SEX)), labels(catalog.sexes()));
        add(new Variable("Kon", text("kön", "sex"), "RegularVariable", sexes, null, List.copyOf(sexes.keySet()), Map.of()));
        Map<String, String> measures = new LinkedHashMap<>();
        List<String> contents = i.method().endsWith("_survival") ? SURVIVAL_MEASURES : MEASURES;
        for (String m : contents) {
            measures.put(m, language.text("px.measure." + m, language.title(i)));
        }
        add(new Variable("ContentsCode", text("tabellinnehåll", "contents"), "ContentsVariable", measures, null, contents, Map.of()));
        // one time unit per list, as a PxWeb table has: the first unit with data (years, else half-years, ...) is Tid's own
        // values, the others are codelists, so top(3) means the three newest periods of one unit
        Map<String, Map<String, String>> byUnit = new LinkedHashMap<>();
        for (String unit : TIME_UNITS) {
            List<Member> members = catalog.periods().stream().filter(m -> unit.equals(m.detail().get("type"))).toList();
            Map<String, String> values = Variable.ordered(present(members, cube.codes(ReleasedStore.Cube.PERIOD)), labels(members));
            if (!values.isEmpty()) {
                byUnit.put(unit, values);
            }
        }
        Map<String, String> own = byUnit.isEmpty() ? Map.of() : byUnit.values().iterator().next();
        Map<String, Variable.Codelist> timeLists = new LinkedHashMap<>();
        byUnit.forEach((unit, values) -> {
            if (values != own) {
                String id = "agg_" + unit;
                timeLists.put(id, new Variable.Codelist(id, language.text("px.time." + unit), values));
            }
        });
        List<String> codes = List.copyOf(own.keySet());
        add(new Variable("Tid", text("period", "period"), "TimeVariable", own, null, codes.isEmpty() ? List.of()
                : List.of(codes.get(codes.size() - 1)), timeLists));
    }

    private void add(Variable v) {
        variables.put(v.id(), v);
    }

    public Map<String, Variable> variables() {
        return variables;
    }

    public Indicator indicator() {
        return cube.indicator();
    }

    public Language language() {
        return language;
    }

    /** A measure's unit label and decimals, as JSON-stat's {@code unit}. */
    Map<String, Object> unit(String measure) {
        String unit = cube.indicator().unit();
        boolean count = measure.equals("numerator") || measure.equals("denominator");
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("base", language.measureBase(unit, count));
        u.put("decimals", Language.measureDecimals(unit, count));
        return u;
    }

    /** The numbers of {@code codes} in one of the cube's dimensions ({@link ReleasedStore.Cube#PERIOD} ...), -1 where absent. */
    int[] numbers(int dimension, List<String> codes) {
        return codes.stream().mapToInt(c -> cube.code(dimension, c)).toArray();
    }

    ReleasedValue at(int period, int geo, int diagnosis, int sex, int age) {
        return cube.at(period, geo, diagnosis, sex, age);
    }

    /** A measure of a released value, or null when hidden or not computed. */
    static Double measure(ReleasedValue v, String measure) {
        if (v == null || v.suppressed()) {
            return null;
        }
        double x = switch (measure) {
            case "value" -> v.estimate().value();
            case "lower" -> v.estimate().lower();
            case "upper" -> v.estimate().upper();
            case "standard_error" -> v.estimate().standardError();
            case "numerator" -> v.numerator();
            default -> v.denominator();
        };
        return Double.isNaN(x) ? null : x;
    }

    /** The JSON-stat status of a cell: ".." hidden by disclosure control, "-" not computed; null when it has a value. */
    static String status(ReleasedValue v, String measure) {
        if (v == null) {
            return "-";
        }
        if (v.suppressed()) {
            return "..";
        }
        return measure(v, measure) == null ? "-" : null;
    }

    /** Why a cell has no value: its reason when hidden, else "not computed, or no data", in the table's language. */
    String note(ReleasedValue v) {
        return v == null || v.reason() == null ? language.text("px.status.none") : v.reason();
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
