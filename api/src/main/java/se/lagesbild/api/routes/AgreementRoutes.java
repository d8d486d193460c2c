package se.lagesbild.api.routes;

import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.warehouse.tables.Column;
import se.lagesbild.warehouse.tables.ResultTable;
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

    private static AgreementResult evaluate(ServedWarehouse.Lease lease, Map<String, String> params) {
        String year = params.get("year");
        List<String> years = lease.catalog().agreementYears().stream().map(String::valueOf).toList();
        if (!years.contains(year)) {
            throw ApiProblem.badParameter("year", year, "No agreement rules for '" + year + "'. Agreement years: " + String.join(", ", years)
                    + ".", years);
        }
        return AgreementEvaluation.evaluate(lease.warehouse(), Integer.parseInt(year));
    }

    private static List<String> regions(ServedWarehouse.Lease lease, se.lagesbild.api.Query query) {
        return query.codes("region", lease.catalog().regions().stream().map(m -> m.code()).filter(c -> !c.equals("00")).toList(),
                "/api/v1/regions");
    }

    private static Answer conditions(ServedWarehouse.Lease lease, se.lagesbild.api.Query query, Map<String, String> params) {
        List<String> regions = regions(lease, query);
        AgreementResult result = evaluate(lease, params);
        ResultTable.Builder table = ResultTable.builder("Agreement " + result.year() + ": conditions for the second payment",
                Column.dimension("payment_code"), Column.dimension("condition_code"), Column.dimension("region_code"),
                Column.text("region_name"), Column.text("metric"), Column.text("description_sv"), Column.number("threshold"),
                Column.text("comparison"), Column.number("observed"), Column.text("status"), Column.text("reason"), Column.text("trend"),
                Column.text("actions_sv"));
        for (AgreementResult.Condition c : result.conditions()) {
            if (regions.isEmpty() || regions.contains(c.regionCode())) {
                table.row(c.paymentCode(), c.conditionCode(), c.regionCode(), c.regionName(), c.metric(), c.description(), c.threshold(),
                        c.comparison(), c.observed(), c.status(), c.reason(), c.trend(), c.actions());
            }
        }
        return new Answer.Table(agreementMeta(table, result).build());
    }

    private static Answer payments(ServedWarehouse.Lease lease, se.lagesbild.api.Query query, Map<String, String> params) {
        List<String> regions = regions(lease, query);
        AgreementResult result = evaluate(lease, params);
        ResultTable.Builder table = ResultTable.builder("Agreement " + result.year() + ": payments to regions",
                Column.dimension("payment_code"), Column.text("part_name"), Column.count("part_amount_sek"), Column.text("shared_among"),
                Column.dimension("region_code"), Column.text("region_name"), Column.text("decision"), Column.text("reasons"),
                Column.count("population"), Column.flag("qualifies"), Column.count("amount_sek"), Column.text("note"));
        for (AgreementResult.Part part : result.parts()) {
            for (AgreementResult.Payment p : part.payments()) {
                if (regions.isEmpty() || regions.contains(p.regionCode())) {
                    var decision = result.decisions().stream()
                            .filter(d -> d.paymentCode().equals(part.paymentCode()) && d.regionCode().equals(p.regionCode())).findFirst();
                    table.row(part.paymentCode(), part.name(), part.amount(), part.sharedAmong(), p.regionCode(), p.regionName(),
                            decision.map(AgreementResult.Decision::decision).orElse("not conditional"),
                            decision.map(AgreementResult.Decision::reasons).orElse(""), p.population(), p.qualifies(), p.amount(),
                            part.note());
                }
            }
        }
        return new Answer.Table(agreementMeta(table, result).build());
    }

    private static ResultTable.Builder agreementMeta(ResultTable.Builder table, AgreementResult result) {
        return table.meta("year", result.year()).meta("report_deadline", String.valueOf(result.reportDeadline()))
                .meta("population_date", String.valueOf(result.populationDate())).meta("population_note", result.populationNote());
    }
}
