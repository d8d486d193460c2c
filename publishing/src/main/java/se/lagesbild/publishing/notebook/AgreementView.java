package se.lagesbild.publishing.notebook;

import java.util.List;
import java.util.function.Predicate;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.publishing.text.SwedishReasons;
import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.agreement.LeadTimesNotMet;
import se.lagesbild.warehouse.agreement.SpecialInvestments;

/**
 * The agreement's follow-up as the agreement notebook shows it, labelled as the yearly report is:
 * headers, decisions and statuses in the notebook's language, conditions and pathways by name,
 * shares in per cent with the patients behind them, amounts with their thousands grouped. The
 * numbers are {@link AgreementResult}'s, {@link LeadTimesNotMet}'s and {@link SpecialInvestments}'
 * (the API and the CSV files give the same ones as codes and fractions).
 */
public record AgreementView(AgreementResult result, LeadTimesNotMet.Result leadTimes, SpecialInvestments.Result investments, Labels labels) {
    private Language language() {
        return labels.language();
    }

    /** The year, the report deadline and the population's date the payments are shared by. */
    public String header() {
        String note = result.populationNote() == null || result.populationNote().isBlank() ? "" : " (" + result.populationNote().strip() + ")";
        return "<p>" + language().text("agreement.header", "<b>" + result.year() + "</b>", result.reportDeadline(), result.populationDate())
                + Html.escape(note) + "</p>";
    }

    /** Every condition per region: the part, the condition by name, what was observed against what is required, the status and why. */
    public String conditions() {
        return LabelledTable.html(conditionTable(), language().text("agreement.conditions", result.year()), List.of("payment_code",
                "condition", "region_code", "observed_text", "threshold_text", "status", "reason"), r -> true, labels, null);
    }

    /** Conditions not met, with the region's trend and its own described actions. */
    public String deviations() {
        ResultTable t = conditionTable();
        Predicate<Object[]> notMet = Html.where(t, "status", "not_met");
        return LabelledTable.html(t, language().text("agreement.deviations", result.year()), List.of("payment_code", "condition", "region_code",
                "observed_text", "reason", "trend", "actions_sv"), notMet, labels, null);
    }

    /** Each payment part per region: the decision, the population and the amount. */
    public String payments() {
        ResultTable.Builder b = ResultTable.builder("payments", Column.dimension("payment_code"), Column.dimension("region_code"),
                Column.text("decision"), Column.count("population"), Column.count("amount_sek"), Column.text("reason"));
        for (AgreementResult.Part part : result.parts()) {
            for (AgreementResult.Payment p : part.payments()) {
                b.row(part.paymentCode() + " " + part.name(), p.regionCode(), result.decisionOf(part.paymentCode(), p.regionCode())
                        .orElse("all_regions"), p.population(), p.amount(), reasons(part, p.regionCode()));
            }
        }
        return LabelledTable.html(b.build(), language().text("agreement.payments", result.year(), result.populationDate()), List.of("payment_code",
                "region_code", "decision", "population", "amount_sek", "reason"), r -> true, labels, null);
    }

    /** Riket's pathways whose share within the maximum lead time is under the target, most patients short first. */
    public String leadTimesNotMet() {
        return gaps(leadTimes.nationalBySvf(), language().text("agreement.lead_times", leadTimes.period()))
                + Html.note(language().text("agreement.lead_times.hidden", leadTimes.hiddenCells(), leadTimes.minimumPatients()));
    }

    /** Each region's pathways and sexes under the target. */
    public String regionalMisses() {
        return gaps(leadTimes.regionalMisses(), language().text("agreement.regional_misses", leadTimes.period()));
    }

    /** The special investments per area and RCC, and every deviation from the split by population. */
    public String specialInvestments() {
        ResultTable.Builder b = ResultTable.builder("investments", Column.text("area"), Column.text("rcc"), Column.count("allocated_sek"),
                Column.count("passed_on_sek"), Column.text("passed_on_text"), Column.count("projects"));
        for (SpecialInvestments.Fund f : investments.funds()) {
            b.row(area(f.areaCode()), f.rccName(), f.allocated(), f.passedOn(), share(f.passedOnShare()), f.projects());
        }
        List<String> deviations = investments.deviations().stream().map(this::words).toList();
        return LabelledTable.html(b.build(), language().text("agreement.investments", investments.year()), List.of("area", "rcc",
                "allocated_sek", "passed_on_sek", "passed_on_text", "projects"), r -> true, labels, null)
                + (deviations.isEmpty() ? Html.paragraph(language().text("agreement.investments.none")) : Html.list(deviations));
    }

    private String gaps(List<LeadTimesNotMet.Gap> gaps, String caption) {
        ResultTable.Builder b = ResultTable.builder("gaps", Column.dimension("geo_code"), Column.dimension("diagnosis_code"),
                Column.integerDimension("sex_code"), Column.count("patients"), Column.text("within_text"), Column.text("target_text"),
                Column.count("gap_patients"), Column.text("exceeding_text"));
        for (LeadTimesNotMet.Gap g : gaps) {
            b.row(g.geoCode(), g.svfCode(), g.sexCode(), g.patients(), share(g.withinShare()), share(g.target()), g.gapPatients(),
                    share(g.exceedingShare()));
        }
        return LabelledTable.html(b.build(), caption, List.of("geo_code", "diagnosis_code", "sex_code", "patients", "within_text", "target_text",
                "gap_patients", "exceeding_text"), r -> true, labels, null);
    }

    /** The conditions with what a reader needs, already worded: the observed share with its patients, the requirement. */
    private ResultTable conditionTable() {
        ResultTable.Builder b = ResultTable.builder("conditions", Column.dimension("payment_code"), Column.text("condition"),
                Column.dimension("region_code"), Column.text("observed_text"), Column.text("threshold_text"), Column.text("status"),
                Column.text("reason"), Column.text("trend"), Column.text("actions_sv"));
        for (AgreementResult.Condition c : result.conditions()) {
            boolean share = c.patientsBase() != null || "svf_inclusion".equals(c.metric()) || "lead_time_within_max".equals(c.metric());
            String observed = c.observed() == null ? "" : share ? share(c.observed()) : language().number(c.observed(), 1);
            if (c.patients() != null) {
                observed += " " + language().text("agreement.of_patients", language().count(c.patients()), language().count(c.patientsBase()));
            }
            String threshold = c.threshold() == null ? "" : c.comparison() + " " + (share ? share(c.threshold()) : language().number(c.threshold(), 1));
            b.row(c.paymentCode(), c.description() == null || c.description().isBlank() ? c.conditionCode() : c.description(), c.regionCode(),
                    observed, threshold, c.status(), words(c.reason()), words(c.trend()), c.actions());
        }
        return b.build();
    }

    /** Why a region's part is not met or cannot be judged: each such condition by its short name, and its reason. */
    private String reasons(AgreementResult.Part part, String region) {
        List<String> reasons = result.conditions().stream().filter(c -> c.paymentCode().equals(part.paymentCode())
                        && c.regionCode().equals(region) && !c.status().equals("met"))
                .map(c -> condition(c) + ": " + words(c.reason())).toList();
        return reasons.isEmpty() ? words(part.note()) : String.join("; ", reasons);
    }

    /** A condition's short name ("Inklusion", "Ledtid bröstcancer"), else its description in the rules. */
    private String condition(AgreementResult.Condition c) {
        return language().textOr("condition." + c.conditionCode(), c.description() == null || c.description().isBlank() ? c.conditionCode()
                : c.description());
    }

    private String share(double value) {
        return Double.isNaN(value) ? "–" : language().value(value, "proportion");
    }

    private String area(String code) {
        return language().textOr("investment." + code, code);
    }

    /** The warehouse's reasons (English, as in the API and the CSV files) in the notebook's language. */
    private String words(String english) {
        return english == null ? "" : language().conditionNames(language() == Language.SV ? SwedishReasons.of(english) : english);
    }
}
