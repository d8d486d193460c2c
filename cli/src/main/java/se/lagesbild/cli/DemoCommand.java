package se.lagesbild.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import se.lagesbild.api.ApiServer;
import se.lagesbild.api.ApiSettings;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.fixtures.DemoData;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.loaders.followup.CompletenessFeedback;
import se.lagesbild.loaders.followup.Reconciliation;
import se.lagesbild.loaders.followup.RegionFeedback;
import se.lagesbild.notebooks.Jupyter;
import se.lagesbild.notebooks.YearlyReportRun;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.agreement.AgreementResult;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.indicators.Marts;
import se.lagesbild.warehouse.status.StatusReader;

/**
 * {@code lagesbild demo}: the main job, end to end on bundled data. It builds the warehouse
 * schema and reference data, loads the bundled synthetic national data (every source, 2024–2027
 * at a small scale; each file only once), shows the status, and then what the follow-up finds
 * in it: SKR's extract against our records, the regions' reporting gaps and the agreement's
 * payments; then it asks the HTTP API what an agency would, and writes the yearly follow-up report
 * (the notebook run headlessly) as of a snapshot it takes once.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build the warehouse from the bundled synthetic national data and show what it holds."
                + " Safe to run again: files already loaded are skipped.")
final class DemoCommand extends Verb {
    static final String SNAPSHOT = "demo-report";
    static final String PUBLISHED = "baseline-2026";

    @Override
    public void run() {
        PrintWriter out = out();
        Path data = DemoData.folder(home());
        if (!Files.isDirectory(data)) {
            throw new WarehouseException("The bundled demo data is missing: " + data + ". Run demo from a checkout of Lägesbild (./lagesbild demo).");
        }
        Settings settings = DemoData.SETTINGS;
        out.println("[1/6] Schema and reference data");
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            out.printf("      %s at schema version %s (%d migrations applied now)%n", warehouse.file(),
                    warehouse.migration().toVersion(), warehouse.migration().executed());
            out.printf("[2/6] Synthetic national data %d–%d at scale %s, as of %s (%s)%n", settings.firstYear(), settings.lastYear(),
                    settings.scale(), settings.asOf(), data);
            DemoData.load(warehouse, data, outcome -> {
                out.print("      ");
                OutcomePrinter.print(outcome, out);
            });
            out.println("[3/6] Status");
            out.println();
            StatusPrinter.print(StatusReader.read(warehouse), out);
            out.println();
            out.printf("[4/6] Follow-up of the baseline year %d%n", 2026);
            Reconciliation.Result skr = Reconciliation.compare(warehouse, 2026, 0);
            out.printf("      SKR's extract: %d cells compared, %d counts differ from our records (lagesbild reconcile --year 2026)%n",
                    skr.cellsCompared(), skr.differences().size());
            List<RegionFeedback> feedback = CompletenessFeedback.forYear(warehouse, 2026, null, settings.asOf());
            for (RegionFeedback r : feedback) {
                if (!r.missingMonths().isEmpty() || r.reportLate() || r.reportMissing() || r.premMissing()) {
                    out.printf("      Region %s %s: %s%n", r.regionCode(), r.regionName(), String.join("; ", gaps(r)));
                }
            }
            out.println("      Letters to every region: lagesbild feedback --year 2026");
            AgreementResult agreement = AgreementEvaluation.evaluate(warehouse, 2026);
            for (AgreementResult.Part part : agreement.parts()) {
                long regions = part.payments().stream().filter(p -> p.amount() > 0).count();
                out.printf("      Agreement 2026, %s: %s%n", part.paymentCode(), part.note().isEmpty()
                        ? se.lagesbild.warehouse.agreement.AgreementResult.grouped(part.apportioned()) + " kr to " + regions + " regions by population" : se.lagesbild.publishing.text.Language.EN.conditionNames(part.note()));
            }
            out.println("      Conditions, payments, lead times not met and special investments: lagesbild agreement --year 2026");
        }
        apiCheck(out);
        report(out);
    }

    /**
     * As a yearly follow-up goes: the baseline is published as the snapshot {@value #PUBLISHED} (once),
     * Stockholm then delivers its 2026 pathways again with corrected dates, and the report is written
     * as of the snapshot {@value #SNAPSHOT} (once), with the baseline as published beside the revised one.
     */
    private void report(PrintWriter out) {
        out.println("[6/6] Yearly follow-up report, 2027 against the baseline 2026");
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            takeOnce(warehouse, PUBLISHED, "the baseline 2026 as published", out);
            out.print("      Stockholm's corrected 2026 delivery: ");
            OutcomePrinter.print(DemoData.loadRevision(warehouse, DemoData.folder(home())), out);
            // as a yearly follow-up goes: the marts and the kept results once, then every reader (the report here) uses them
            long start = System.nanoTime();
            Marts.refresh(warehouse);
            takeOnce(warehouse, SNAPSHOT, "everything the demo loaded, for its yearly report", out);
            MartsCommand.keep(warehouse, (what, seconds) -> { });
            out.printf("      marts written; survival cells, disclosure patterns and PxWebApi 2's released values kept for every reader (%.0f s;"
                    + " again with: ./lagesbild marts)%n",
                    (System.nanoTime() - start) / 1e9);
        }
        YearlyReportRun.Result result = YearlyReportRun.run(home(), db(), 2027, 2026, SNAPSHOT, PUBLISHED,
                db().toAbsolutePath().getParent().resolve("report-2027"),
                step -> out.println("      " + step));
        out.println("      Report: " + result.html().toAbsolutePath());
        out.println("      Workbook: " + result.workbook().toAbsolutePath());
        out.println("      Tables (CSV and Arrow) and manifest.json beside it; again with: ./lagesbild report --year 2027 --snapshot "
                + SNAPSHOT + " --published " + PUBLISHED + " (--lang en for English, --pdf for a PDF)");
        try {
            Path spec = new Jupyter(home()).install(null);
            out.println("      Java kernel registered for Jupyter (" + spec + "): jupyter nbconvert --to notebook --execute"
                    + " notebooks/explore.ipynb runs as it is; ./lagesbild notebook opens them all");
        } catch (WarehouseException e) {
            out.println("      The Java kernel could not be registered for Jupyter: " + e.getMessage());
        }
    }

    private static void takeOnce(Warehouse warehouse, String name, String description, PrintWriter out) {
        if (Snapshots.list(warehouse).stream().noneMatch(s -> s.getSnapshotName().equals(name))) {
            Snapshots.create(warehouse, name, description);
            out.println("      snapshot " + name + " taken (" + description + ")");
        }
    }

    /** Starts the HTTP API on a free port, asks it what an agency would, and stops it. */
    private void apiCheck(PrintWriter out) {
        out.println("[5/6] HTTP API");
        ApiSettings settings = ApiSettings.defaults().withPort(0).withAccessLog(null);
        try (ServedWarehouse served = new ServedWarehouse(db(), 2, message -> { });
             ApiServer server = new ApiServer(served, settings)) {
            int port = server.start();
            HttpClient client = HttpClient.newHttpClient();
            for (String query : List.of("/indicators/svf_within_lead_time/values?period=2026&region=00&diagnosis=ALL&sex=3&age=ALL&format=csv",
                    "/indicators/net_survival_5y/values?period=2027&region=00&diagnosis=MALIGNANT&sex=1,2,3&format=csv")) {
                String url = "http://127.0.0.1:" + port + ApiServer.BASE + query;
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                out.printf("      GET %s → %d%n", ApiServer.BASE + query, response.statusCode());
                response.body().lines().forEach(line -> out.println("      " + line));
            }
            // the same in SCB's PxWebApi 2 shape: the obvious question, diagnosis and age left to their totals
            String pxweb = "/api/v2/tables/svf_within_lead_time/data?valueCodes%5BTid%5D=2026&valueCodes%5BKon%5D=1,2"
                    + "&valueCodes%5BRegion%5D=00,01&valueCodes%5BContentsCode%5D=VARDE,KI95NEDRE,KI95OVRE&outputFormat=csv&lang=en";
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pxweb)).build(),
                    HttpResponse.BodyHandlers.ofString());
            out.printf("      GET %s → %d%n", java.net.URLDecoder.decode(pxweb, java.nio.charset.StandardCharsets.UTF_8), response.statusCode());
            response.body().lines().forEach(line -> out.println("      " + line));
            out.println("      Serve it for agencies: ./lagesbild serve (docs at http://127.0.0.1:7070/api/docs; PxWebApi 2 at /api/v2)");
        } catch (java.io.IOException e) {
            throw new WarehouseException("The demo could not reach its own API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> gaps(RegionFeedback r) {
        List<String> gaps = new java.util.ArrayList<>();
        if (!r.missingMonths().isEmpty()) {
            gaps.add("months without records " + String.join(", ", r.missingMonths()));
        }
        if (r.reportMissing()) {
            gaps.add("no yearly report");
        } else if (r.reportLate()) {
            gaps.add("report received " + r.reportSubmitted() + ", after " + r.reportDeadline());
        }
        if (r.premMissing()) {
            gaps.add("no PREM");
        }
        return gaps;
    }

    /** The checkout the launcher runs from (set by ./lagesbild), else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("lagesbild.home", "."));
    }
}
