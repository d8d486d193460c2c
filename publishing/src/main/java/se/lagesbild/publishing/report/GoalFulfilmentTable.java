package se.lagesbild.publishing.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * The goal-fulfilment table the yearly report, the API and the notebooks share: {@link GoalFulfilment}'s
 * judgements and roll-ups as rows (goal, sub-goal, indicator), with each status's reason in the
 * reader's language.
 */
public final class GoalFulfilmentTable {
    private GoalFulfilmentTable() {
    }

    /**
     * Goal fulfilment as of the follow-up year ({@link GoalFulfilment}): each goal, then each of its
     * sub-goals of the loaded follow-up structure, then each indicator with a target under it, with
     * the projection to the target year, the status and why.
     */
    public static ResultTable of(Warehouse warehouse, int year, Language language, Confidence confidence) {
        List<GoalFulfilment.Judgement> judgements = GoalFulfilment.judge(warehouse, year, confidence);
        Map<String, GoalFulfilment.Judgement> byCode = new LinkedHashMap<>();
        judgements.forEach(j -> byCode.put(j.indicator().code(), j));
        ResultTable.Builder table = ResultTable.builder("Goal fulfilment as of " + year, Column.dimension("level"), Column.dimension("code"),
                Column.text("title"), Column.dimension("indicator"), Column.integerDimension("goal"), Column.dimension("subgoal"), Column.number("target"),
                new Column("target_year", Column.Type.INTEGER, Column.Role.ATTRIBUTE), new Column("latest_year", Column.Type.INTEGER,
                        Column.Role.ATTRIBUTE), Column.number("latest_value"), Column.number("projected_value"), Column.number("projected_lower"),
                Column.number("projected_upper"), Column.count("years"), Column.text("status"), Column.flag("uncertain"), Column.text("reason"));
        List<GoalFulfilment.Rollup> rollups = GoalFulfilment.rollUp(warehouse, judgements);
        List<Catalogue.Subgoal> subgoals = Catalogue.subgoals(warehouse);
        for (GoalFulfilment.Rollup goal : rollups.stream().filter(r -> r.level().equals("goal")).toList()) {
            int g = Integer.parseInt(goal.code());
            table.row(rollupRow(language, goal, language.text("section.goal", g, language == Language.SV ? goal.titleSv() : goal.titleEn()), g, null));
            for (GoalFulfilment.Rollup sub : rollups.stream().filter(r -> r.level().equals("subgoal")).toList()) {
                if (subgoals.stream().anyMatch(x -> x.code().equals(sub.code()) && x.goal() == g)) {
                    table.row(rollupRow(language, sub, sub.code() + " " + (language == Language.SV ? sub.titleSv() : sub.titleEn()), g, sub.code()));
                    sub.indicators().forEach(code -> table.row(judgementRow(language, byCode.get(code), g, sub.code())));
                }
            }
            // an indicator with a target that no sub-goal lists (no structure loaded, or left out of it) is still shown
            goal.indicators().stream().filter(code -> subgoals.stream().noneMatch(x -> x.indicators().contains(code)))
                    .forEach(code -> table.row(judgementRow(language, byCode.get(code), g, null)));
        }
        return table.build();
    }

    private static Object[] rollupRow(Language language, GoalFulfilment.Rollup r, String title, int goal, String subgoal) {
        String reason = r.indicators().isEmpty() ? language.text("fulfilment.no_targets")
                : language.text("fulfilment.rollup", r.reached(), r.onTrack(), r.notOnTrack(), r.cannotBeJudged());
        return new Object[] {r.level(), r.code(), title, null, goal, subgoal, null, null, null, null, null, null, null, (long) r.indicators().size(),
                r.status(), null, reason};
    }

    private static Object[] judgementRow(Language language, GoalFulfilment.Judgement j, int goal, String subgoal) {
        var p = j.projection();
        return new Object[] {"indicator", j.indicator().code(), language.title(j.indicator()), j.indicator().code(), goal, subgoal, j.indicator().target(), j.indicator().targetYear(),
                j.latestYear() == 0 ? null : j.latestYear(), nan(j.latestValue()), nan(p.value()), nan(p.lower()), nan(p.upper()),
                (long) p.years(), j.status(), j.uncertain(), j.reason(language)};
    }

    private static Double nan(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
