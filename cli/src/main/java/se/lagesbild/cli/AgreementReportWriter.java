package se.lagesbild.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import se.lagesbild.loaders.followup.OutputFile;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.publishing.text.SwedishReasons;
import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.agreement.LeadTimesNotMet;
import se.lagesbild.warehouse.agreement.SpecialInvestments;
import se.lagesbild.warehouse.indicators.SexComparisons;

/** The interim report's tables for one agreement year, as one Markdown file. */
final class AgreementReportWriter {
    /** Swedish number formatting: 1 250 000 (non-breaking spaces), 87,8 %. */
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private AgreementReportWriter() {
    }

    /**
     * @param labels the warehouse's Swedish labels (the pathways by name)
     * @param areas the special investments' Swedish names by area code; a code without one is shown as it is
     */
    static void write(Path file, AgreementResult result, LeadTimesNotMet.Result leadTimes, List<SexComparisons.SexGap> sexGaps,
            SpecialInvestments.Result investments, Labels labels, java.util.Map<String, String> areas) {
        StringBuilder md = new StringBuilder();
        md.append("# Överenskommelsen om SVF ").append(result.year()).append(": uppföljning\n\n");
        md.append("Redovisningen senast ").append(result.reportDeadline()).append("; befolkning per ").append(result.populationDate())
                .append(AgreementCommand.noteInBrackets(result.populationNote())).append(".\n\n");
        md.append("## Villkor och utbetalningar per region\n\n");
        for (AgreementResult.Part part : result.parts()) {
            md.append("### ").append(part.paymentCode()).append(" ").append(part.name()).append(String.format(SWEDISH, " (%,d kr)%n%n", part.amount()));
            if (!part.note().isEmpty()) {
                md.append(Language.SV.conditionNames(SwedishReasons.of(part.note()))).append("\n\n");
                continue;
            }
            md.append("| region | beslut | befolkning | belopp (kr) |\n|---|---|---:|---:|\n");
            for (AgreementResult.Payment p : part.payments()) {
                // the decisions in the words the agreement notebook uses (status.met, status.all_regions …)
                String code = result.decisionOf(part.paymentCode(), p.regionCode()).orElse("all_regions");
                String decision = Language.SV.textOr("status." + code, code);
                md.append(String.format(SWEDISH, "| %s %s | %s | %,d | %,d |%n", p.regionCode(), p.regionName(), decision,
                        p.population(), p.amount()));
            }
            md.append(String.format(SWEDISH, "| **summa** | | | **%,d** |%n%n", part.apportioned()));
        }
        md.append("## Avvikelser\n\n| region | del | villkor | avvikelse | tidigare år | regionens åtgärder |\n|---|---|---|---|---|---|\n");
        for (AgreementResult.Condition c : result.conditions()) {
            if (c.status().equals("not_met")) {
                String counts = c.patients() == null ? "" : String.format(SWEDISH, " (%,d av %,d patienter)", c.patients(), c.patientsBase());
                md.append("| ").append(c.regionCode()).append(" ").append(c.regionName()).append(" | ").append(c.paymentCode())
                        .append(" | ").append(c.description() == null || c.description().isBlank() ? c.conditionCode() : c.description())
                        .append(" | ").append(SwedishReasons.of(c.reason())).append(counts).append(" | ").append(SwedishReasons.of(c.trend()))
                        .append(" | ").append(c.actions())
                        .append(" |\n");
            }
        }
        md.append("\n## Ledtider som inte uppfylls (").append(leadTimes.period()).append(", riket)\n\n");
        md.append("| SVF | patienter | inom maxtid | mål | gap (procentenheter) | gap (patienter) | över maxtid med > 50 % |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (LeadTimesNotMet.Gap g : leadTimes.nationalBySvf()) {
            md.append(String.format(SWEDISH, "| %s | %,d | %.1f %% | %.0f %% | %.1f | %,d | %.1f %% |%n", labels.diagnosis(g.svfCode()), g.patients(),
                    100 * g.withinShare(), 100 * g.target(), g.gapPp(), g.gapPatients(), 100 * g.exceedingShare()));
        }
        md.append(String.format(SWEDISH, "%n%d celler region × SVF × kön under målet; %d celler visas inte (färre än %d patienter, eller går att räkna fram).%n%n",
                leadTimes.regionalMisses().size(), leadTimes.hiddenCells(), leadTimes.minimumPatients()));
        md.append("## Skillnader mellan kvinnor och män (andel inom maxtid, riket)\n\n");
        md.append("| SVF | kvinnor | män | skillnad (procentenheter, 95 % KI) | justerat p |\n|---|---:|---:|---|---:|\n");
        for (SexComparisons.SexGap s : sexGaps) {
            // differences with a real minus sign, as Swedish typography writes them: −26,1 (−47,2 till +3,1)
            md.append(String.format(SWEDISH, "| %s | %.1f %% (%,.0f av %,.0f) | %.1f %% (%,.0f av %,.0f) | %s | %.3f%s |%n",
                    labels.diagnosis(s.cell().diagnosisCode()),
                    100 * s.womenNumerator() / s.womenDenominator(), s.womenNumerator(), s.womenDenominator(),
                    100 * s.menNumerator() / s.menDenominator(), s.menNumerator(), s.menDenominator(),
                    String.format(SWEDISH, "%+.1f (%+.1f till %+.1f)", 100 * s.difference().value(), 100 * s.difference().lower(),
                            100 * s.difference().upper()).replace('-', '\u2212'), s.adjustedPValue(),
                    s.flagged() ? " *" : ""));
        }
        md.append("\n\\* skillnaden är statistiskt säkerställd (Benjamini–Hochberg, p < 0,05).\n");
        md.append("\n## Särskilda satsningar ").append(investments.year()).append("\n\n");
        md.append("| område | RCC | tilldelat (kr) | vidarefördelat (kr) | andel vidarefördelad | projekt | kriterier |\n")
                .append("|---|---|---:|---:|---:|---:|---|\n");
        for (SpecialInvestments.Fund f : investments.funds()) {
            md.append(String.format(SWEDISH, "| %s | %s | %,d | %,d | %s | %d | %s |%n", areas.getOrDefault(f.areaCode(), f.areaCode()), f.rccName(), f.allocated(),
                    f.passedOn(), AgreementCommand.percent(f.passedOnShare(), SWEDISH), f.projects(), f.criteria()));
        }
        md.append("\n| område (riket) | enligt överenskommelsen (kr) | tilldelat (kr) | vidarefördelat (kr) | andel | projekt |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (SpecialInvestments.Area a : investments.areas()) {
            md.append(String.format(SWEDISH, "| %s | %s | %,d | %,d | %s | %d |%n", areas.getOrDefault(a.areaCode(), a.areaCode()),
                    a.agreedAmount() == null ? "ej angivet" : String.format(SWEDISH, "%,d", a.agreedAmount()), a.allocated(), a.passedOn(),
                    AgreementCommand.percent(a.passedOnShare(), SWEDISH), a.projects()));
        }
        md.append("\nAvvikelser från fördelningen efter befolkning: ")
                .append(investments.deviations().isEmpty() ? "inga.\n" : "\n\n- " + String.join("\n- ", investments.deviations().stream()
                        .map(SwedishReasons::of).toList()) + "\n");
        OutputFile.write(file, md.toString());
    }
}
