package se.lagesbild.warehouse.dimensions;

import static se.lagesbild.warehouse.db.Tables.CATALOGUE_GOAL;
import static se.lagesbild.warehouse.db.Tables.DIM_AGE_GROUP;
import static se.lagesbild.warehouse.db.Tables.DIM_DIAGNOSIS;
import static se.lagesbild.warehouse.db.Tables.DIM_HEALTHCARE_REGION;
import static se.lagesbild.warehouse.db.Tables.DIM_PERIOD;
import static se.lagesbild.warehouse.db.Tables.DIM_REGION;
import static se.lagesbild.warehouse.db.Tables.DIM_SEX;

import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;

/**
 * The star schema's dimensions as code lists with Swedish and English labels, in their sort
 * order, for those who query the warehouse (API parameters, notebook pickers). {@code detail}
 * carries what else a member has, named by column.
 */
public final class Dimensions {
    private Dimensions() {
    }

    /** One member of a dimension. */
    public record Member(String code, String labelSv, String labelEn, Map<String, Object> detail) {
    }

    /** Riket (00) and the 21 regions. */
    public static List<Member> regions(Warehouse warehouse) {
        var r = DIM_REGION;
        return warehouse.dsl().selectFrom(r).orderBy(r.SORT_ORDER)
                .fetch(x -> new Member(x.getRegionCode(), x.getNameSv(), x.getNameEn(), Map.of("level", x.getRegionLevel())));
    }

    /** The six healthcare regions, each with its regional cancer centre and its regions (Halland in two). */
    public static List<Member> healthcareRegions(Warehouse warehouse) {
        var h = DIM_HEALTHCARE_REGION;
        var m = se.lagesbild.warehouse.db.Tables.MAP_REGION_HEALTHCARE_REGION;
        Map<String, List<String>> regions = warehouse.dsl().selectFrom(m).orderBy(m.REGION_CODE)
                .fetchGroups(m.HEALTHCARE_REGION_CODE, m.REGION_CODE);
        return warehouse.dsl().selectFrom(h).orderBy(h.SORT_ORDER)
                .fetch(x -> new Member(x.getHealthcareRegionCode(), x.getNameSv(), x.getNameEn(), Map.of("rcc", x.getRccNameSv(), "regions",
                        regions.getOrDefault(x.getHealthcareRegionCode(), List.of()))));
    }

    /** The diagnosis code of values over every diagnosis (every SVF, or every cancer). */
    public static final String ALL_DIAGNOSES = "ALL";

    /** ALL first, then SVF pathways and incidence site groups. */
    public static List<Member> diagnoses(Warehouse warehouse) {
        var d = DIM_DIAGNOSIS;
        List<Member> members = new java.util.ArrayList<>();
        members.add(new Member(ALL_DIAGNOSES, "Alla diagnoser", "All diagnoses", detail("kind", "total", "scope", null, "icd10", null,
                "introduced_year", null, "sex_restriction", null)));
        members.addAll(warehouse.dsl().selectFrom(d).orderBy(d.SORT_ORDER, d.DIAGNOSIS_CODE)
                .fetch(x -> new Member(x.getDiagnosisCode(), x.getNameSv(), x.getNameEn(), detail(
                        "kind", x.getDiagnosisKind(), "scope", x.getScope(), "icd10", x.getIcd10Ranges(), "introduced_year", x.getIntroducedYear(),
                        "sex_restriction", x.getSexRestriction()))));
        return members;
    }

    /** Years, halves (2026H1), quarters (2026Q1) and months (2026-01). */
    public static List<Member> periods(Warehouse warehouse) {
        var p = DIM_PERIOD;
        return warehouse.dsl().selectFrom(p).orderBy(p.START_DATE, p.END_DATE.desc())
                .fetch(x -> new Member(x.getPeriodCode(), x.getNameSv(), x.getNameEn(), detail("type", x.getPeriodType(),
                        "start", x.getStartDate().toString(), "end", x.getEndDate().toString())));
    }

    /** 1 men, 2 women, 3 both sexes. */
    public static List<Member> sexes(Warehouse warehouse) {
        var s = DIM_SEX;
        return warehouse.dsl().selectFrom(s).orderBy(s.SEX_CODE)
                .fetch(x -> new Member(String.valueOf(x.getSexCode()), x.getNameSv(), x.getNameEn(), Map.of()));
    }

    /** Five-year bands, 85+, children and adults, ALL. */
    public static List<Member> ageGroups(Warehouse warehouse) {
        var a = DIM_AGE_GROUP;
        return warehouse.dsl().selectFrom(a).orderBy(a.SORT_ORDER)
                .fetch(x -> new Member(x.getAgeGroupCode(), x.getNameSv(), x.getNameEn(), detail("kind", x.getAgeGroupKind(),
                        "min_age", x.getMinAge(), "max_age", x.getMaxAge())));
    }

    /**
     * The population groups beyond sex and geography (education, country of birth, income), each as
     * {@code dimension:group} (the code the API and the cells use), with its dimension, place in the
     * social order (null: none) and whether it is the dimension's reference group.
     */
    public static List<Member> populationGroups(Warehouse warehouse) {
        return se.lagesbild.warehouse.indicators.EquityGroups.groups(warehouse).stream().map(g -> new Member(g.cellCode(), g.nameSv(), g.nameEn(),
                detail("dimension", g.dimension(), "group", g.code(), "rank", g.rank(), "reference", g.reference() ? "yes" : "no"))).toList();
    }

    /** The cancer strategy's three goals. */
    public static List<Member> goals(Warehouse warehouse) {
        var g = CATALOGUE_GOAL;
        return warehouse.dsl().selectFrom(g).orderBy(g.GOAL_CODE)
                .fetch(x -> new Member(String.valueOf(x.getGoalCode()), x.getTitleSv(), x.getTitleEn(), Map.of()));
    }

    /** Code → Swedish label of {@code members}, in their order. */
    public static Map<String, String> labelsSv(List<Member> members) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        members.forEach(m -> labels.put(m.code(), m.labelSv()));
        return labels;
    }

    /** Name → value pairs, nulls kept (Map.of refuses them). */
    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            detail.put((String) pairs[i], pairs[i + 1]);
        }
        return detail;
    }
}
