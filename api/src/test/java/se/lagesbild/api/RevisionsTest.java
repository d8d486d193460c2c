package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.fixtures.DemoData;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * The baseline as published beside the baseline with revised data, over HTTP: the demo warehouse
 * with a snapshot {@value #PUBLISHED} taken, and then Stockholm's corrected 2026 delivery loaded
 * (every third closing date of a treated pathway ten days earlier), so Stockholm's and Riket's
 * 2026 lead-time shares are revised and no other region's is.
 */
class RevisionsTest {
    static final String PUBLISHED = "published-2026";
    static final String ROUTE = ApiServer.BASE + "/indicators/svf_within_lead_time/revisions?published=" + PUBLISHED
            + "&baseline=2026&followup=2027&diagnosis=ALL&age=ALL&sex=3";
    @TempDir
    static Path folder;
    static Path file;
    static ServedWarehouse served;
    static ApiServer server;
    static int port;

    @BeforeAll
    static void revisedAfterPublishing() throws Exception {
        file = folder.resolve("revised.duckdb");
        Files.copy(TestApi.warehouseFile(), file, StandardCopyOption.REPLACE_EXISTING);
        try (Warehouse w = Warehouse.openForWriting(file)) {
            Snapshots.create(w, PUBLISHED, "the baseline 2026 as published");
            assertEquals(LoadOutcome.Status.LOADED, DemoData.loadRevision(w, DemoData.folder()).status());
        }
        served = new ServedWarehouse(file, 2, m -> { });
        server = new ApiServer(served, ApiSettings.defaults().withPort(0).withRateLimit(0).withAccessLog(null));
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        served.close();
    }

    private static Map<String, JsonNode> byGeo(String url) {
        Map<String, JsonNode> rows = new HashMap<>();
        TestApi.json(TestApi.get(port, url)).path("rows").forEach(r -> rows.put(r.path("geo_code").asText(), r));
        return rows;
    }

    /** Riket's or a region's 2026 share, both sexes, all SVFs and ages, as the connection answers now. */
    private static ReleasedValue share(Warehouse w, String geo) {
        return Released.values(w, "svf_within_lead_time", CellFilter.all().periods("2026").geo(geo).sexes(3).diagnoses("ALL")
                .ageGroups("ALL"), Confidence.NINETY_FIVE).get(0);
    }

    @Test
    void stockholmAndRiketAreRevisedAndTheOtherRegionsAreNot() {
        JsonNode table = TestApi.json(TestApi.get(port, ROUTE));
        Map<String, JsonNode> rows = byGeo(ROUTE);
        assertEquals(28, rows.size(), "Riket, 21 regions and 6 healthcare regions: " + rows.keySet());
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            for (String geo : List.of("00", "01", "03", "12")) {
                ReleasedValue revised = share(w, geo);
                ReleasedValue published = Snapshots.during(w, PUBLISHED, () -> share(w, geo));
                JsonNode row = rows.get(geo);
                assertEquals(published.estimate().value(), row.path("published_value").asDouble(), 0, geo);
                assertEquals(published.estimate().lower(), row.path("published_lower").asDouble(), 0, geo);
                assertEquals(revised.estimate().value(), row.path("revised_value").asDouble(), 0, geo);
                assertEquals(revised.estimate().value() - published.estimate().value(), row.path("revision_difference").asDouble(), 1e-15);
                assertEquals(geo.equals("00") || geo.equals("01") ? "revised" : "unchanged", row.path("revision").asText(), geo);
            }
        }
        assertTrue(rows.get("01").path("revised_value").asDouble() > rows.get("01").path("published_value").asDouble(),
                "earlier closing dates put more of Stockholm's pathways within the lead time");
        List<String> revised = rows.entrySet().stream().filter(r -> r.getValue().path("revision").asText().equals("revised"))
                .map(Map.Entry::getKey).sorted().toList();
        assertTrue(revised.containsAll(List.of("00", "01")) && List.of("00", "01", "STHLM").containsAll(revised),
                "Stockholm, Riket and (unless it is hidden) Stockholm–Gotland: " + revised);
        assertEquals(revised.size(), table.path("meta").path("cells_by_revision").path("revised").asInt());
        assertEquals(PUBLISHED, table.path("meta").path("published_snapshot").asText());
    }

    @Test
    void theChangeIsMeasuredFromEachBaseline() {
        JsonNode riket = byGeo(ROUTE).get("00");
        JsonNode baseline = TestApi.json(TestApi.get(port, ApiServer.BASE
                + "/indicators/svf_within_lead_time/baseline?baseline=2026&followup=2027&region=00&diagnosis=ALL&age=ALL&sex=3"))
                .path("rows").get(0);
        assertEquals(baseline.path("change").asDouble(), riket.path("revised_change").asDouble(), 0, "with revised data: as /baseline now");
        assertEquals(baseline.path("status").asText(), riket.path("revised_status").asText());
        JsonNode before = TestApi.json(TestApi.get(port, ApiServer.BASE + "/indicators/svf_within_lead_time/baseline?baseline=2026"
                + "&followup=2027&region=00&diagnosis=ALL&age=ALL&sex=3&snapshot=" + PUBLISHED)).path("rows").get(0);
        assertEquals(before.path("change").asDouble(), riket.path("published_change").asDouble(), 0, "as published: /baseline then");
        assertTrue(Math.abs(riket.path("revised_change").asDouble() - riket.path("published_change").asDouble()) > 1e-4,
                "the revision moves the change too");
    }

    @Test
    void aHiddenCellShowsNeitherSide() {
        JsonNode rows = TestApi.json(TestApi.get(port, ApiServer.BASE + "/indicators/svf_within_lead_time/revisions?published="
                + PUBLISHED + "&diagnosis=BREAST&age=ALL")).path("rows");
        int hidden = 0;
        for (JsonNode r : rows) {
            if (r.path("revision").asText().equals("hidden")) {
                hidden++;
                assertTrue(r.path("suppressed").asBoolean());
                for (String m : List.of("published_value", "published_lower", "revised_value", "revision_difference", "published_change",
                        "revised_change")) {
                    assertTrue(r.path(m).isNull(), m + " of a hidden cell: " + r);
                }
                assertTrue(r.path("reason").asText().startsWith("published: ") || r.path("reason").asText().startsWith("revised: "),
                        r.toString());
            } else {
                assertTrue(!r.path("suppressed").asBoolean() && !r.path("published_value").isNull(), r.toString());
            }
        }
        assertTrue(hidden > 0, "breast cancer by region and sex in the small demo data has hidden cells");
    }

    @Test
    void thePublishedSnapshotIsRequiredAndChecked() {
        JsonNode missing = TestApi.json(TestApi.get(port, ApiServer.BASE + "/indicators/svf_within_lead_time/revisions"));
        assertEquals(400, missing.path("status").asInt());
        assertTrue(missing.path("detail").asText().contains("published is required"), missing.toString());
        JsonNode unknown = TestApi.json(TestApi.get(port, ApiServer.BASE + "/indicators/svf_within_lead_time/revisions?published=nope"));
        assertEquals(400, unknown.path("status").asInt());
        assertTrue(unknown.path("detail").asText().contains(PUBLISHED), "names the snapshots there are: " + unknown);
    }
}
