package se.lagesbild.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.api.ApiServer;
import se.lagesbild.api.ApiSettings;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.fixtures.synthetic.SyntheticNationalData;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.indicators.Marts;

/**
 * {@code lagesbild benchmark-api}: wrk on loopback against typical queries, against PxWebApi 2
 * selections never asked before and v1 values, equity and baseline requests never asked before, next to a trivial route returning a fixed JSON body in the same
 * run and the same server.
 */
@Command(name = "benchmark-api", mixinStandardHelpOptions = true,
        description = "Load synthetic data (2025–2027 at scale 1 by default), write the marts, start the API, and measure with wrk"
                + " (Debian package wrk) requests/s and p50/p99 latency next to a trivial route returning a fixed JSON body, in the"
                + " same run: PxWebApi 2 selections drawn at random from every valid selection, each URL asked once (uncached);"
                + " v1 values, equity and baseline requests drawn at random, each asked once (uncached); typical v1 queries repeated, with the answer cache on and off. With --port, measure a server already running"
                + " (lagesbild serve) instead.")
final class BenchmarkApiCommand extends Verb {
    /** Typical agency queries, rotated by the wrk script. */
    static final List<String> TYPICAL = List.of(
            "/api/v1/indicators/svf_within_lead_time/values?period=2026&diagnosis=ALL&sex=3",
            "/api/v1/indicators/svf_within_lead_time/values?period=2027&region=01,12,14&diagnosis=BREAST,CRC,PROST",
            "/api/v1/indicators/svf_inclusion/values?period=2026&region=00,22&diagnosis=BREAST,CRC&format=csv",
            "/api/v1/indicators/new_cancer_cases_rate/values?period=2026&region=00&format=json-stat2",
            "/api/v1/indicators/svf_within_lead_time/equity?period=2026&diagnosis=ALL",
            "/api/v1/indicators/svf_within_lead_time/baseline?baseline=2026&followup=2027&diagnosis=ALL&sex=3",
            "/api/v1/indicators/svf_lead_time_median/values?period=2026H1&region=00,01&diagnosis=ALL&sex=3",
            "/api/v1/agreement/2026/payments?region=01,13",
            "/api/v1/regions",
            "/api/v1/indicators/svf_within_lead_time");

    @Mixin
    SyntheticOptions options;

    @Option(names = "--dir", defaultValue = "out/benchmark-api", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--seconds", defaultValue = "15", paramLabel = "S", description = "Length of each wrk run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--connections", defaultValue = "64", paramLabel = "N", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--port", paramLabel = "PORT", description = "Measure the server already listening on this port of 127.0.0.1"
            + " (started with lagesbild serve, rate limit off: --rate-limit 0) instead of starting one.")
    Integer port;

    @Option(names = "--max-selection-cells", defaultValue = "0", paramLabel = "N", description = "Draw only selections of at most N"
            + " cells (default: any the server allows, up to its maxDataCells).")
    int maxSelectionCells;

    @Option(names = "--selections", defaultValue = "200000", paramLabel = "N", description = "Distinct PxWebApi 2 selections to draw"
            + " (default: ${DEFAULT-VALUE}); each is asked once.")
    int selections;

    @Override
    public void run() {
        String wrk = Wrk.find();
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("typical.lua");
            Files.writeString(script, luaScript(), StandardCharsets.UTF_8);
            out().printf("wrk: %d s per run, %d connections, 2 threads, loopback%n", seconds, connections);
            List<String[]> rows = new ArrayList<>();
            if (port != null) {
                String base = "http://127.0.0.1:" + port;
                measureSelections(wrk, base, rows);
                java.util.OptionalLong pid = ProcessMemory.listeningOn(port);
                out().printf("server on port %d: %s%n", port, pid.isPresent() ? String.format("process %d, peak resident memory (VmHWM) %.2f GB",
                        pid.getAsLong(), ProcessMemory.peakRssGb(pid.getAsLong())) : "its process cannot be seen, so no peak memory");
            } else {
                Settings settings = options.years.equals("2024-2027") && options.scale == 1
                        ? new Settings(options.seed, 2025, 2027, 1) : options.settings();
                Path db = prepare(settings);
                for (boolean cached : new boolean[] {true, false}) {
                    ApiSettings api = ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null)
                            .withCacheBytes(cached ? 64L << 20 : 0);
                    try (ServedWarehouse served = new ServedWarehouse(db, api.connections(), m -> { });
                         ApiServer server = new ApiServer(served, api)) {
                        String base = "http://127.0.0.1:" + server.start();
                        // PxWebApi 2's values are computed in the background after the start: nothing is measured
                        // until they are, or that work would be measured with every run
                        long start = System.nanoTime();
                        while (!server.store().ready()) {
                            Thread.sleep(200);
                        }
                        out().printf("every released value precomputed in %.1f s (%s)%n", (System.nanoTime() - start) / 1e9,
                                "after the server started; PxWebApi 2 answers from it");
                        if (cached) {
                            measureSelections(wrk, base, rows);
                        }
                        Wrk.run(wrk, connections, base + "/", script, 5); // warm-up: the JIT, and the cache when on
                        double[] trivial = Wrk.run(wrk, connections, base + "/api/trivial", null, seconds);
                        double[] typical = Wrk.run(wrk, connections, base + "/", script, seconds);
                        String label = cached ? "answer cache on (default)" : "answer cache off";
                        rows.add(row("trivial route (fixed JSON), " + label, trivial, trivial));
                        rows.add(row("v1 typical queries (" + TYPICAL.size() + ", repeated), " + label, typical, trivial));
                    }
                }
            }
            if (port == null) {
                out().printf("this process (servers, client side and DuckDB): peak resident memory (VmHWM) %.2f GB, Java heap limit %.1f GB%n",
                        ProcessMemory.peakRssGb(), Runtime.getRuntime().maxMemory() / 1e9);
            }
            out().println();
            out().println("| run | requests/s | p50 ms | p99 ms | share of trivial throughput | target (v1: p99 < 50 ms and ≥ 1/3;"
                    + " v2 uncached: p99 < 50 ms) |");
            out().println("|---|---|---|---|---|---|");
            rows.forEach(r -> out().println("| " + String.join(" | ", r) + " |"));
        } catch (IOException e) {
            throw new WarehouseException("benchmark-api: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** PxWebApi 2 selections never asked before, next to the trivial route on the same server. */
    private void measureSelections(String wrk, String base, List<String[]> rows) throws IOException {
        List<String> drawn = SelectionSpace.draw(base, selections + WARM_UP_SELECTIONS, options.seed, maxSelectionCells);
        List<String> warmUp = drawn.subList(0, Math.min(WARM_UP_SELECTIONS, drawn.size() / 4));
        List<String> urls = drawn.subList(warmUp.size(), drawn.size());
        Path warmUpScript = dir.resolve("warm-up.lua");
        Files.writeString(warmUpScript, onceEachScript(warmUp), StandardCharsets.UTF_8);
        Path script = dir.resolve("selections.lua");
        Files.writeString(script, onceEachScript(urls), StandardCharsets.UTF_8);
        out().printf("%,d distinct PxWebApi 2 selections%s drawn from the metadata of every table: %,d to warm the server's JIT up,"
                + " %,d measured, each asked once%n", drawn.size(), maxSelectionCells > 0 ? " of at most " + maxSelectionCells + " cells" : "",
                warmUp.size(), urls.size());
        Wrk.run(wrk, connections, base + "/api/trivial", null, 3);
        Wrk.run(wrk, connections, base + "/", warmUpScript, 5); // the JIT on the data path; none of these URLs is measured
        double[] trivial = Wrk.run(wrk, connections, base + "/api/trivial", null, seconds);
        double[] uncached = Wrk.run(wrk, connections, base + "/", script, seconds);
        long asked = (long) (uncached[0] * seconds);
        rows.add(row("trivial route (fixed JSON)", trivial, trivial));
        rows.add(row("PxWebApi 2 selections, each asked once (uncached)" + (asked > urls.size() ? ", some repeated: draw more with"
                + " --selections" : ""), uncached, trivial, false));
        // v1's values, equity and baseline, looked up in the same computed tables: each request once, so none comes from the answer cache
        List<String> v1 = SelectionSpace.drawV1(base, selections, options.seed);
        Path v1Script = dir.resolve("v1.lua");
        Files.writeString(v1Script, onceEachScript(v1), StandardCharsets.UTF_8);
        out().printf("%,d distinct v1 requests of values, equity and baseline, each asked once%n", v1.size());
        double[] v1Uncached = Wrk.run(wrk, connections, base + "/", v1Script, seconds);
        rows.add(row("v1 values, equity and baseline, each asked once (uncached)" + (v1Uncached[0] * seconds > v1.size()
                ? ", some repeated: draw more with --selections" : ""), v1Uncached, trivial, false));
    }

    /** Selections asked before the measurement, to compile the data path, and never measured. */
    private static final int WARM_UP_SELECTIONS = 30_000;

    /** A wrk script giving each thread every other URL of the list, so no URL is asked twice. */
    static String onceEachScript(List<String> urls) {
        StringBuilder lua = new StringBuilder("-- Lägesbild benchmark-api: each selection once\nlocal paths = {\n");
        urls.forEach(u -> lua.append("  \"").append(u.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n"));
        lua.append("}\nlocal threads = 0\nsetup = function(thread)\n  thread:set(\"id\", threads)\n  threads = threads + 1\nend\n");
        lua.append("local id = 0\nlocal i = 0\ninit = function(args)\n  id = wrk.thread:get(\"id\")\nend\n");
        lua.append("request = function()\n  local n = (i * 2 + id) % #paths + 1\n  i = i + 1\n  return wrk.format(\"GET\", paths[n])\nend\n");
        return lua.toString();
    }

    static String[] row(String name, double[] r, double[] trivial) {
        return row(name, r, trivial, true);
    }

    /** A row of the table; {@code shareTarget}: the target includes a third of the trivial route's throughput (v1's), else p99 only (v2's). */
    static String[] row(String name, double[] r, double[] trivial, boolean shareTarget) {
        double share = r[0] / trivial[0];
        boolean met = r[2] < 50 && (!shareTarget || share >= 1.0 / 3);
        return new String[] {name, String.format(Locale.ROOT, "%,.0f", r[0]), String.format(Locale.ROOT, "%.2f", r[1]),
                String.format(Locale.ROOT, "%.2f", r[2]), String.format(Locale.ROOT, "%.0f %%", 100 * share), met ? "met" : "not met"};
    }

    /** The warehouse to serve: the synthetic data loaded and its marts written (kept between runs). */
    private Path prepare(Settings settings) throws IOException {
        return warehouse(dir, settings, out());
    }

    /** The synthetic data of {@code settings} loaded into {@code dir} and its marts written (kept between runs). */
    static Path warehouse(Path dir, Settings settings, java.io.PrintWriter out) throws IOException {
        Path db = dir.resolve("api-" + settings.scale() + "-" + settings.firstYear() + "-" + settings.lastYear() + ".duckdb");
        if (Files.exists(db)) {
            out.println("serving " + db + " (delete it to rebuild)");
            return db;
        }
        Path data = SyntheticOptions.generated(dir, settings, out);
        Path building = dir.resolve("building.duckdb");
        Files.deleteIfExists(building);
        Files.deleteIfExists(Path.of(building + ".wal"));
        out.println("loading and writing the marts …");
        try (Warehouse warehouse = Warehouse.openForWriting(building)) {
            SyntheticNationalData.load(warehouse, data, settings, SyntheticNationalData.plannedFiles(settings), outcome -> { });
            Marts.refresh(warehouse);
        }
        Files.move(building, db);
        return db;
    }

    private static String luaScript() {
        StringBuilder lua = new StringBuilder("-- Lägesbild benchmark-api: typical queries in turn\nlocal paths = {\n");
        TYPICAL.forEach(p -> lua.append("  \"").append(p).append("\",\n"));
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        return lua.toString();
    }

}
