package se.lagesbild.cli;

import static se.lagesbild.warehouse.db.Tables.REF_SPECIAL_INVESTMENT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.agreement.LeadTimesNotMet;
import se.lagesbild.warehouse.agreement.SpecialInvestments;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.SexComparisons;
import se.lagesbild.warehouse.stats.Confidence;

/** {@code lagesbild agreement --year Y}: second-payment conditions and payments per region. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Evaluate the year's state–SKR agreement: every condition per region (observed value, threshold,"
                + " met / not met / not evaluable and why), the decision per payment part, and the payments split by"
                + " population share in whole kronor (largest remainder), lead times not met and differences between"
                + " women and men. Writes the interim report's tables as CSV files and one Markdown file.")
final class AgreementCommand extends Verb {
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The agreement year, e.g. 2026.")
    int year;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Folder for the conditions, payments and lead-time CSV files and the Markdown tables (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--csv", defaultValue = "rfc4180", paramLabel = "DIALECT", description = "The CSV files' dialect: rfc4180 (comma,"
            + " decimal point; the default) or excel-sv (what Excel with Swedish settings opens by double-click: UTF-8 with BOM,"
            + " semicolon, decimal comma).")
    String csv;

    @Override
    public void run() {
        se.lagesbild.publishing.tables.format.CsvTables.Dialect dialect = ReportCommand.dialect(spec, csv);
        java.util.Map<String, String> areas = new java.util.HashMap<>();
        se.lagesbild.publishing.text.Labels labels;
        AgreementResult result;
        LeadTimesNotMet.Result leadTimes;
        List<SexComparisons.SexGap> sexGaps;
        SpecialInvestments.Result investments;
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            result = AgreementEvaluation.evaluate(warehouse, year);
            // the pathways' and the special investments' names, for the Markdown that agencies read
            labels = se.lagesbild.publishing.text.Labels.of(warehouse, se.lagesbild.publishing.text.Language.SV);
            warehouse.dsl().select(REF_SPECIAL_INVESTMENT.AREA_CODE, REF_SPECIAL_INVESTMENT.NAME_SV).from(REF_SPECIAL_INVESTMENT)
                    .where(REF_SPECIAL_INVESTMENT.INVESTMENT_YEAR.eq(year)).forEach(r -> areas.put(r.value1(), r.value2()));
            leadTimes = LeadTimesNotMet.of(warehouse, String.valueOf(year));
            investments = SpecialInvestments.of(warehouse, year);
            sexGaps = SexComparisons.of(warehouse, "svf_within_lead_time",
                    CellFilter.all().periods(String.valueOf(year)).level("country").ageGroups("ALL"), Confidence.NINETY_FIVE).stream()
                    .filter(g -> !g.cell().diagnosisCode().equals("ALL"))
                    .filter(g -> Math.min(g.womenDenominator(), g.menDenominator()) >= leadTimes.minimumPatients()).toList();
        }
        out().printf("Agreement %d: report deadline %s; population at %s%s.%n", year, result.reportDeadline(),
                result.populationDate(), noteInBrackets(result.populationNote()));
        printDeviations(result);
        for (AgreementResult.Part part : result.parts()) {
            printPart(result, part);
        }
        printLeadTimes(leadTimes);
        printInvestments(investments);
        Path conditions = outDir.resolve("agreement-" + year + "-conditions.csv");
        Path payments = outDir.resolve("agreement-" + year + "-payments.csv");
        Path gaps = outDir.resolve("agreement-" + year + "-lead-times-not-met.csv");
        Path funds = outDir.resolve("agreement-" + year + "-special-investments.csv");
        Path report = outDir.resolve("agreement-" + year + ".md");
        CsvFile.write(conditions, conditionRows(result), dialect);
        CsvFile.write(payments, paymentRows(result), dialect);
        CsvFile.write(gaps, gapRows(leadTimes), dialect);
        CsvFile.write(funds, fundRows(investments), dialect);
        AgreementReportWriter.write(report, result, leadTimes, sexGaps, investments, labels, areas);
        out().printf("%nWritten to %s: %s, %s, %s, %s and the tables together in %s%n", outDir.toAbsolutePath(), conditions.getFileName(),
                payments.getFileName(), gaps.getFileName(), funds.getFileName(), report.getFileName());
        if (result.refusal() != null) {
            throw new Rejected("Payments of " + year + " " + result.refusal());
        }
    }

    /** A share as "83.1 %", or "–" when there is nothing to divide (no money reported). */
    static String percent(double share, Locale locale) {
        return Double.isNaN(share) ? "–" : String.format(locale, "%.1f %%", 100 * share);
    }

    private void printDeviations(AgreementResult result) {
        List<AgreementResult.Condition> failing = result.conditions().stream().filter(c -> c.status().equals("not_met")).toList();
        out().printf("%nConditions not met: %d%n", failing.size());
        String previous = "";
        for (AgreementResult.Condition c : failing) {
            if (!c.regionCode().equals(previous)) {
                out().printf("  %s %s%s%n", c.regionCode(), c.regionName(), c.actions().isEmpty() ? "" : " (its actions: " + c.actions() + ")");
                previous = c.regionCode();
            }
            out().printf("      %-4s %-10s %s%s%n", c.paymentCode(), c.conditionCode(), c.reason(),
                    c.trend().isEmpty() ? "" : "; earlier: " + c.trend());
        }
        long notEvaluable = result.conditions().stream().filter(c -> c.status().equals("not_evaluable")).count();
        if (notEvaluable > 0) {
            out().printf("Conditions not evaluable: %d (see the conditions CSV for each reason)%n", notEvaluable);
        }
    }

    private void printPart(AgreementResult result, AgreementResult.Part part) {
        out().printf("%n%s %s: %s kr shared among %s%n", part.paymentCode(), part.name(), AgreementResult.grouped(part.amount()),
                part.sharedAmong().replace('_', ' '));
        if (!part.note().isEmpty()) {
            out().printf("  %s%n", se.lagesbild.publishing.text.Language.EN.conditionNames(part.note()));
            return;
        }
        out().printf("  %-3s %-20s %-14s %12s %16s%n", "", "region", "decision", "population", "amount (kr)");
        for (AgreementResult.Payment p : part.payments()) {
            String decision = result.decisionOf(part.paymentCode(), p.regionCode()).orElse("(all regions)");
            out().printf("  %-3s %-20s %-14s %12s %16s%n", p.regionCode(), p.regionName(), decision, AgreementResult.grouped(p.population()),
                    AgreementResult.grouped(p.amount()));
        }
        out().printf("  %-3s %-20s %-14s %12s %16s%n", "", "total", "", "", AgreementResult.grouped(part.apportioned()));
    }

    private void printLeadTimes(LeadTimesNotMet.Result leadTimes) {
        out().printf("%nLead times not met in %s, Riket (target %.0f %% within the maximum), most patients missing first:%n",
                leadTimes.period(), 100 * leadTimes.nationalBySvf().stream().mapToDouble(LeadTimesNotMet.Gap::target).findFirst().orElse(0.8));
        leadTimes.nationalBySvf().stream().filter(LeadTimesNotMet.Gap::missed).limit(10).forEach(g -> out().printf(
                Locale.ROOT, "  %-8s %6.1f %% within (%s patients): %4.1f percentage points, %s patients short; %4.1f %% over by > 50 %%%n",
                g.svfCode(), 100 * g.withinShare(), AgreementResult.grouped(g.patients()), g.gapPp(), AgreementResult.grouped(g.gapPatients()), 100 * g.exceedingShare()));
        out().printf("%d region × SVF × sex cells miss the target; %d cells are held back by disclosure control (fewer than %d"
                + " patients, or recoverable by subtraction).%n", leadTimes.regionalMisses().size(), leadTimes.hiddenCells(),
                leadTimes.minimumPatients());
    }

    private void printInvestments(SpecialInvestments.Result investments) {
        out().printf("%nSpecial investments %d:%n", investments.year());
        if (investments.areas().isEmpty()) {
            out().println("  no RCC reports on special investments loaded for this year");
            return;
        }
        for (SpecialInvestments.Area a : investments.areas()) {
            out().printf(Locale.ROOT, "  %-13s allocated %14s kr, passed on %14s kr (%s), %d projects%s%n", a.areaCode(), AgreementResult.grouped(a.allocated()),
                    AgreementResult.grouped(a.passedOn()), percent(a.passedOnShare(), Locale.ROOT), a.projects(),
                    a.agreedAmount() == null ? " (no amount per area in the agreement)" : " of " + AgreementResult.grouped(a.agreedAmount()) + " kr agreed");
        }
        out().printf("  %d deviations%s%n", investments.deviations().size(), investments.deviations().isEmpty() ? "" : ":");
        investments.deviations().forEach(d -> out().println("    " + d));
    }

    private static List<List<String>> fundRows(SpecialInvestments.Result investments) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("year", "area_code", "rcc_code", "rcc", "allocated_sek", "passed_on_sek", "passed_on_share", "criteria", "projects",
                "projects_sek", "population_share", "reported_share", "project_list"));
        for (SpecialInvestments.Fund f : investments.funds()) {
            rows.add(List.of(String.valueOf(investments.year()), f.areaCode(), f.rccCode(), f.rccName(), String.valueOf(f.allocated()),
                    String.valueOf(f.passedOn()), number(f.passedOnShare()), f.criteria(), String.valueOf(f.projects()),
                    String.valueOf(f.projectsAmount()), number(f.populationShare()), number(f.reportedShare()), f.projectList()));
        }
        return rows;
    }

    private static List<List<String>> gapRows(LeadTimesNotMet.Result leadTimes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("period_code", "geo_code", "geo", "svf_code", "sex_code", "patients", "within_share", "target", "gap_pp",
                "gap_patients", "exceeding_share"));
        for (LeadTimesNotMet.Gap g : leadTimes.gaps()) {
            rows.add(List.of(g.periodCode(), g.geoCode(), g.geoName(), g.svfCode(), String.valueOf(g.sexCode()), String.valueOf(g.patients()),
                    number(g.withinShare()), number(g.target()), number(g.gapPp()), String.valueOf(g.gapPatients()), number(g.exceedingShare())));
        }
        return rows;
    }

    private static List<List<String>> conditionRows(AgreementResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("agreement_year", "payment_code", "condition_code", "region_code", "region", "metric", "threshold",
                "comparison", "observed", "status", "reason", "trend", "description_sv", "source", "patients", "patients_base"));
        for (AgreementResult.Condition c : result.conditions()) {
            rows.add(List.of(String.valueOf(result.year()), c.paymentCode(), c.conditionCode(), c.regionCode(), c.regionName(),
                    c.metric(), number(c.threshold()), c.comparison(), number(c.observed()), c.status(), c.reason(), c.trend(), c.description(),
                    c.source(), c.patients() == null ? "" : String.valueOf(c.patients()),
                    c.patientsBase() == null ? "" : String.valueOf(c.patientsBase())));
        }
        return rows;
    }

    private static List<List<String>> paymentRows(AgreementResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("agreement_year", "payment_code", "region_code", "region", "qualifies", "population",
                "population_date", "amount_sek", "part_amount_sek", "note"));
        for (AgreementResult.Part part : result.parts()) {
            for (AgreementResult.Payment p : part.payments()) {
                rows.add(List.of(String.valueOf(result.year()), part.paymentCode(), p.regionCode(), p.regionName(),
                        String.valueOf(p.qualifies()), String.valueOf(p.population()), result.populationDate().toString(),
                        String.valueOf(p.amount()), String.valueOf(part.amount()), part.note()));
            }
        }
        return rows;
    }

    private static String number(Double value) {
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** " (note)", or "" when there is none (never "(null)"). */
    static String noteInBrackets(String note) {
        return note == null || note.isBlank() ? "" : " (" + note.strip() + ")";
    }
}
