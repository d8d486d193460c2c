package se.lagesbild.warehouse.indicators;

import static se.lagesbild.warehouse.db.Tables.CATALOGUE_INDICATOR;
import static se.lagesbild.warehouse.db.Tables.INT_FOLLOWUP_STRUCTURE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/**
 * The indicator catalogue as the warehouse holds it: how each indicator is computed
 * (catalogue_indicator, code), placed by the follow-up structure that is loaded (goal, sub-goals,
 * target and target year, direction, smallest base; data, {@code follow-up-structure}). Without a
 * loaded structure, or for an indicator the structure leaves out, the catalogue's own goal, target
 * and direction hold.
 */
public final class Catalogue {
    private Catalogue() {
    }

    /** A sub-goal of the loaded follow-up structure, with the indicators that serve it in the structure's order. */
    public record Subgoal(String code, int goal, String goalTitleSv, String goalTitleEn, String titleSv, String titleEn, boolean placeholder,
                          int order, List<String> indicators) {
    }

    /** Every indicator, by goal (the structure's, where it places the indicator) and then the catalogue's sort order. */
    public static List<Indicator> all(Warehouse warehouse) {
        var c = CATALOGUE_INDICATOR;
        List<Indicator> defined = warehouse.dsl().selectFrom(c).orderBy(c.GOAL_CODE, c.SORT_ORDER, c.INDICATOR_CODE)
                .fetch(r -> new Indicator(r.getIndicatorCode(), r.getGoalCode(), r.getTitleSv(), r.getTitleEn(), r.getDescriptionSv(),
                        r.getDescriptionEn(), r.getUnit(), r.getDirection(), r.getTargetValue(), r.getMethod(), r.getMethodParam(),
                        r.getScope(), r.getDataSource(), r.getMartView(),
                        r.getDisclosureFamily() == null ? r.getDataSource() : r.getDisclosureFamily(), r.getMethodOptions(), List.of(),
                        null, null));
        var s = INT_FOLLOWUP_STRUCTURE;
        var rows = warehouse.dsl().selectFrom(s).where(s.INDICATOR_CODE.ne("-"))
                .orderBy(s.GOAL_CODE, s.SUBGOAL_ORDER, s.SUBGOAL_CODE, s.SOURCE_LINE).fetch();
        if (rows.isEmpty()) {
            return defined;
        }
        Map<String, List<String>> subgoals = new LinkedHashMap<>();
        Map<String, se.lagesbild.warehouse.db.tables.records.IntFollowupStructureRecord> first = new LinkedHashMap<>();
        for (var row : rows) {
            subgoals.computeIfAbsent(row.getIndicatorCode(), k -> new ArrayList<>()).add(row.getSubgoalCode());
            first.putIfAbsent(row.getIndicatorCode(), row);
        }
        List<Indicator> placed = new ArrayList<>();
        for (Indicator indicator : defined) {
            var row = first.get(indicator.code());
            placed.add(row == null ? indicator : indicator.placed(row.getGoalCode(), subgoals.get(indicator.code()), row.getDirection(),
                    row.getTargetValue(), row.getTargetYear(), row.getMinBase()));
        }
        placed.sort(java.util.Comparator.comparingInt(Indicator::goal)); // stable: the catalogue's order within a goal
        return placed;
    }

    /** The sub-goals of the loaded follow-up structure, by goal and order (empty when none is loaded). */
    public static List<Subgoal> subgoals(Warehouse warehouse) {
        var s = INT_FOLLOWUP_STRUCTURE;
        Map<String, Subgoal> bySubgoal = new LinkedHashMap<>();
        for (var row : warehouse.dsl().selectFrom(s).orderBy(s.GOAL_CODE, s.SUBGOAL_ORDER, s.SUBGOAL_CODE, s.SOURCE_LINE).fetch()) {
            Subgoal subgoal = bySubgoal.computeIfAbsent(row.getSubgoalCode(), code -> new Subgoal(code, row.getGoalCode(), row.getGoalTitleSv(),
                    row.getGoalTitleEn(), row.getSubgoalTitleSv(), row.getSubgoalTitleEn(), row.getSubgoalPlaceholder(), row.getSubgoalOrder(),
                    new ArrayList<>()));
            if (!row.getIndicatorCode().equals("-")) {
                subgoal.indicators().add(row.getIndicatorCode());
            }
        }
        return bySubgoal.values().stream().map(g -> new Subgoal(g.code(), g.goal(), g.goalTitleSv(), g.goalTitleEn(), g.titleSv(), g.titleEn(),
                g.placeholder(), g.order(), List.copyOf(g.indicators()))).toList();
    }

    /** The indicator {@code code}, or an error listing the codes there are. */
    public static Indicator byCode(Warehouse warehouse, String code) {
        List<Indicator> all = all(warehouse);
        return all.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new WarehouseException("Unknown indicator '" + code + "'. Indicators: "
                        + String.join(", ", all.stream().map(Indicator::code).toList()) + "."));
    }
}
