package se.lagesbild.publishing.tables;

import java.util.List;
import java.util.function.Predicate;

import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.agreement.LeadTimesNotMet;
import se.lagesbild.warehouse.agreement.SpecialInvestments;

/**
 * The agreement follow-up as result tables, one layout for the API, notebooks and exports.
 * Shares on too few patients are already hidden by the agreement classes.
 */
public final class AgreementTables {
    private AgreementTables() {
    }

    /** Every condition of every region (those {@code region} keeps). */
    public static ResultTable.Builder conditions(AgreementResult result, Predicate<String> region) {
        ResultTable.Builder table = ResultTable.builder("Agreement " + result.year() + ": conditions for the second payment",
                Column.dimension("payment_code"), Column.dimension("condition_code"), Column.dimension("region_code"),
                Column.text("region_name"), Column.text("metric"), Column.text("description_sv"), Column.number("threshold"),
                Column.text("comparison"), Column.number("observed"), Column.text("source"), Column.text("status"), Column.text("reason"),
                Column.text("trend"), Column.text("actions_sv"));
        for (AgreementResult.Condition c : result.conditions()) {
            if (region.test(c.regionCode())) {
                table.row(c.paymentCode(), c.conditionCode(), c.regionCode(), c.regionName(), c.metric(), c.description(), c.threshold(),
                        c.comparison(), c.observed(), c.source(), c.status(), c.reason(), c.trend(), c.actions());
            }
        }
        return meta(table, result);
    }

    /** Each payment part per region: the decision, its reasons, the population (and its date) and the amount. */
    public static ResultTable.Builder payments(AgreementResult result, Predicate<String> region) {
        ResultTable.Builder table = ResultTable.builder("Agreement " + result.year() + ": payments to regions",
                Column.dimension("payment_code"), Column.text("part_name"), Column.count("part_amount_sek"), Column.text("shared_among"),
                Column.dimension("region_code"), Column.text("region_name"), Column.text("decision"), Column.text("reasons"),
                Column.count("population"), Column.text("population_date"), Column.flag("qualifies"), Column.count("amount_sek"),
                Column.text("note"));
        for (AgreementResult.Part part : result.parts()) {
            for (AgreementResult.Payment p : part.payments()) {
                if (region.test(p.regionCode())) {
                    var decision = result.decision(part.paymentCode(), p.regionCode());
                    table.row(part.paymentCode(), part.name(), part.amount(), part.sharedAmong(), p.regionCode(), p.regionName(),
                            decision.map(AgreementResult.Decision::decision).orElse("not conditional"),
                            decision.map(AgreementResult.Decision::reasons).orElse(""), p.population(), String.valueOf(result.populationDate()),
                            p.qualifies(), p.amount(), part.note());
                }
            }
        }
        return meta(table, result);
    }

    /** Lead times not met: the released cells, SVFs where most patients wait too long first. */
    public static ResultTable.Builder leadTimeGaps(LeadTimesNotMet.Result result, List<LeadTimesNotMet.Gap> gaps) {
        ResultTable.Builder table = ResultTable.builder("Lead times not met, " + result.period(), Column.dimension("period_code"),
                Column.dimension("geo_code"), Column.text("geo_name"), Column.dimension("svf_code"), Column.integerDimension("sex_code"),
                Column.count("patients"), Column.number("within_share"), Column.number("target"), Column.number("gap_pp"),
                Column.count("gap_patients"), Column.number("exceeding_share"));
        for (LeadTimesNotMet.Gap g : gaps) {
            table.row(g.periodCode(), g.geoCode(), g.geoName(), g.svfCode(), g.sexCode(), g.patients(), g.withinShare(), g.target(), g.gapPp(),
                    g.gapPatients(), g.exceedingShare());
        }
        return table.meta("hidden_cells", result.hiddenCells()).meta("minimum_patients", result.minimumPatients());
    }

    /** Special investments per RCC and area. */
    public static ResultTable.Builder investments(SpecialInvestments.Result result) {
        ResultTable.Builder table = ResultTable.builder("Special investments " + result.year(), Column.dimension("area_code"),
                Column.dimension("rcc_code"), Column.text("rcc_name"), Column.count("allocated_sek"), Column.count("passed_on_sek"),
                Column.number("passed_on_share"), Column.count("projects"), Column.count("projects_sek"), Column.number("population_share"),
                Column.number("reported_share"), Column.number("share_deviation_pp"), Column.text("criteria"));
        for (SpecialInvestments.Fund f : result.funds()) {
            table.row(f.areaCode(), f.rccCode(), f.rccName(), f.allocated(), f.passedOn(), f.passedOnShare(), f.projects(), f.projectsAmount(),
                    f.populationShare(), f.reportedShare(), f.shareDeviationPp(), f.criteria());
        }
        return table.meta("deviations", result.deviations());
    }

    private static ResultTable.Builder meta(ResultTable.Builder table, AgreementResult result) {
        return table.meta("year", result.year()).meta("report_deadline", String.valueOf(result.reportDeadline()))
                .meta("population_date", String.valueOf(result.populationDate())).meta("population_note", result.populationNote());
    }
}
