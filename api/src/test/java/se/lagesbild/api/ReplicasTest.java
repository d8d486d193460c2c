package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.api.release.ReleaseFile;
import se.lagesbild.api.release.ReleaseWriter;

/**
 * How an agency rolls out a new release: three release servers on loopback behind nginx (Debian's,
 * started by the test), a client asking a stream of distinct selections through nginx, and the new
 * vintage's release swapped in one replica at a time (stop, start on the new file, same port).
 * Every answer must be the old release's or the new one's for its selection, whole: no error, no
 * mixed answer; afterwards only the new one's.
 */
class ReplicasTest {
    private static final List<String> TABLES = TestReleases.BEFORE_TABLES;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void threeReplicasBehindNginxTakeANewVintageOneAtATimeWithoutAWrongAnswer(@TempDir Path folder) throws Exception {
        Path oldFile = ReleaseWriter.write(TestReleases.before(), folder.resolve("old.parquet"), "test").file();
        Path newFile = ReleaseWriter.write(TestReleases.current(), folder.resolve("new.parquet"), "test").file();
        ApiSettings settings = ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null);
        List<ApiServer> replicas = new ArrayList<>();
        List<ReleaseFile> files = new ArrayList<>();
        Process nginx = null;
        try {
            for (int i = 0; i < 3; i++) {
                files.add(ReleaseFile.open(oldFile));
                replicas.add(new ApiServer(files.get(i), settings));
                replicas.get(i).start();
            }
            int port = freePort();
            nginx = startNginx(folder, port, replicas.stream().map(ApiServer::port).toList());
            String base = "http://127.0.0.1:" + port;

            // what each selection answers in each release, from a server of each on its own
            List<String> urls = selections();
            Map<String, JsonNode[]> expected = new HashMap<>();
            try (ReleaseFile o = ReleaseFile.open(oldFile); ReleaseFile n = ReleaseFile.open(newFile);
                 ApiServer oldServer = new ApiServer(o, settings); ApiServer newServer = new ApiServer(n, settings)) {
                oldServer.start();
                newServer.start();
                for (String url : urls) {
                    expected.put(url, new JsonNode[] {body(get("http://127.0.0.1:" + oldServer.port() + url)),
                            body(get("http://127.0.0.1:" + newServer.port() + url))});
                }
            }
            long differing = expected.values().stream().filter(e -> !e[0].equals(e[1])).count();
            assertTrue(differing > urls.size() / 4, "the new vintage changes many answers: " + differing + " of " + urls.size());

            AtomicBoolean swapping = new AtomicBoolean(true);
            AtomicInteger asked = new AtomicInteger();
            AtomicInteger oldAnswers = new AtomicInteger();
            AtomicInteger newAnswers = new AtomicInteger();
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int first = c;
                Thread client = new Thread(() -> {
                    for (int i = first; swapping.get() || i < first + 4 * urls.size(); i += 4) {
                        String url = urls.get(i % urls.size());
                        HttpResponse<byte[]> r = get(base + url);
                        asked.incrementAndGet();
                        JsonNode[] e = expected.get(url);
                        JsonNode got = r.statusCode() == 200 ? body(r) : null;
                        if (got != null && got.equals(e[1])) {
                            newAnswers.incrementAndGet();
                        } else if (got != null && got.equals(e[0])) {
                            oldAnswers.incrementAndGet();
                        } else {
                            wrong.add(r.statusCode() + " " + url + ": " + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            for (int i = 0; i < 3; i++) { // one replica at a time: stop it, start it on the new release, same port
                Thread.sleep(700);
                int replicaPort = replicas.get(i).port();
                replicas.get(i).close();
                files.get(i).close();
                files.set(i, ReleaseFile.open(newFile));
                replicas.set(i, new ApiServer(files.get(i), settings.withPort(replicaPort)));
                replicas.get(i).start();
            }
            Thread.sleep(700);
            swapping.set(false);
            for (Thread client : clients) {
                client.join(120_000);
            }
            assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), wrong.size() + " wrong answers of " + asked.get());
            assertTrue(oldAnswers.get() > 0 && newAnswers.get() > 0, oldAnswers + " old and " + newAnswers + " new answers");
            for (String url : urls.subList(0, 20)) {
                assertEquals(expected.get(url)[1], body(get(base + url)), "after the roll-out every replica answers the new vintage: " + url);
            }
        } finally {
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
            replicas.forEach(ApiServer::close);
            files.forEach(ReleaseFile::close);
        }
    }

    /** Distinct selections: each table by each region, and by both sexes, in Swedish and English. */
    private static List<String> selections() {
        List<String> urls = new ArrayList<>();
        List<String> regions = List.of("00", "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20",
                "21", "22", "23", "24", "25");
        for (String table : TABLES) {
            for (String region : regions) {
                for (String lang : List.of("sv", "en")) {
                    urls.add("/api/v2/tables/" + table + "/data?lang=" + lang + "&valueCodes%5BRegion%5D=" + region
                            + "&valueCodes%5BTid%5D=*&valueCodes%5BKon%5D=1,2");
                }
            }
        }
        return urls;
    }

    private HttpResponse<byte[]> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return TestApi.json(r);
    }

    /** nginx in the foreground with its own prefix: round robin over the replicas, a refused connection tried on the next. */
    private Process startNginx(Path folder, int port, List<Integer> replicas) throws IOException, InterruptedException {
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        StringBuilder upstream = new StringBuilder();
        replicas.forEach(p -> upstream.append("    server 127.0.0.1:").append(p).append(" max_fails=0;\n"));
        String conf = "worker_processes 1;\ndaemon off;\npid " + folder.resolve("nginx.pid") + ";\nerror_log " + folder.resolve("error.log")
                + ";\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n  client_body_temp_path " + folder.resolve("body")
                + ";\n  proxy_temp_path " + folder.resolve("proxy") + ";\n  fastcgi_temp_path " + folder.resolve("fastcgi")
                + ";\n  uwsgi_temp_path " + folder.resolve("uwsgi") + ";\n  scgi_temp_path " + folder.resolve("scgi")
                + ";\n  upstream replicas {\n" + upstream + "  }\n  server {\n    listen 127.0.0.1:" + port + ";\n    location / {\n"
                + "      proxy_pass http://replicas;\n      proxy_next_upstream error timeout http_502 http_503;\n"
                + "      proxy_next_upstream_tries 3;\n      proxy_connect_timeout 2s;\n    }\n  }\n}\n";
        Path file = folder.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(nginx, "-p", folder.toString(), "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/config")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(folder.resolve("nginx.out")) + Files.readString(folder.resolve("error.log")));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nginx did not answer on " + port);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
