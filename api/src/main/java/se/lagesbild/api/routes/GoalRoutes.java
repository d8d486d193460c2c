package se.lagesbild.api.routes;

import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Query;
import se.lagesbild.api.Source;
import se.lagesbild.publishing.report.GoalFulfilmentTable;
import se.lagesbild.publishing.text.Language;

/**
 * Goal fulfilment as of a year: every goal, sub-goal of the loaded follow-up structure and
 * indicator with a target, judged to its target year, the same table as the yearly report's.
 */
final class GoalRoutes {
    private GoalRoutes() {
    }

    static List<Route> all() {
        return List.of(new Route("/goal-fulfilment/{year}", List.of("lang"), GoalRoutes::fulfilment));
    }

    private static Answer fulfilment(Source lease, Query query, Map<String, String> params) {
        String year = params.get("year");
        List<String> years = lease.catalog().dataYears().stream().map(String::valueOf).toList();
        if (!years.contains(year)) {
            throw ApiProblem.badParameter("year", year, "No data for the year '" + year + "'. Years: " + String.join(", ", years) + ".",
                    years);
        }
        Language language = Language.parse(query.one("lang", List.of("sv", "en"), "sv (Swedish, the default) or en (English)", "sv"), "lang");
        return new Answer.Table(GoalFulfilmentTable.of(lease.warehouse(), Integer.parseInt(year), language, IndicatorRoutes.CONFIDENCE));
    }
}
