package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.api.release.ClassDataTraining;
import se.lagesbild.api.release.ReleaseFile;
import se.lagesbild.api.release.ReleaseWriter;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/**
 * A release file as an agency uses it: written from a snapshot of the demo warehouse, the warehouse
 * then deleted, and a server started on the file alone. Its PxWebApi 2 answers and v1 values equal
 * the warehouse server's, cell by cell; routes that need the warehouse say so; the file is plain
 * Parquet with one row per released cell; the same release gives the same bytes; a damaged or
 * foreign file is refused by name.
 */
class ReleaseTest {
    private static final String SNAPSHOT = TestReleases.CURRENT;
    @TempDir
    static Path folder;
    private static ReleaseWriter.Release computed;
    private static ReleaseWriter.Written written;
    private static ReleaseFile file;
    private static ApiServer server;

    @BeforeAll
    static void writeTheReleaseAndServeItWithoutTheWarehouse() throws IOException {
        computed = TestReleases.current();
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            WarehouseException unknown = assertThrows(WarehouseException.class, () -> ReleaseWriter.compute(w, "no-such", line -> { }));
            assertTrue(unknown.getMessage().contains("no-such") && unknown.getMessage().contains(TestApi.SNAPSHOT), unknown.getMessage());
        }
        written = ReleaseWriter.write(computed, folder.resolve("public").resolve("release.parquet"), "test");
        file = ReleaseFile.open(written.file());
        server = new ApiServer(file, ApiSettings.defaults().withPort(0).withRateLimit(0));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        file.close();
    }

    private static ScbPxWebClient release() {
        return new ScbPxWebClient("http://127.0.0.1:" + server.port() + "/api/v2");
    }

    private static ScbPxWebClient warehouse() {
        return new ScbPxWebClient(TestApi.base() + "/api/v2");
    }

    @Test
    void pxWebApi2AnswersFromTheReleaseEqualTheWarehouseServersCellByCell() {
        List<JsonNode> tables = release().allTables("sv", 50);
        assertEquals(warehouse().allTables("sv", 50), tables, "the same tables, labels and dates");
        long cells = 0;
        for (JsonNode t : tables) {
            String id = t.path("id").asText();
            JsonNode meta = release().metadata(id, "en");
            assertEquals(warehouse().metadata(id, "en"), meta, id + ": metadata in English");
            Map<String, String> everyRegionAndPeriod = Map.of("Region", "*", "Tid", "*");
            ScbPxWebClient.Response mine = release().data(id, everyRegionAndPeriod, Map.of(), "sv", "json-stat2");
            ScbPxWebClient.Response theirs = warehouse().data(id, everyRegionAndPeriod, Map.of(), "sv", "json-stat2");
            assertEquals(200, mine.status(), id + ": " + new String(mine.body(), StandardCharsets.UTF_8));
            assertEquals(theirs.json(), mine.json(), id + ": every region and period, value by value, with every status and note");
            cells += mine.json().path("value").size();
        }
        assertTrue(tables.size() >= 21 && cells > 10_000, tables.size() + " tables, " + cells + " cells compared");
    }

    /**
     * The launcher's class-data training (scripts/class-data) serves the release on a free port and
     * asks what a first client asks: every answer must be a 200, or the archive would miss the path.
     */
    @Test
    void classDataTrainingAsksWhatAFirstClientAsksAndIsAnswered() {
        Map<String, Integer> statuses = ClassDataTraining.run(List.of(written.file()), ApiSettings.defaults().withPort(0).withAccessLog(null));
        assertEquals(7, statuses.size(), statuses.toString());
        statuses.forEach((path, status) -> assertEquals(200, status, path));
        assertTrue(statuses.keySet().stream().anyMatch(path -> path.startsWith("/api/v2/tables/") && path.endsWith("/data")), statuses.toString());
    }

    @Test
    void v1ValuesFromTheReleaseEqualTheWarehouses() {
        for (String code : file.catalog().indicators().keySet()) {
            String path = "/api/v1/indicators/" + code + "/values?period=2026&sex=1,2,3&diagnosis=ALL";
            var mine = TestApi.get(server.port(), path);
            assertEquals(200, mine.statusCode(), path + ": " + TestApi.text(mine));
            assertEquals(TestApi.json(TestApi.get(path)), TestApi.json(mine), path);
        }
        JsonNode riket = TestApi.json(TestApi.get(server.port(), "/api/v1/indicators/svf_within_lead_time/values?period=2026&region=00&sex=3"
                + "&diagnosis=ALL&age=ALL"));
        assertEquals(1, riket.path("rows").size(), riket.toString());
    }

    /**
     * Equity (women vs men, the funnel around Riket, the summaries over the regions) and the
     * baseline comparison, with their tests, computed by the release server from the released
     * values alone: equal to the warehouse server's for an indicator of every method (proportions,
     * rates, standardised rates, percentiles, means, net and observed survival), at both levels, by
     * diagnosis, by half-year, and with the trend test over three years.
     */
    @Test
    void v1EquityAndBaselineFromTheReleaseEqualTheWarehouses() {
        int compared = 0;
        Map<String, String> oneOfEachMethod = new java.util.TreeMap<>();
        file.catalog().indicators().values().forEach(i -> oneOfEachMethod.putIfAbsent(i.method(), i.code()));
        assertTrue(oneOfEachMethod.keySet().containsAll(List.of("proportion", "rate", "dsr", "percentile", "mean", "net_survival")),
                oneOfEachMethod.toString());
        for (var indicator : oneOfEachMethod.entrySet()) {
            Cube cube = file.cube(new PxTableId(file.catalog().indicators().get(indicator.getValue()), null));
            List<String> best = List.of();
            String cells = null;
            for (String diagnosis : cube.codes(Cube.DIAGNOSIS).stream().sorted().toList()) {
                for (String age : cube.codes(Cube.AGE).stream().sorted().toList()) {
                    List<String> periods = periodsWithRiket(cube, diagnosis, age);
                    if (periods.size() > best.size()) {
                        best = periods;
                        cells = "&diagnosis=" + java.net.URLEncoder.encode(diagnosis, StandardCharsets.UTF_8) + "&age="
                                + java.net.URLEncoder.encode(age, StandardCharsets.UTF_8);
                    }
                }
            }
            assertTrue(!best.isEmpty(), indicator + ": no period with a value for Riket");
            String last = best.get(best.size() - 1);
            String base = "/api/v1/indicators/" + indicator.getValue();
            List<String> paths = new ArrayList<>(List.of(base + "/equity?period=" + last + cells));
            if (best.size() >= 2) {
                paths.add(base + "/baseline?baseline=" + best.get(best.size() - 2) + "&followup=" + last + cells);
            }
            for (String path : paths) {
                assertEquals(1, sameAnswer(path), indicator.getKey() + ": " + path + " answered");
                compared++;
            }
        }
        for (String path : List.of("/api/v1/indicators/svf_within_lead_time/equity?period=2027&level=healthcare-region",
                "/api/v1/indicators/svf_within_lead_time/equity?period=2026&diagnosis=BREAST",
                "/api/v1/indicators/svf_within_lead_time/baseline?baseline=2025&followup=2027&region=01,03,12",
                "/api/v1/indicators/new_cancer_cases_rate/baseline?baseline=2025&followup=2027&sex=1,2",
                "/api/v1/indicators/svf_lead_time_median/baseline?baseline=2026H1&followup=2027H1")) {
            compared += sameAnswer(path);
        }
        JsonNode trend = TestApi.json(TestApi.get(server.port(), "/api/v1/indicators/svf_within_lead_time/baseline?baseline=2025&followup=2027"
                + "&region=00&sex=3&diagnosis=ALL&age=ALL"));
        assertTrue(trend.path("rows").get(0).path("trend_p_value").isNumber(), "Riket's trend over 2025-2027 is tested: " + trend);
        assertTrue(compared >= 15, compared + " answers compared");
    }

    /** The periods (years when it has any) of {@code cube} with a value for Riket, both sexes, in {@code diagnosis} and {@code age}. */
    private static List<String> periodsWithRiket(Cube cube, String diagnosis, String age) {
        boolean byYear = cube.codes(Cube.PERIOD).stream().anyMatch(p -> p.matches("\\d{4}"));
        return cube.codes(Cube.PERIOD).stream().filter(p -> !byYear || p.matches("\\d{4}")).filter(p -> {
            var riket = cube.at(cube.code(Cube.PERIOD, p), cube.code(Cube.GEO, "00"), cube.code(Cube.DIAGNOSIS, diagnosis),
                    cube.code(Cube.SEX, "3"), cube.code(Cube.AGE, age));
            return riket != null && riket.estimate().available();
        }).sorted().toList();
    }

    /** 1 when the release server's answer to {@code path} has rows and equals the warehouse server's, 0 when both say 404. */
    private static int sameAnswer(String path) {
        var mine = TestApi.get(server.port(), path);
        var theirs = TestApi.get(path);
        assertEquals(theirs.statusCode(), mine.statusCode(), path + ": " + TestApi.text(mine) + " / " + TestApi.text(theirs));
        assertEquals(TestApi.json(theirs), TestApi.json(mine), path);
        return mine.statusCode() == 200 ? 1 : 0;
    }

    @Test
    void whatTheReleaseDoesNotHoldIsAnswered4xxAndNothingFallsBackToMicrodata() {
        var groups = TestApi.get(server.port(), "/api/v1/indicators/svf_within_lead_time/groups?dimension=education&period=2026");
        assertEquals(404, groups.statusCode());
        assertTrue(TestApi.text(groups).contains("release file") && TestApi.text(groups).contains("/values"), TestApi.text(groups));
        assertEquals(404, TestApi.get(server.port(), "/api/v1/agreement/2026/conditions").statusCode());
        var benchmark = TestApi.get(server.port(), "/api/v1/indicators/svf_within_lead_time/values?period=2026&benchmark=01");
        assertEquals(400, benchmark.statusCode());
        assertTrue(TestApi.text(benchmark).contains("benchmark"), TestApi.text(benchmark));
        var snapshot = TestApi.get(server.port(), "/api/v1/indicators/svf_within_lead_time/values?period=2026&snapshot=" + TestApi.SNAPSHOT);
        assertEquals(400, snapshot.statusCode());
        assertTrue(TestApi.text(snapshot).contains(SNAPSHOT), TestApi.text(snapshot));
        JsonNode config = TestApi.json(TestApi.get(server.port(), "/api/v1/config"));
        assertEquals(5, config.path("suppression_thresholds").path("count_min").asInt(5), config.toString());
        assertEquals(List.of(SNAPSHOT), List.of(config.path("snapshots").get(0).asText()));
    }

    @Test
    void theFileIsPlainParquetWithOneRowPerReleasedCellAndNoNumberInAHiddenOne() throws Exception {
        long expected = 0;
        for (Cube cube : computed.tables().values()) {
            expected += cube.size();
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            String parquet = "read_parquet('" + written.file() + "')";
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE suppressed), count(DISTINCT (table_id, period, geo_level,"
                    + " geo, diagnosis, sex, age_group)), count(*) FILTER (WHERE suppressed AND (numerator IS NOT NULL OR denominator IS NOT NULL"
                    + " OR estimate IS NOT NULL OR lower_95 IS NOT NULL)) FROM " + parquet)) {
                rs.next();
                assertEquals(expected, rs.getLong(1), "one row per released cell");
                assertEquals(written.cells(), rs.getLong(1));
                assertEquals(written.hidden(), rs.getLong(2));
                assertEquals(rs.getLong(1), rs.getLong(3), "no cell twice, nothing finer than a cell");
                assertEquals(0, rs.getLong(4), "a hidden cell carries no number");
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM parquet_schema('" + written.file() + "') WHERE name <> 'duckdb_schema'")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertEquals(List.of("table_id", "indicator", "population_dimension", "period", "geo_level", "geo", "diagnosis", "sex", "age_group",
                    "numerator", "denominator", "estimate", "lower_95", "upper_95", "method", "standard_error", "lower_998", "upper_998",
                    "method_998", "comparison", "suppressed", "reason"), columns, "released cells, no person and no record");
            try (ResultSet rs = s.executeQuery("SELECT min(denominator) FROM " + parquet + " WHERE indicator = 'svf_within_lead_time'"
                    + " AND NOT suppressed AND denominator > 0")) {
                rs.next();
                assertTrue(rs.getDouble(1) >= 5, "no released share on fewer than 5 patients: " + rs.getDouble(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT estimate FROM " + parquet + " WHERE table_id = 'svf_within_lead_time' AND period = '2026'"
                    + " AND geo = '00' AND diagnosis = 'ALL' AND sex = 3 AND age_group = 'ALL'")) {
                rs.next();
                JsonNode v1 = TestApi.json(TestApi.get("/api/v1/indicators/svf_within_lead_time/values?period=2026&region=00&sex=3&diagnosis=ALL"
                        + "&age=ALL"));
                assertEquals(v1.path("rows").get(0).path("value").asDouble(), rs.getDouble(1), 1e-12, "Riket 2026 as the warehouse serves it");
            }
            try (ResultSet rs = s.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + written.file() + "')"
                    + " WHERE decode(key) = 'lagesbild.manifest'")) {
                rs.next();
                JsonNode manifest = TestApi.JSON.readTree(rs.getString(1));
                assertEquals(SNAPSHOT, manifest.path("snapshot").asText());
                assertEquals(written.cells(), manifest.path("cells").asLong());
                assertEquals(computed.tables().size(), manifest.path("tables").size());
            }
        }
        String sidecar = Files.readString(written.file().resolveSibling("release.parquet.sha256"));
        assertEquals(sha256(written.file()) + "  release.parquet\n", sidecar, "sha256sum -c reads it");
    }

    @Test
    void theSameReleaseWritesTheSameBytes() throws IOException {
        ReleaseWriter.Written again = ReleaseWriter.write(computed, folder.resolve("again.parquet"), "test");
        assertEquals(-1, Files.mismatch(written.file(), again.file()));
        assertEquals(written.sha256(), again.sha256());
    }

    @Test
    void aDamagedChangedOrForeignFileIsRefusedByName() throws Exception {
        Path damaged = folder.resolve("damaged.parquet");
        byte[] bytes = Files.readAllBytes(written.file());
        Files.writeString(folder.resolve("damaged.parquet.sha256"), sha256(written.file()) + "  damaged.parquet\n");
        bytes[bytes.length / 2] ^= 1;
        Files.write(damaged, bytes);
        assertRefused(damaged, "does not match its checksum");

        Path lonely = folder.resolve("lonely.parquet");
        Files.copy(written.file(), lonely, StandardCopyOption.REPLACE_EXISTING);
        assertRefused(lonely, "lonely.parquet.sha256");

        Path cut = folder.resolve("cut.parquet");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(written.file()), 4000));
        Files.writeString(folder.resolve("cut.parquet.sha256"), sha256(cut) + "  cut.parquet\n");
        assertRefused(cut, "cannot be read as a release");

        Path foreign = folder.resolve("foreign.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("COPY (SELECT 1 AS x) TO '" + foreign + "' (FORMAT parquet)");
        }
        Files.writeString(folder.resolve("foreign.parquet.sha256"), sha256(foreign) + "  foreign.parquet\n");
        assertRefused(foreign, "not a Lägesbild release");
        assertRefused(folder.resolve("missing.parquet"), "lagesbild release --snapshot");
    }

    private static void assertRefused(Path path, String expected) {
        WarehouseException e = assertThrows(WarehouseException.class, () -> ReleaseFile.open(path).close());
        assertTrue(e.getMessage().contains(path.getFileName().toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    private static String sha256(Path path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    }

    @Test
    void thePublishedBaselineAndThisYearsReleaseServedTogetherAnswerAsTheWarehouseDoesAsOfEach() {
        Path before = ReleaseWriter.write(TestReleases.before(), folder.resolve("before.parquet"), "test").file();
        se.lagesbild.api.release.Releases both = new se.lagesbild.api.release.Releases(List.of(ReleaseFile.open(before),
                ReleaseFile.open(written.file())));
        try (ApiServer two = new ApiServer(both, ApiSettings.defaults().withPort(0).withRateLimit(0))) {
            two.start();
            String values = "/api/v1/indicators/svf_within_lead_time/values?period=2027&sex=3&diagnosis=ALL";
            assertEquals(TestApi.json(TestApi.get(values + "&snapshot=" + TestApi.SNAPSHOT)),
                    TestApi.json(TestApi.get(two.port(), values + "&snapshot=" + TestApi.SNAPSHOT)), "as of the published snapshot");
            assertEquals(TestApi.json(TestApi.get(values)), TestApi.json(TestApi.get(two.port(), values)), "without snapshot=: the newest");
            assertTrue(!TestApi.json(TestApi.get(values)).equals(TestApi.json(TestApi.get(values + "&snapshot=" + TestApi.SNAPSHOT))),
                    "the two vintages differ in 2027");
            var unknown = TestApi.get(two.port(), values + "&snapshot=nope");
            assertEquals(400, unknown.statusCode());
            assertTrue(TestApi.text(unknown).contains(TestApi.SNAPSHOT) && TestApi.text(unknown).contains(SNAPSHOT), TestApi.text(unknown));
            assertEquals(TestApi.json(TestApi.get("/api/v2/tables/svf_within_lead_time/data?valueCodes%5BTid%5D=*")),
                    TestApi.json(TestApi.get(two.port(), "/api/v2/tables/svf_within_lead_time/data?valueCodes%5BTid%5D=*")), "v2: the newest");
        }
        WarehouseException twice = assertThrows(WarehouseException.class, () -> new se.lagesbild.api.release.Releases(List.of(
                ReleaseFile.open(written.file()), ReleaseFile.open(written.file()))).checkDistinct());
        assertTrue(twice.getMessage().contains(SNAPSHOT), twice.getMessage());
    }

    @Test
    void everyTableOfTheCatalogIsInTheRelease() {
        for (PxTableId id : se.lagesbild.api.pxweb.ReleasedStore.tableIds(file.catalog())) {
            assertEquals(computed.tables().get(computed.tables().keySet().stream().filter(k -> k.id().equals(id.id())).findFirst().orElseThrow())
                    .size(), file.cube(id).size(), id.id());
        }
    }
}
