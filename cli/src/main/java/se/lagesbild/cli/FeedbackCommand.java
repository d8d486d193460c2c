package se.lagesbild.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.loaders.followup.CompletenessFeedback;
import se.lagesbild.loaders.followup.FeedbackWriter;
import se.lagesbild.loaders.followup.RegionFeedback;
import se.lagesbild.warehouse.Warehouse;

/** {@code lagesbild feedback --year Y [--region R]}: tell regions what their reporting lacks. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Completeness feedback to the regions for a year: months without records, SVFs without records,"
                + " a late or missing yearly report, missing PREM and quarantined rows. Writes a Markdown letter per region"
                + " and one CSV for all regions.")
final class FeedbackCommand extends Verb {
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The reporting year.")
    int year;

    @Option(names = "--region", paramLabel = "CODE", description = "Only this region (01–25).")
    String region;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the letters and the CSV (default: out/feedback/YEAR).")
    Path out;

    @Override
    public void run() {
        List<RegionFeedback> feedback;
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            feedback = CompletenessFeedback.forYear(warehouse, year, region, LocalDate.now());
        }
        Path folder = out != null ? out : Path.of("out", "feedback", String.valueOf(year));
        List<Path> files = FeedbackWriter.write(feedback, folder);
        for (RegionFeedback r : feedback) {
            out().printf("%s %-20s %s%n", r.regionCode(), r.regionName(), r.complete() ? "complete"
                    : String.format("%d missing months, %d SVFs without records, report %s, PREM %s, %d quarantined rows",
                    r.missingMonths().size(), r.svfsWithoutRecords().size(),
                    r.reportMissing() ? "missing" : r.reportLate() ? "late" : "on time",
                    r.premResults() == 0 ? "missing" : Boolean.FALSE.equals(r.premUsed()) ? "not used" : "reported", r.quarantinedRows()));
        }
        out().printf("Wrote %d letters and %s%n", files.size() - 1, files.get(files.size() - 1).toAbsolutePath());
    }
}
