package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.api.release.ReleaseFile;
import se.lagesbild.api.release.ReleaseWriter;

/**
 * A replica stopped while clients ask it (as in a roll-out behind a balancer): every request it
 * took is answered whole, or refused with a 503 that a balancer retries elsewhere; after it stops,
 * connections are refused. Never a 500, a connection closed without an answer, or one left
 * hanging, which is what Jetty's default hard stop gave (CI, 2026-12-07: a 500 "EofException" for
 * {@code /badRequest} passed through nginx in {@link ReplicasTest}).
 */
class GracefulStopTest {
    private static final String SELECTION = "/api/v2/tables/svf_within_lead_time/data?lang=en&valueCodes%5BRegion%5D=09"
            + "&valueCodes%5BTid%5D=*&valueCodes%5BKon%5D=1,2";

    @Test
    void aServerStoppedUnderLoadAnswersWholeOrRefusesWithARetryableProblem(@TempDir Path folder) throws Exception {
        Path file = ReleaseWriter.write(TestReleases.before(), folder.resolve("release.parquet"), "test").file();
        ApiSettings settings = ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null);
        AtomicInteger whole = new AtomicInteger();
        AtomicInteger retryable = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger reset = new AtomicInteger();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < 8; round++) {
            try (ReleaseFile release = ReleaseFile.open(file); ApiServer server = new ApiServer(release, settings)) {
                int port = server.start();
                String expected = RawHttp.send(port, "GET", SELECTION).text();
                AtomicBoolean asking = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    Thread client = new Thread(() -> {
                        while (asking.get()) {
                            try {
                                RawHttp.Response r = RawHttp.send(port, "GET", SELECTION);
                                if (r.status() == 200 && r.text().equals(expected)) {
                                    whole.incrementAndGet();
                                } else if (r.status() == 503 && r.headers().containsKey("retry-after")
                                        && r.contentType().startsWith("application/problem+json") && r.text().contains("Send the request again")) {
                                    retryable.incrementAndGet();
                                } else {
                                    wrong.add(r.status() + " " + r.text());
                                }
                            } catch (UncheckedIOException e) {
                                if (e.getCause() instanceof ConnectException) {
                                    refused.incrementAndGet(); // stopped: nothing listens, a balancer tries the next replica
                                } else if (e.getCause() instanceof java.net.SocketException s && "Connection reset".equals(s.getMessage())) {
                                    // still in the kernel's accept queue when the listener closed: never read, reset by the
                                    // kernel (no server can drain that queue), retried by a balancer like a refusal
                                    reset.incrementAndGet();
                                } else {
                                    wrong.add(String.valueOf(e.getCause()));
                                }
                            }
                        }
                    });
                    client.start();
                    clients.add(client);
                }
                Thread.sleep(300);
                server.close();
                asking.set(false);
                for (Thread client : clients) {
                    client.join(150_000);
                }
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())),
                wrong.size() + " wrong, " + whole + " whole, " + retryable + " retryable, " + refused + " refused, " + reset + " reset");
        assertTrue(whole.get() > 0 && refused.get() > 0, whole + " whole and " + refused + " refused");
    }
}
