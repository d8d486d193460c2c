package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.fixtures.DemoData;
import se.lagesbild.fixtures.TemporaryFolders;
import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.Warehouse;

/**
 * The server answers from its own copy: a load can take the warehouse's write lock meanwhile, the
 * server keeps answering from the vintage it had, and serves the new one once the load is done.
 *
 * <p>The warehouse here holds the demo's population, HPV vaccination and region reports only: every table of the
 * catalog is served and recomputed after the load as on the whole demo, in seconds instead of
 * minutes (the mechanics of vintages do not depend on how much data a table holds).
 */
class VintageTest {
    private static Path small;

    /** The demo's population, HPV vaccinations and region reports loaded through the real loaders, built once. */
    private static synchronized Path smallWarehouse() throws IOException {
        if (small == null) {
            small = TemporaryFolders.deletedAtExit("lagesbild-vintage-test").resolve("small.duckdb");
            try (Warehouse w = Warehouse.openForWriting(small)) {
                DemoData.load(w, DemoData.folder(), DemoData.files().stream()
                        .filter(f -> List.of("population", "hpv-vaccination", "region-reports").contains(f[0])).toList(), outcome -> { });
            }
        }
        return small;
    }

    @Test
    void theServerKeepsAnsweringWhileALoadRunsAndThenServesTheNewVintage(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("served.duckdb");
        Files.copy(smallWarehouse(), file, StandardCopyOption.REPLACE_EXISTING);
        Path copies;
        try (ServedWarehouse served = new ServedWarehouse(file, 2, m -> { });
             ApiServer server = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null))) {
            int port = server.start();
            copies = served.copies();
            long before = TestApi.json(TestApi.get(port, ApiServer.BASE + "/health")).path("current_batch").asLong();
            String etag = TestApi.get(port, ApiServer.BASE + "/regions").headers().firstValue("ETag").orElseThrow();

            Path delivery = folder.resolve("region-reports-corrected.csv");
            Files.writeString(delivery, Files.readString(DemoData.folder().resolve("region-reports.csv")) + "\n");
            try (Warehouse writer = Warehouse.openForWriting(file)) {
                // the writer holds the file's lock: the server still answers, from its copy
                JsonNode during = TestApi.json(TestApi.get(port, ApiServer.BASE + "/health"));
                assertEquals(before, during.path("current_batch").asLong());
                assertEquals(200, TestApi.get(port, ApiServer.BASE + "/indicators/hpv_vaccination_full/values?period=2026&region=00").statusCode());
                assertFalse(served.refresh(), "no new copy while a writer holds the file");
                FileLoader.load(writer, LoadRequest.of("region-reports", delivery).withVintage("corrected").withToday(DemoData.SETTINGS.asOf()),
                        LoadListener.SILENT);
                assertEquals(before, TestApi.json(TestApi.get(port, ApiServer.BASE + "/health")).path("current_batch").asLong());
            }
            assertTrue(served.refresh(), "the finished load is served");
            JsonNode after = TestApi.json(TestApi.get(port, ApiServer.BASE + "/health"));
            assertEquals(before + 1, after.path("current_batch").asLong());
            assertEquals("corrected", after.path("current_vintage").asText());
            assertNotEquals(etag, TestApi.get(port, ApiServer.BASE + "/regions").headers().firstValue("ETag").orElseThrow(),
                    "a new vintage is a new ETag");
            assertEquals(304, TestApi.get(port, ApiServer.BASE + "/regions", "If-None-Match",
                    TestApi.get(port, ApiServer.BASE + "/regions").headers().firstValue("ETag").orElseThrow()).statusCode());
        }
        // both vintages' copies are gone once closed (found: every served warehouse's copy stayed in the temporary folder)
        for (int waited = 0; Files.exists(copies) && waited < 100; waited++) {
            sleep(100); // a table being computed may still hold the last copy for a moment
        }
        assertFalse(Files.exists(copies), "the served copies are deleted when the server is closed: " + copies);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void pxWebApi2AnswersFromTheVintageBeforeWhileTheNewOneIsComputedAndSaysSo(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("served.duckdb");
        Files.copy(smallWarehouse(), file, StandardCopyOption.REPLACE_EXISTING);
        String query = "/api/v2/tables/hpv_vaccination_full/data?valueCodes%5BRegion%5D=00&valueCodes%5BTid%5D=*";
        try (ServedWarehouse served = new ServedWarehouse(file, 2, m -> { });
             ApiServer server = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null))) {
            int port = server.start();
            TestApi.awaitComputed(server);
            var first = TestApi.get(port, query);
            long old = Long.parseLong(first.headers().firstValue("Lagesbild-Vintage").orElseThrow());
            assertTrue(first.headers().firstValue("Lagesbild-Newer-Vintage").isEmpty(), "nothing newer yet");

            Path delivery = folder.resolve("region-reports-corrected.csv");
            Files.writeString(delivery, Files.readString(DemoData.folder().resolve("region-reports.csv")) + "\n");
            try (Warehouse writer = Warehouse.openForWriting(file)) {
                FileLoader.load(writer, LoadRequest.of("region-reports", delivery).withVintage("corrected").withToday(DemoData.SETTINGS.asOf()),
                        LoadListener.SILENT);
            }
            assertTrue(served.refresh(), "the finished load is served");
            long start = System.nanoTime();
            var during = TestApi.get(port, query);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(200, during.statusCode());
            assertEquals(String.valueOf(old), during.headers().firstValue("Lagesbild-Vintage").orElseThrow(),
                    "answered from the vintage before while the new one's values are computed");
            assertTrue(during.headers().firstValue("Lagesbild-Newer-Vintage").orElse("").startsWith((old + 1) + ";"),
                    "and it says a newer one is coming: " + during.headers().map());
            assertTrue(seconds < 5, "a lookup, not a computation behind the rebuild: " + seconds + " s");
            assertEquals(TestApi.json(first).path("updated"), TestApi.json(during).path("updated"), "updated is the vintage's own");

            TestApi.awaitComputed(server);
            var after = TestApi.get(port, query);
            assertEquals(String.valueOf(old + 1), after.headers().firstValue("Lagesbild-Vintage").orElseThrow());
            assertTrue(after.headers().firstValue("Lagesbild-Newer-Vintage").isEmpty());
            assertNotEquals(TestApi.json(first).path("updated"), TestApi.json(after).path("updated"));
        }
    }

    @Test
    void servingAMissingFileSaysWhatToDo(@TempDir Path folder) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(se.lagesbild.warehouse.WarehouseException.class,
                () -> new ServedWarehouse(folder.resolve("none.duckdb"), 1, m -> { }));
        assertTrue(e.getMessage().contains("lagesbild init"), e.getMessage());
    }
}
