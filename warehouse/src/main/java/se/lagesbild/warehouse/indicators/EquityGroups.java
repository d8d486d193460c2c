package se.lagesbild.warehouse.indicators;

import static se.lagesbild.warehouse.db.Tables.DIM_EQUITY_DIMENSION;
import static se.lagesbild.warehouse.db.Tables.DIM_EQUITY_GROUP;

import java.util.List;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;

/**
 * Population groups beyond sex and geography (education, country of birth, income; issue 26). An
 * indicator whose source carries them has, beside its mart, the view {@code MART_groups} with the
 * same contract and the group in the age-group column as {@code dimension:group}
 * (sql/views/R__230). A group is then a cell like any other (at all ages): the engine estimates it,
 * disclosure control protects it in the same pattern as the indicator's other cells (the groups of
 * a dimension add up to the all-ages cell), and the API serves it.
 */
public final class EquityGroups {
    /** Between a dimension's code and its group's code in a cell's age-group column. */
    public static final String SEPARATOR = ":";
    /** The group of those whose education, country of birth or income is not known. */
    public static final String NOT_KNOWN = "US";

    private EquityGroups() {
    }

    /** A dimension of population groups. */
    public record Dimension(String code, String nameSv, String nameEn, boolean ordered, String sourceSv, String sourceEn) implements java.io.Serializable {
    }

    /** One group: its code, labels (and short ones for charts), place in the social order (null: none) and whether it is the reference group. */
    public record Group(String dimension, String code, String nameSv, String nameEn, String shortSv, String shortEn, Integer rank,
                        boolean reference) implements java.io.Serializable {
        /** The short label in Swedish or English ("sv" or "en"). */
        public String shortName(String language) {
            return language.equals("en") ? shortEn : shortSv;
        }

        /** The group as a cell's age-group code. */
        public String cellCode() {
            return dimension + SEPARATOR + code;
        }
    }

    /** Whether an age-group code is a population group's. */
    public static boolean isGroup(String ageGroupCode) {
        return ageGroupCode.contains(SEPARATOR);
    }

    /** The view of {@code indicator}'s values by group. */
    public static String view(Indicator indicator) {
        return indicator.martView() + "_groups";
    }

    /**
     * Whether {@code indicator}'s source can carry population groups: its mart has a groups view, or
     * (survival, computed from the patients) the mart has the groups' columns.
     */
    public static boolean available(Warehouse warehouse, Indicator indicator) {
        if (indicator.method().endsWith("_survival")) {
            return Observations.hasColumn(warehouse, indicator.martView(), "education_code");
        }
        return warehouse.dsl().fetchExists(DSL.selectOne().from(DSL.table("duckdb_views()"))
                .where(DSL.field("view_name").eq(view(indicator))).and(DSL.field("internal").isFalse()));
    }

    /** The dimensions, in their order. */
    public static List<Dimension> dimensions(Warehouse warehouse) {
        var d = DIM_EQUITY_DIMENSION;
        return warehouse.dsl().selectFrom(d).orderBy(d.SORT_ORDER).fetch(r -> new Dimension(r.getDimensionCode(), r.getNameSv(), r.getNameEn(),
                r.getOrdered(), r.getSourceSv(), r.getSourceEn()));
    }

    /** Every group of every dimension, in their order. */
    public static List<Group> groups(Warehouse warehouse) {
        var g = DIM_EQUITY_GROUP;
        return warehouse.dsl().selectFrom(g).orderBy(g.DIMENSION_CODE, g.SORT_ORDER).fetch(r -> new Group(r.getDimensionCode(), r.getGroupCode(),
                r.getNameSv(), r.getNameEn(), r.getShortSv(), r.getShortEn(), r.getRankOrder(), r.getReference()));
    }
}
