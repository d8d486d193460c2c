package se.lagesbild.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.api.release.ReleaseWriter;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * {@code lagesbild benchmark-release}: the public server on a release file beside the analysts'
 * server on the warehouse, same data, same run: how long each process takes from its start to its
 * first answer and to every table, and its peak resident memory under wrk's 64 connections.
 */
@Command(name = "benchmark-release", mixinStandardHelpOptions = true,
        description = "Load synthetic data (2025–2027 at scale 1 by default), take a snapshot, write its release and start two servers as"
                + " separate processes with ./lagesbild, as a user starts them: one on the warehouse, one on the release file alone. For each: the"
                + " seconds from the process's start to its first data answer and to every table, requests/s and p99 under wrk (Debian"
                + " package wrk) with distinct PxWebApi 2 selections, and its peak resident memory (VmHWM).")
final class BenchmarkReleaseCommand extends Verb {
    private static final String SNAPSHOT = "benchmark";
    /** The request whose first 200 marks a server's start ("first data answer"). */
    private static final String FIRST_ANSWER = "/api/v2/tables/svf_within_lead_time/data";

    @Mixin
    SyntheticOptions options;

    @Option(names = "--dir", defaultValue = "out/benchmark-release", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S", description = "Length of each wrk run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--connections", defaultValue = "64", paramLabel = "N", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--selections", defaultValue = "50000", paramLabel = "N", description = "Distinct PxWebApi 2 selections (default: ${DEFAULT-VALUE}).")
    int selections;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public void run() {
        String wrk = Wrk.find();
        try {
            Files.createDirectories(dir);
            Settings settings = options.years.equals("2024-2027") && options.scale == 1 ? new Settings(options.seed, 2025, 2027, 1)
                    : options.settings();
            Path db = BenchmarkApiCommand.warehouse(dir, settings, out());
            try (Warehouse w = Warehouse.openForWriting(db)) {
                if (Snapshots.list(w).stream().noneMatch(s -> s.getSnapshotName().equals(SNAPSHOT))) {
                    Snapshots.create(w, SNAPSHOT, "benchmark-release");
                }
            }
            Path release = dir.resolve("release-" + SNAPSHOT + ".parquet");
            long start = System.nanoTime();
            ReleaseWriter.Written written = ReleaseWriter.write(db, SNAPSHOT, release, "benchmark", line -> { });
            out().printf(Locale.ROOT, "release written in %.1f s: %,d cells in %d tables, %.1f MB (%s)%n", (System.nanoTime() - start) / 1e9,
                    written.cells(), written.tables(), Files.size(release) / 1e6, release);
            out().flush();
            List<String> rows = new ArrayList<>();
            rows.add(measure(wrk, "warehouse server (serve --db, 4 GB heap)", List.of("--db", db.toString(), "serve"), 7481));
            List<String> serveRelease = List.of("serve", "--release", release.toString());
            double training = firstStartAfterABuild(serveRelease, 7482);
            rows.add(measure(wrk, "release server (serve --release, 512 MB heap)", serveRelease, 7482));
            rows.add(String.format(Locale.ROOT, "| release server, first start after a build (makes its class-data archive) | %.2f | | | | | |",
                    training));
            out().println();
            out().println("| server | first data answer s | every table s | requests/s (selections, each once) | p50 ms | p99 ms"
                    + " | peak RSS (VmHWM) GB |");
            out().println("|---|---|---|---|---|---|---|");
            rows.forEach(out()::println);
        } catch (IOException e) {
            throw new WarehouseException("benchmark-release: " + e.getMessage(), e);
        }
    }

    /** Starts the server as its own process, times its start, loads it with wrk and reads its peak memory. */
    private String measure(String wrk, String name, List<String> arguments, int port) throws IOException {
        Path log = dir.resolve("server-" + port + ".log");
        long start = System.nanoTime();
        Process server = launch(arguments, port, log);
        try {
            String base = "http://127.0.0.1:" + port;
            double first = until(server, base + FIRST_ANSWER, start, log);
            double all = until(server, base + "/api/v2/tables?pageSize=1000", start, log);
            out().printf(Locale.ROOT, "%s: first data answer %.2f s, every table %.1f s after the process started%n", name, first, all);
            out().flush();
            List<String> drawn = SelectionSpace.draw(base, selections, options.seed, 0);
            Path script = dir.resolve("selections-" + port + ".lua");
            Files.writeString(script, BenchmarkApiCommand.onceEachScript(drawn), StandardCharsets.UTF_8);
            Wrk.run(wrk, connections, base + "/", script, 5); // the JIT
            double[] r = Wrk.run(wrk, connections, base + "/", script, seconds);
            double rss = ProcessMemory.peakRssGb(server.pid());
            return String.format(Locale.ROOT, "| %s | %.2f | %.1f | %,.0f | %.2f | %.2f | %.2f |", name, first, all, r[0], r[1], r[2], rss);
        } finally {
            stop(server);
        }
    }

    /**
     * The release server's first start after a build, when {@code ./lagesbild} first makes the
     * class-data archive of the serving path (scripts/class-data): seconds to the first data answer.
     */
    private double firstStartAfterABuild(List<String> arguments, int port) throws IOException {
        Files.deleteIfExists(DemoCommand.home().resolve("cli/target/class-data/serve-release.jsa"));
        Path log = dir.resolve("server-" + port + "-first.log");
        long start = System.nanoTime();
        Process server = launch(arguments, port, log);
        try {
            double first = until(server, "http://127.0.0.1:" + port + FIRST_ANSWER, start, log);
            out().printf(Locale.ROOT, "release server, first start after a build (makes its class-data archive): first data answer %.2f s%n", first);
            out().flush();
            return first;
        } finally {
            stop(server);
        }
    }

    /** Starts {@code ./lagesbild ARGUMENTS} on {@code port} as the user would: the launcher's heap, JVM flags and archive. */
    private static Process launch(List<String> arguments, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher()));
        command.addAll(arguments);
        command.addAll(List.of("--port", String.valueOf(port), "--rate-limit", "0", "--access-log", "none"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stop(Process server) {
        server.destroy();
        try {
            server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seconds from {@code start} until {@code url} answers 200. */
    private double until(Process server, String url, long start, Path log) throws IOException {
        while (true) {
            if (!server.isAlive()) {
                throw new WarehouseException("The server stopped before answering; its output is in " + log + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WarehouseException("interrupted", e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WarehouseException("interrupted", e);
            }
        }
    }

    /** The checkout's ./lagesbild, which the benchmarks start their processes with. */
    static String launcher() {
        Path launcher = DemoCommand.home().resolve("lagesbild");
        if (!Files.isExecutable(launcher)) {
            throw new WarehouseException("The benchmarks start their processes with " + launcher + ", as a user would; run them from a checkout.");
        }
        return launcher.toString();
    }
}
