package se.lagesbild.loaders.followup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes completeness feedback: one Markdown letter per region ({@code region-RR.md}, in Swedish,
 * for the region) and one CSV of every item for all regions ({@code feedback-YEAR.csv}).
 */
public final class FeedbackWriter {
    private FeedbackWriter() {
    }

    /** Writes the letters and the CSV into {@code folder}; returns the files written. */
    public static List<Path> write(List<RegionFeedback> feedback, Path folder) {
        List<Path> written = new ArrayList<>();
        List<String> csv = new ArrayList<>(List.of("region_code,region_name,year,item,detail"));
        for (RegionFeedback region : feedback) {
            Path letter = folder.resolve("region-" + region.regionCode() + ".md");
            OutputFile.write(letter, letter(region));
            written.add(letter);
            for (String[] item : items(region)) {
                csv.add(String.join(",", region.regionCode(), quote(region.regionName()), String.valueOf(region.year()), item[0],
                        quote(item[1])));
            }
        }
        int year = feedback.isEmpty() ? 0 : feedback.get(0).year();
        Path table = folder.resolve("feedback-" + year + ".csv");
        OutputFile.write(table, String.join("\n", csv) + "\n");
        written.add(table);
        return written;
    }

    /** Each item as (code, detail). */
    static List<String[]> items(RegionFeedback r) {
        List<String[]> items = new ArrayList<>();
        r.missingMonths().forEach(m -> items.add(new String[] {"missing_month", m}));
        r.svfsWithoutRecords().forEach(s -> items.add(new String[] {"svf_without_records", s}));
        if (r.reportMissing()) {
            items.add(new String[] {"report_missing", "ingen årsredovisning inkommen" + (r.reportDeadline() == null ? "" : "; sista dag " + r.reportDeadline())});
        } else if (r.reportLate()) {
            items.add(new String[] {"report_late", "inkom " + r.reportSubmitted() + ", efter sista dag " + r.reportDeadline()});
        }
        if (r.premResults() == 0) {
            items.add(new String[] {"prem_missing", "inga PREM-resultat för " + r.year()});
        }
        if (Boolean.FALSE.equals(r.premUsed())) {
            items.add(new String[] {"prem_not_used", "redovisningen anger att PREM inte används"});
        }
        r.quarantinedByRule().forEach((rule, n) -> items.add(new String[] {"quarantined_rows", n + " rader: " + rule}));
        return items;
    }

    static String letter(RegionFeedback r) {
        StringBuilder md = new StringBuilder();
        md.append("# Återkoppling om rapporteringen ").append(r.year()).append(": Region ").append(r.regionName())
                .append(" (").append(r.regionCode()).append(")\n\n");
        if (r.complete()) {
            return md.append("Rapporteringen för ").append(r.year()).append(" är fullständig så långt den kan bedömas: inga saknade")
                    .append(" månader eller SVF, årsredovisningen har inkommit i tid, PREM redovisas och inga rader är satta i karantän.\n")
                    .toString();
        }
        md.append("Socialstyrelsen har gått igenom regionens rapportering för ").append(r.year())
                .append(" och ser att följande behöver kompletteras eller rättas.\n\n");
        if (!r.missingMonths().isEmpty()) {
            md.append("## Månader utan väntetidsdata\n\n");
            r.missingMonths().forEach(m -> md.append("- ").append(m).append('\n'));
            md.append("\nRapportera SVF-förloppen för dessa månader.\n\n");
        }
        if (!r.svfsWithoutRecords().isEmpty()) {
            md.append("## SVF utan rapporterade förlopp under året\n\n");
            r.svfsWithoutRecords().forEach(s -> md.append("- ").append(s).append('\n'));
            md.append("\nBekräfta att inga patienter utretts i dessa förlopp, eller rapportera dem.\n\n");
        }
        if (r.reportMissing() || r.reportLate()) {
            md.append("## Årsredovisning\n\n");
            md.append(r.reportMissing()
                    ? "Ingen redovisning enligt mallen har inkommit" + (r.reportDeadline() == null ? "" : " (sista dag " + r.reportDeadline() + ")") + ".\n\n"
                    : "Redovisningen inkom " + r.reportSubmitted() + ", efter sista dag " + r.reportDeadline() + ".\n\n");
        }
        if (r.premMissing()) {
            md.append("## PREM\n\n");
            md.append(r.premResults() == 0 ? "Inga PREM-resultat har rapporterats för " + r.year() + ". " : "")
                    .append(Boolean.FALSE.equals(r.premUsed()) ? "Redovisningen anger att PREM-enkäter inte används för uppföljning av SVF." : "")
                    .append("\n\n");
        }
        if (r.quarantinedRows() > 0) {
            md.append("## Rader som inte kunde läsas in\n\n");
            md.append(r.quarantinedRows()).append(" rader i regionens leveranser har satts i karantän:\n\n");
            r.quarantinedByRule().forEach((rule, n) -> md.append("- ").append(rule).append(": ").append(n).append(" rader\n"));
            md.append("\nEn lista med rad, kolumn och orsak finns hos Socialstyrelsen (`lagesbild validate`). Rätta och leverera igen.\n");
        }
        return md.toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
