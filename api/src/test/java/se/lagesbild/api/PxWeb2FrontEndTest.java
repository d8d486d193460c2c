package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * SCB's own front end, PxWeb 2 (the unchanged 2.10 build in shared/tools/pxweb2), served by
 * {@code serve --ui} on the demo warehouse's released values (those of the shared server) and driven in headless Chromium: every table opens, and the
 * numbers in its cells are the engine's released values (shares in per cent with one decimal, ".."
 * where disclosure control hides a value); switching Region to the healthcare-region codelist and
 * adding a period show the engine's values for those cells too.
 */
class PxWeb2FrontEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static ApiServer server;
    private static WebDriver browser;
    private static String base;
    private static Path downloads;

    @BeforeAll
    static void start() {
        // the front end on the shared demo server's released values (computed once in this JVM, not again for a second server)
        server = new ApiServer(TestApi.borrowedStore(), ApiSettings.defaults().withPort(0).withRateLimit(0).withUi(PxWeb2Browser.dist()));
        server.start();
        base = "http://127.0.0.1:" + server.port();
        downloads = se.lagesbild.fixtures.TemporaryFolders.deletedAtExit("pxweb2-downloads");
        browser = PxWeb2Browser.open(downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyTableOpensWithTheEnginesValues() {
        List<Indicator> indicators;
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            indicators = Catalogue.all(w);
        }
        int numbers = 0;
        for (Indicator indicator : indicators) {
            browser.get(base + "/sv/table/" + indicator.code());
            JsonNode metadata = metadata(indicator.code(), null);
            Map<Map<String, String>, String> cells = cellsOnPage(metadata);
            assertFalse(cells.isEmpty(), indicator.code() + ": no cells on the page");
            assertEquals(Map.of("VARDE", cells.size()), count(cells, "ContentsCode"), indicator.code() + ": the value, first");
            assertEquals(1, count(cells, "Tid").size(), indicator.code() + ": one period first");
            List<String> regions = new ArrayList<>();
            metadata.path("dimension").path("Region").path("category").path("index").fieldNames().forEachRemaining(regions::add);
            assertEquals(regions, new ArrayList<>(count(cells, "Region").keySet()), indicator.code() + ": Riket and every region of the table");
            assertEquals("00", regions.get(0));
            assertEquals(new TreeSet<>(List.of("1", "2", "3")), new TreeSet<>(count(cells, "Kon").keySet()), indicator.code() + ": both sexes and the total");
            String riket = cells.entrySet().stream().filter(e -> e.getKey().get("Region").equals("00") && e.getKey().get("Kon").equals("3"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            assertFalse(riket.equals(".."), indicator.code() + ": the first period shown is not one hidden for Riket");
            numbers += assertCellsAreTheEngines(indicator, cells);
        }
        assertTrue(numbers > 20 * indicators.size(), numbers + " numbers compared over " + indicators.size() + " tables");
    }

    @Test
    void healthcareRegionsAndAnotherPeriod() {
        String table = "svf_inclusion";
        browser.get(base + "/sv/table/" + table);
        Map<Map<String, String>, String> first = cellsOnPage(metadata(table, null));
        String newest = count(first, "Tid").keySet().iterator().next();

        PxWeb2Browser.openVariable(browser, "Region");
        PxWeb2Browser.chooseCodelist(browser, "Region", "Sjukvårdsregioner");
        PxWeb2Browser.selectAll(browser, "Region");
        Map<Map<String, String>, String> healthcare = waitForCells(metadata(table, "agg_sjukvardsregioner"),
                cells -> count(cells, "Region").containsKey("NORR") && count(cells, "Region").size() == 7);
        assertEquals(new TreeSet<>(List.of("00", "NORR", "MELLAN", "STHLM", "SYDOST", "VAST", "SYD")),
                new TreeSet<>(count(healthcare, "Region").keySet()), "Riket and the six healthcare regions");
        assertTrue(assertCellsAreTheEngines(indicator(table), healthcare) > 7 * 3 / 2, "most healthcare-region cells are released");

        String previous = String.valueOf(Integer.parseInt(newest) - 1);
        PxWeb2Browser.openVariable(browser, "Tid");
        PxWeb2Browser.check(browser, "Tid", previous);
        Map<Map<String, String>, String> twoYears = waitForCells(metadata(table, "agg_sjukvardsregioner"),
                cells -> count(cells, "Tid").size() == 2);
        assertEquals(new TreeSet<>(List.of(previous, newest)), new TreeSet<>(count(twoYears, "Tid").keySet()));
        assertEquals(7 * 3 * 2, twoYears.size(), "healthcare regions × sexes × two years");
        assertCellsAreTheEngines(indicator(table), twoYears);
    }

    @Test
    void everyFormatDownloadsFromTheSaveMenu() throws Exception {
        String table = "svf_inclusion";
        browser.get(base + "/sv/table/" + table);
        Map<Map<String, String>, String> cells = cellsOnPage(metadata(table, null));
        String year = count(cells, "Tid").keySet().iterator().next();
        ReleasedValue riket;
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            riket = Released.values(w, table, CellFilter.all().periods(year).geo("00").diagnoses("ALL").ageGroups("18+").sexes(3),
                    Confidence.NINETY_FIVE).get(0);
        }
        double percent = riket.estimate().value() * 100;
        String swedish = String.format(java.util.Locale.forLanguageTag("sv"), "%.1f", percent);

        Path xlsx = PxWeb2Browser.download(browser, "Excel (.xlsx)", downloads);
        assertTrue(xlsx.toString().endsWith(".xlsx"), xlsx.toString());
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            var rows = book.getFirstSheet().read();
            var hit = rows.stream().filter(r -> r.stream().anyMatch(c -> c != null && "Riket".equals(c.getText()))
                    && r.stream().anyMatch(c -> c != null && "Båda könen".equals(c.getText()))).findFirst().orElseThrow();
            assertTrue(hit.stream().anyMatch(c -> c != null && c.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                    && Math.abs(c.asNumber().doubleValue() - percent) < 1e-9), "the workbook has Riket's value " + percent + ": " + hit);
        }

        Path csv = PxWeb2Browser.download(browser, "Semikolonavgränsad med rubrik (.csv)", downloads);
        List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(lines.get(0).replace("\uFEFF", "").startsWith("Inklusion i SVF"), "the title first (IncludeTitle): " + lines.get(0));
        assertTrue(lines.get(1).contains(";") && !lines.get(1).contains("Region;"), "semicolons, texts only (UseTexts): " + lines.get(1));
        String riketRow = lines.stream().filter(l -> l.startsWith("Riket;") && l.contains("Båda könen")).findFirst().orElseThrow();
        assertTrue(riketRow.contains(";" + String.valueOf(percent).replace('.', ',')), riketRow + " has " + percent + " with a decimal comma");

        String px = java.nio.file.Files.readString(PxWeb2Browser.download(browser, "Px-fil (.px)", downloads), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(px.contains("MATRIX=\"" + table + "\";") && px.contains("UNITS=\"procent\";") && px.contains("DATA="), px);

        JsonNode json = TestApi.JSON.readTree(PxWeb2Browser.download(browser, "JSON-stat2 (.json)", downloads).toFile());
        assertEquals(percent, JsonStat.value(json, Map.of("Region", "00", "Diagnos", "ALL", "Alder", "18+", "Kon", "3", "ContentsCode", "VARDE",
                "Tid", year)), 1e-9);

        String html = java.nio.file.Files.readString(PxWeb2Browser.download(browser, "HTML (.html)", downloads), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>Inklusion i SVF</h1>") && html.contains("<td>" + swedish + "</td>"),
                "the HTML table shows " + swedish + " as a reader reads it: " + html.substring(0, Math.min(html.length(), 1500)));
    }

    /**
     * Each cell's text equals the engine's released value: in per cent for shares, one decimal; "..",
     * "-" or blank where the engine hides a value or has none. Returns how many numbers were compared.
     */
    private static int assertCellsAreTheEngines(Indicator indicator, Map<Map<String, String>, String> cells) {
        Map<String, ReleasedValue> engine = new HashMap<>();
        String[] periods = count(cells, "Tid").keySet().toArray(String[]::new);
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            for (ReleasedValue v : Released.values(w, indicator.code(), CellFilter.all().periods(periods), Confidence.NINETY_FIVE)) {
                engine.put(key(v.cell().periodCode(), v.cell().geoCode(), v.cell().diagnosisCode(), v.cell().sexCode(), v.cell().ageGroupCode()), v);
            }
        }
        double factor = indicator.unit().equals("proportion") ? 100 : 1;
        int checked = 0;
        for (var cell : cells.entrySet()) {
            Map<String, String> c = cell.getKey();
            ReleasedValue v = engine.get(key(c.get("Tid"), c.get("Region"), c.get("Diagnos"), Integer.parseInt(c.get("Kon")), c.get("Alder")));
            String where = indicator.code() + " " + c;
            if (v == null || v.suppressed() || Double.isNaN(v.estimate().value())) {
                assertTrue(cell.getValue().equals("..") || cell.getValue().equals("-") || cell.getValue().isEmpty(),
                        where + ": hidden or not computed, shown as " + cell.getValue());
                continue;
            }
            assertEquals(v.estimate().value() * factor, PxWeb2Browser.number(cell.getValue()), 0.05 + 1e-9, where + " shows " + cell.getValue());
            checked++;
        }
        return checked;
    }

    private static String key(String period, String geo, String diagnosis, int sex, String age) {
        return period + "|" + geo + "|" + diagnosis + "|" + sex + "|" + age;
    }

    private static Indicator indicator(String code) {
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            return Catalogue.byCode(w, code);
        }
    }

    /** How many cells each code of {@code variable} has, in the page's order. */
    private static Map<String, Integer> count(Map<Map<String, String>, String> cells, String variable) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cells.keySet().forEach(c -> counts.merge(c.get(variable), 1, Integer::sum));
        return counts;
    }

    /** The table's metadata as the page reads it (with Region's codelist when one is named): what the page's headers are matched against. */
    private static JsonNode metadata(String table, String regionCodelist) {
        String query = regionCodelist == null ? "" : "&codelist%5BRegion%5D=" + regionCodelist;
        return TestApi.json(TestApi.get(server.port(), "/api/v2/tables/" + table + "/metadata?lang=sv" + query));
    }

    private static Map<Map<String, String>, String> cellsOnPage(JsonNode metadata) {
        return waitForCells(metadata, cells -> true);
    }

    /** The page's cells once {@code ready} holds for them, each keyed by its variables' codes. */
    private static Map<Map<String, String>, String> waitForCells(JsonNode metadata,
                                                                 java.util.function.Predicate<Map<Map<String, String>, String>> ready) {
        List<Map<Map<String, String>, String>> last = new ArrayList<>();
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "PxWeb 2 did not show the cells expected; the page says: "
                + PxWeb2Browser.pageText(browser) + (last.isEmpty() ? "" : "; cells " + last.get(0))).until(driver -> {
            List<WebElement> any = driver.findElements(By.cssSelector("td[headers]"));
            if (any.isEmpty()) {
                return false;
            }
            Map<Map<String, String>, String> cells;
            try {
                cells = PxWeb2Browser.allCells((JavascriptExecutor) driver, metadata);
            } catch (AssertionError stillTheLastSelection) {
                return false; // a header the awaited selection does not have: the page has not redrawn yet
            }
            last.clear();
            last.add(cells);
            return ready.test(cells);
        });
        return last.get(0);
    }
}
