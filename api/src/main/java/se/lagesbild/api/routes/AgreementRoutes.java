package se.lagesbild.api.routes;

import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Source;
import se.lagesbild.publishing.tables.AgreementTables;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.agreement.AgreementResult;

/**
 * The state–SKR agreement's follow-up for one year: every condition per region, and the payments.
 * An observed share built on too few patients is already hidden by {@link AgreementEvaluation}.
 */
final class AgreementRoutes {
    private AgreementRoutes() {
    }

    static List<Route> all() {
        return List.of(new Route("/agreement/{year}/conditions", List.of("region"), AgreementRoutes::conditions),
                new Route("/agreement/{year}/payments", List.of("region"), AgreementRoutes::payments));
    }

    private static AgreementResult evaluate(Source lease, Map<String, String> params) {
        String year = params.get("year");
        List<String> years = lease.catalog().agreementYears().stream().map(String::valueOf).toList();
        if (!years.contains(year)) {
            throw ApiProblem.badParameter("year", year, "No agreement rules for '" + year + "'. Agreement years: " + String.join(", ", years)
                    + ".", years);
        }
        return AgreementEvaluation.evaluate(lease.warehouse(), Integer.parseInt(year));
    }

    private static List<String> regions(Source lease, se.lagesbild.api.Query query) {
        return query.codes("region", lease.catalog().regions().stream().map(m -> m.code()).filter(c -> !c.equals("00")).toList(),
                "/api/v1/regions");
    }

    private static Answer conditions(Source lease, se.lagesbild.api.Query query, Map<String, String> params) {
        List<String> regions = regions(lease, query);
        AgreementResult result = evaluate(lease, params);
        return new Answer.Table(AgreementTables.conditions(result, r -> regions.isEmpty() || regions.contains(r)).build());
    }

    private static Answer payments(Source lease, se.lagesbild.api.Query query, Map<String, String> params) {
        List<String> regions = regions(lease, query);
        AgreementResult result = evaluate(lease, params);
        return new Answer.Table(AgreementTables.payments(result, r -> regions.isEmpty() || regions.contains(r)).build());
    }
}
