package se.lagesbild.cli;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.notebooks.Pdf;
import se.lagesbild.notebooks.YearlyReportRun;
import se.lagesbild.publishing.tables.format.CsvTables;
import se.lagesbild.publishing.text.Language;

/** {@code lagesbild report}: the yearly follow-up notebook run headlessly into an HTML report, with its tables and a manifest. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Execute the yearly follow-up notebook headlessly over the warehouse (as of a snapshot) and write"
                + " report-YEAR.html (Swedish, or English with --lang en), the same tables as an Excel workbook (report-YEAR.xlsx, one"
                + " sheet per table) and as CSV and Arrow files (tables/), and manifest.json (versions, snapshot, vintages and their"
                + " SHA-256, method settings); with --pdf also a PDF. The same snapshot gives identical HTML, xlsx, CSV and Arrow"
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

    @Option(names = "--lang", defaultValue = "sv", paramLabel = "LANG", description = "sv (Swedish, the default) or en (English):"
            + " the page, the workbook's labels, the sentences and this command's messages.")
    Language language;

    @Option(names = "--csv", defaultValue = "rfc4180", paramLabel = "DIALECT", description = "The CSV files' dialect: rfc4180 (comma,"
            + " decimal point; the default) or excel-sv (what Excel with Swedish settings opens by double-click: UTF-8 with BOM,"
            + " semicolon, decimal comma).")
    String csv;

    @Option(names = "--region", defaultValue = "01", paramLabel = "CODE", description = "The region drawn beside Riket in the trends"
            + " (default: ${DEFAULT-VALUE}, Stockholm).")
    String region;

    @Option(names = "--full", description = "Every indicator's trend chart, funnel plot, map and women/men chart (over a hundred pages"
            + " on the demo). By default (about 20 pages) those of the indicators the most important changes name, and one overview"
            + " table of every indicator per section; every table is in the workbook either way.")
    boolean full;

    @Override
    public void run() {
        Path folder = out != null ? out : Path.of("out", "report-" + year);
        long start = System.nanoTime();
        CsvTables.Dialect dialect = dialect(spec, csv);
        if (!region.matches("\\d\\d") || region.equals("00")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--region must be a region's two-digit code (01 Stockholm ... 25"
                    + " Norrbotten), not '" + region + "'.");
        }
        if (pdf) {
            Pdf.chromium(); // fail before minutes of work, not after
        }
        java.util.function.Consumer<String> step = text -> {
            out().printf("      [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, text);
            out().flush();
        };
        YearlyReportRun.Result result = YearlyReportRun.run(DemoCommand.home(), db(), year, baseline, snapshot, published, folder,
                new YearlyReportRun.Options(language, dialect, region, full), step);
        out().println(language.text("progress.done", result.html().toAbsolutePath(), result.workbook().toAbsolutePath(),
                result.folder().resolve("tables").toAbsolutePath(), result.tables().size(), result.manifest().toAbsolutePath()));
        if (pdf) {
            step.accept(language.text("progress.pdf"));
            Path file = Pdf.print(result.html(), result.folder().resolve("report-" + year + ".pdf"));
            out().printf("PDF: %s%n", file.toAbsolutePath());
        }
    }

    /** The dialect {@code --csv} names: rfc4180 or excel-sv; anything else is refused naming the option. */
    static CsvTables.Dialect dialect(CommandLine.Model.CommandSpec spec, String csv) {
        return switch (csv) {
            case "rfc4180" -> CsvTables.Dialect.RFC4180;
            case "excel-sv" -> CsvTables.Dialect.EXCEL_SV;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--csv must be rfc4180 or excel-sv, not '" + csv + "'.");
        };
    }
}
