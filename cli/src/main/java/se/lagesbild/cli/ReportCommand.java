package se.lagesbild.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.notebooks.Pdf;
import se.lagesbild.notebooks.YearlyReportRun;

/** {@code lagesbild report}: the yearly follow-up notebook run headlessly into an HTML report, with its tables and a manifest. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Execute the yearly follow-up notebook headlessly over the warehouse (as of a snapshot) and write"
                + " report-YEAR.html, the same tables as CSV and Arrow files (tables/), and manifest.json (versions, snapshot,"
                + " vintages and their SHA-256, method settings); with --pdf also a PDF. The same snapshot gives identical HTML, CSV and Arrow"
                + " files (the PDF differs in the creation date Chromium stamps into it). Prints each step with the time taken so far.")
final class ReportCommand extends Verb {
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The follow-up year.")
    int year;

    @Option(names = "--baseline", defaultValue = "2026", paramLabel = "YEAR", description = "The baseline year (default: ${DEFAULT-VALUE}).")
    int baseline;

    @Option(names = "--snapshot", paramLabel = "NAME", description = "Report as of this snapshot (default: the newest vintages).")
    String snapshot;

    @Option(names = "--published", paramLabel = "NAME", description = "The snapshot the baseline was published from: the report shows the"
            + " baseline as published beside the baseline with revised data (default: not shown).")
    String published;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report (default: out/report-YEAR).")
    Path out;

    @Option(names = "--pdf", description = "Also print the report to report-YEAR.pdf (A4) with headless Chromium.")
    boolean pdf;

    @Override
    public void run() {
        Path folder = out != null ? out : Path.of("out", "report-" + year);
        long start = System.nanoTime();
        java.util.function.Consumer<String> step = text -> out().printf("      [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, text);
        YearlyReportRun.Result result = YearlyReportRun.run(DemoCommand.home(), db(), year, baseline, snapshot, published, folder, step);
        out().printf("Report: %s%nTables: %s (%d CSV and Arrow files)%nManifest: %s%n", result.html().toAbsolutePath(),
                result.folder().resolve("tables").toAbsolutePath(), result.tables().size(), result.manifest().toAbsolutePath());
        if (pdf) {
            step.accept("printing the report to PDF (headless Chromium)");
            Path file = Pdf.print(result.html(), result.folder().resolve("report-" + year + ".pdf"));
            out().printf("PDF: %s%n", file.toAbsolutePath());
        }
    }
}
