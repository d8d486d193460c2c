package se.lagesbild.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.lagesbild.fixtures.DemoData;
import se.lagesbild.fixtures.TemporaryFolders;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The real server on the real demo warehouse, shared by the API tests: the bundled synthetic data
 * loaded through the real loaders into a DuckDB file, with a snapshot {@value #SNAPSHOT} taken
 * before the 2027 SVF pathways were loaded; the server listens on a free port on loopback.
 */
final class TestApi {
    static final String SNAPSHOT = "before-2027";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Path file;
    private static ApiServer server;
    private static ServedWarehouse served;
    static final ByteArrayOutputStream ACCESS_LOG = new ByteArrayOutputStream();

    private TestApi() {
    }

    /** The demo warehouse file, built on first use. */
    static synchronized Path warehouseFile() {
        if (file == null) {
            file = TemporaryFolders.deletedAtExit("lagesbild-api-test").resolve("demo.duckdb");
            List<String[]> files = DemoData.files();
            List<String[]> before = files.stream().filter(f -> !f[1].equals("svf-pathways-2027.csv")).toList();
            List<String[]> after = files.stream().filter(f -> f[1].equals("svf-pathways-2027.csv")).toList();
            try (Warehouse w = Warehouse.openForWriting(file)) {
                DemoData.load(w, DemoData.folder(), before, outcome -> { });
                Snapshots.create(w, SNAPSHOT, "everything but the 2027 SVF pathways");
                DemoData.load(w, DemoData.folder(), after, outcome -> { });
            }
        }
        return file;
    }

    /** The shared server (no rate limit), started on first use. */
    static synchronized ApiServer server() {
        if (server == null) {
            served = new ServedWarehouse(warehouseFile(), 4, message -> { });
            server = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(0)
                    .withAccessLog(new PrintStream(ACCESS_LOG, true, StandardCharsets.UTF_8)));
            server.start();
        }
        return server;
    }

    /**
     * The shared server's released values for a second server in the same JVM (one with other
     * settings, such as the PxWeb 2 front end): every table computed once; closing the second server
     * leaves them to the first.
     */
    static se.lagesbild.api.pxweb.ReleasedValues borrowedStore() {
        se.lagesbild.api.pxweb.ReleasedValues store = server().store();
        return new se.lagesbild.api.pxweb.ReleasedValues() {
            @Override
            public Catalog catalog() {
                return store.catalog();
            }

            @Override
            public se.lagesbild.api.pxweb.Cube cube(se.lagesbild.api.pxweb.PxTableId id) {
                return store.cube(id);
            }

            @Override
            public boolean newerBeingComputed(se.lagesbild.api.pxweb.Cube cube) {
                return store.newerBeingComputed(cube);
            }

            @Override
            public boolean ready() {
                return store.ready();
            }

            @Override
            public void warm() {
                store.warm();
            }

            @Override
            public String describe() {
                return store.describe();
            }

            @Override
            public void close() {
                // the shared server's
            }
        };
    }

    /** Waits until {@code server} has computed every table of the vintage it serves (up to 900 s, as on a busy machine). */
    static void awaitComputed(ApiServer server) throws InterruptedException {
        long deadline = System.nanoTime() + 900_000_000_000L;
        while (!server.store().ready()) {
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() < deadline, "PxWebApi 2's values were not computed within 900 s"
                    + " (on a busy machine they took 300 s while the other modules' tests ran)");
            Thread.sleep(200);
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server().port();
    }

    /** GET {@code pathAndQuery} (from /api/...) with header name/value pairs. */
    static HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        return get(server().port(), pathAndQuery, headers);
    }

    static HttpResponse<byte[]> get(int port, String pathAndQuery, String... headers) {
        return send(port, "GET", pathAndQuery, headers);
    }

    static HttpResponse<byte[]> send(int port, String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(120)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
