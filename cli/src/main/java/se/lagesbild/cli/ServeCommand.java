package se.lagesbild.cli;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.api.ApiServer;
import se.lagesbild.api.ApiSettings;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.api.release.ClassDataTraining;
import se.lagesbild.api.release.Opening;
import se.lagesbild.api.release.ReleaseFile;
import se.lagesbild.api.release.Releases;
import se.lagesbild.warehouse.WarehouseException;

/**
 * {@code lagesbild serve}: the read-only HTTP API on the warehouse, until stopped (Ctrl-C). The
 * server answers from a private copy of the file, so loads can run meanwhile; it serves the new
 * vintage once a load has finished.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the read-only HTTP API (JSON, CSV, JSON-stat 2.0, Arrow) on the warehouse, at /api/v1 and, in the shape"
                + " of SCB's PxWebApi 2, at /api/v2. Docs for both at http://HOST:PORT/api/docs; the OpenAPI documents at"
                + " /api/v1/openapi.yaml and /api/v2/openapi.yaml. Stop with Ctrl-C."
                + " Memory is bounded: ./lagesbild serve runs with a 4 GB Java heap (LAGESBILD_SERVE_HEAP) and DuckDB"
                + " at 1 GB (LAGESBILD_MEMORY_LIMIT); out of heap it stops and says so. The public server serves a release file"
                + " instead (--release FILE, written by `lagesbild release`): released values only, no warehouse, a 512 MB heap.")
final class ServeCommand extends Verb {
    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port = 7070;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(names = "--max-cells", paramLabel = "N", description = "Largest result answered, in rows (default: ${DEFAULT-VALUE}).")
    int maxCells = ApiSettings.defaults().maxCells();

    @Option(names = "--rate-limit", paramLabel = "N", description = "At most N requests from one client address in any 60 seconds (a sliding window; a burst of N"
                    + " is allowed, each request counts for 60 s); 0 for none (default: ${DEFAULT-VALUE}).")
    int rateLimit = ApiSettings.defaults().rateLimit();

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Origin browsers may read from; repeat for more; * for any,"
            + " none to turn CORS off (default: *).")
    List<String> corsOrigins = List.of("*");

    @Option(names = "--access-log", paramLabel = "FILE", description = "Where each request is logged: a file (appended to), - for the"
            + " standard output, none for nowhere (default: -).")
    String accessLog = "-";

    @Option(names = "--ui", paramLabel = "DIR", description = "Serve the PxWeb 2 build in DIR (its dist folder) at /, pointed at this"
            + " server's /api/v2: SCB's table browser on the released tables (e.g. --ui ../shared/tools/pxweb2/dist).")
    java.nio.file.Path ui;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "How often to look for a new vintage in the file (default: ${DEFAULT-VALUE}).")
    double watch = 5;

    @Option(names = "--release", arity = "1..*", paramLabel = "FILE", description = "Serve release files (written by `lagesbild release`) instead of the"
            + " warehouse: the public way. The server reads only the file (checked against FILE.sha256), never the warehouse; /api/v2"
            + " and v1's catalogue, value, equity and baseline routes answer from it, routes that need the warehouse answer 404. Several files (e.g."
            + " the published baseline and this year's): the newest answers, v1's snapshot=NAME picks another.")
    List<Path> release;

    /**
     * Hidden, for the launcher: serve the release on a free port, ask it the requests a first client
     * asks, and exit, so the JVM can archive the classes the serving path loads
     * ({@code -XX:ArchiveClassesAtExit}; later starts map them instead of loading them).
     */
    @Option(names = "--class-data-training", hidden = true)
    boolean classDataTraining;

    @Override
    public void run() {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0–65535, not " + port + ".");
        }
        ApiSettings settings = ApiSettings.defaults().withHost(host).withPort(port).withMaxCells(maxCells).withRateLimit(rateLimit)
                .withCorsOrigins(corsOrigins.contains("none") ? List.of() : corsOrigins).withWatchSeconds(watch).withAccessLog(log())
                .withUi(ui);
        if (classDataTraining && release == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--class-data-training trains on release files; give --release FILE.");
        }
        if (classDataTraining) {
            ClassDataTraining.run(release, settings.withPort(0).withAccessLog(null));
            return;
        }
        if (release != null) {
            serveRelease(settings);
            return;
        }
        ServedWarehouse served = new ServedWarehouse(db(), settings.connections(), message -> out().println(message));
        ApiServer server = new ApiServer(served, settings);
        int bound = start(server, served);
        served.watch(watch);
        out().printf("Serving %s (vintage %s, batch %d) on http://%s:%d/api/v1 and, in SCB's PxWebApi 2 shape, http://%s:%d/api/v2"
                + " — docs at http://%s:%d/api/docs. Precomputing every released value for /api/v2 in the background. Stop with Ctrl-C.%n",
                served.source(), served.catalog().currentVintage(), served.catalog().maxBatchId(), host, bound, host, bound, host, bound);
        out().flush();
        untilStopped(server, served);
    }

    /** Serves release files alone: no warehouse is opened or named. */
    private void serveRelease(ApiSettings settings) {
        long start = System.nanoTime();
        List<Opening> openings = release.stream().map(Opening::start).toList(); // listens meanwhile; a request waits for its file
        Releases releases = new Releases(openings);
        ApiServer server = new ApiServer(releases.served(), settings);
        int bound = start(server, releases);
        List<ReleaseFile> files;
        try {
            files = openings.stream().map(Opening::file).toList();
            releases.checkDistinct();
        } catch (RuntimeException e) {
            server.close();
            releases.close();
            throw e;
        }
        for (ReleaseFile file : files) {
            out().printf(java.util.Locale.ROOT, "Serving the release %s (snapshot %s, vintage %s, batch %d, %d cells, SHA-256 %s)%s%n", file.file(),
                    file.snapshot(), file.catalog().currentVintage(), file.catalog().maxBatchId(), file.manifest().path("cells").asLong(),
                    file.sha256(), files.size() > 1 && releases.newest() == openings.get(files.indexOf(file)) ? ", the newest: answers without"
                            + " snapshot=" : files.size() > 1 ? ": answers with snapshot=" + file.snapshot() : "");
        }
        out().printf(java.util.Locale.ROOT, "On http://%s:%d/api/v2 and http://%s:%d/api/v1 — docs at http://%s:%d/api/docs. Ready in %.1f s."
                + " No warehouse is open. Stop with Ctrl-C.%n", host, bound, host, bound, host, bound, (System.nanoTime() - start) / 1e9);
        out().flush();
        untilStopped(server, releases);
    }

    private int start(ApiServer server, AutoCloseable source) {
        try {
            return server.start();
        } catch (RuntimeException e) {
            try {
                source.close();
            } catch (Exception ignored) {
                // closing after a failed start
            }
            throw new WarehouseException("Cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "). Choose another --port.", e);
        }
    }

    private void untilStopped(ApiServer server, AutoCloseable source) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                source.close();
            } catch (Exception ignored) {
                // stopping
            }
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PrintStream log() {
        if (accessLog.equals("none")) {
            return null;
        }
        if (accessLog.equals("-")) {
            return System.out;
        }
        try {
            return new PrintStream(new FileOutputStream(Path.of(accessLog).toFile(), true), true, StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new WarehouseException("Cannot write the access log " + accessLog + " (" + e.getMessage() + "). Give a writable file"
                    + " with --access-log, - for the standard output, or none.");
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
