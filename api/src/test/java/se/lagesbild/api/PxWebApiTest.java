package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * The PxWebApi 2 routes as a client written for SCB's API uses them: discover a table, read its
 * metadata, build a selection from it and read the data in every output format, each parsed by a
 * reader of its own (JSON-stat by the specification, CSV, xlsx by FastExcel's reader, PC-Axis by its
 * keywords, Arrow by Arrow's reader, Parquet by DuckDB), the numbers checked against the engine.
 */
class PxWebApiTest {
    private static final String TABLE = "svf_within_lead_time";
    /** The variables a client finds in every table, in order (SCB's names). */
    private static final List<String> VARIABLES = List.of("Region", "Diagnos", "Alder", "Kon", "ContentsCode", "Tid");

    private static ScbPxWebClient client() {
        return new ScbPxWebClient(TestApi.base() + "/api/v2");
    }

    @Test
    void aClientForScbsApiDiscoversEveryIndicatorAsATable() {
        ScbPxWebClient px = client();
        JsonNode config = px.config();
        assertEquals("sv", config.path("defaultLanguage").asText());
        assertTrue(config.path("maxDataCells").asInt() > 0 && config.path("timeWindow").asInt() > 0);
        Set<String> formats = new TreeSet<>();
        config.path("dataFormats").forEach(f -> formats.add(f.asText()));
        assertEquals(new TreeSet<>(List.of("json-stat2", "csv", "xlsx", "px", "html", "json-px", "arrow", "parquet")), formats);

        List<JsonNode> tables = px.allTables("sv", 5);
        Set<String> ids = new TreeSet<>();
        tables.forEach(t -> ids.add(t.path("id").asText()));
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            Set<String> expected = new TreeSet<>();
            Catalogue.all(w).forEach(i -> expected.add(i.code()));
            // and each indicator by every population dimension the demo's sources carry: the cancer register all three,
            // screening country of birth, new cases and cancer deaths (with SCB's population by group) and the pathways education and
            // country of birth
            for (String code : List.of("early_stage_share", "unknown_stage_share", "net_survival_1y", "net_survival_5y", "net_survival_5y_cohort",
                    "net_survival_5y_hybrid")) {
                List.of("education", "birth_country", "income").forEach(d -> expected.add(code + "_by_" + d));
            }
            for (String code : List.of("new_cancer_cases_rate", "new_cancer_cases_dsr_esp2013", "new_cancer_cases_dsr_sweden",
                    "cancer_mortality_rate", "cancer_mortality_dsr_esp2013", "cancer_mortality_dsr_sweden")) {
                List.of("education", "birth_country").forEach(d -> expected.add(code + "_by_" + d));
            }
            for (String code : List.of("svf_within_lead_time", "svf_exceeding_max_by_half", "svf_lead_time_median", "svf_lead_time_p80",
                    "svf_lead_time_p90", "svf_lead_time_mean")) {
                List.of("education", "birth_country").forEach(d -> expected.add(code + "_by_" + d));
            }
            expected.add("screening_participation_by_birth_country");
            expected.add("screening_coverage_by_birth_country");
            assertEquals(expected, ids, "one table per indicator, and one per population dimension its sources carry, over every page");
        }
        for (JsonNode t : tables) {
            // every table read as a client does: its metadata, then the data of the default selection
            String id = t.path("id").asText();
            JsonNode meta = px.metadata(id, "en");
            List<String> variables = new ArrayList<>(VARIABLES);
            java.util.regex.Matcher group = java.util.regex.Pattern.compile("_by_(education|birth_country|income)$").matcher(id);
            if (group.find()) {
                variables.set(2, Map.of("education", "Utbildningsniva", "birth_country", "Fodelseregion", "income", "Inkomstkvintil")
                        .get(group.group(1)));
            }
            assertEquals(variables, ids(meta), id);
            ScbPxWebClient.Response data = px.data(id, Map.of(), Map.of(), "en", "json-stat2");
            assertEquals(200, data.status(), id + ": " + new String(data.body(), StandardCharsets.UTF_8));
            assertEquals(JsonStat.cells(data.json()), data.json().path("value").size(), id + ": a value or null for every cell");
        }
        ScbPxWebClient.Response spec = px.get("/openapi.yaml");
        assertEquals(200, spec.status());
        assertTrue(new String(spec.body(), StandardCharsets.UTF_8).contains("/tables/{id}/data:"), "the v2 contract is served");
        JsonNode lead = px.search("maximal ledtid", "sv").get(0);
        assertEquals(TABLE, lead.path("id").asText());
        assertEquals("Behandlingsstart inom maximal ledtid", lead.path("label").asText());
        assertEquals("goal2", lead.path("paths").path(0).path(0).path("id").asText(), "PxWeb's folders: the goal, then the sub-goal");
        assertEquals("2.1", lead.path("paths").path(0).path(1).path("id").asText(), lead.path("paths").toString());
        assertTrue(lead.path("paths").path(0).path(1).path("label").asText().startsWith("Kortare väntetider"));
        assertEquals("2024", lead.path("firstPeriod").asText());
        assertEquals("Treatment started within the maximum lead time", px.search("maximum lead time", "en").get(0).path("label").asText());
    }

    @Test
    void aTableByEducationGivesTheGroupsAndTheirTotalAsTheEngineAndV1Do() throws Exception {
        ScbPxWebClient px = client();
        String table = "early_stage_share_by_education";
        JsonNode meta = px.metadata(table, "sv");
        assertTrue(meta.path("label").asText().endsWith(" efter utbildningsnivå"), "the title names the dimension: " + meta.path("label"));
        assertFalse(meta.path("extension").path("px").path("contents").asText().contains("utbildningsnivå"),
                "PxWeb 2 titles a table CONTENTS efter its variables: the dimension is not named twice");
        JsonNode groups = meta.path("dimension").path("Utbildningsniva");
        assertEquals(List.of("TOT", "FGY", "GY", "EGK", "EGL", "US"), categories(meta, "Utbildningsniva"));
        assertEquals("Förgymnasial utbildning", groups.path("category").path("label").path("FGY").asText());
        assertTrue(groups.path("extension").path("elimination").asBoolean());
        assertEquals("TOT", groups.path("extension").path("eliminationValueCode").asText(), "left out, the variable is its total");

        ScbPxWebClient.Response r = px.data(table, Map.of("Region", "00", "Tid", "2027", "Kon", "3", "Utbildningsniva", "*"), Map.of(), "sv",
                "json-stat2");
        assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode data = r.json();
        assertEquals(List.of("TOT", "FGY", "GY", "EGK", "EGL", "US"), categories(data, "Utbildningsniva"));
        JsonNode eliminated = px.data(table, Map.of("Region", "00", "Tid", "2027", "Kon", "3"), Map.of(), "sv", "json-stat2").json();
        assertEquals(List.of("TOT"), categories(eliminated, "Utbildningsniva"), "left out of a selection, the groups are their total");
        JsonNode byDefault = px.data(table, Map.of(), Map.of(), "sv", "json-stat2").json();
        assertEquals(List.of("TOT", "FGY", "GY", "EGK", "EGL", "US"), categories(byDefault, "Utbildningsniva"), "the default shows every group");
        JsonNode v1 = TestApi.json(TestApi.get(ApiServer.BASE + "/indicators/early_stage_share/groups?dimension=education&period=2027"));
        assertEquals(5, v1.path("rows").size());
        for (JsonNode g : v1.path("rows")) {
            Map<String, String> cell = Map.of("Region", "00", "Diagnos", "ALL", "Utbildningsniva", g.path("group_code").asText().substring(10),
                    "Kon", "3", "ContentsCode", "VARDE", "Tid", "2027");
            if (g.path("value").isNull()) {
                assertNull(JsonStat.value(data, cell), cell.toString());
            } else {
                assertEquals(g.path("value").asDouble() * 100, JsonStat.value(data, cell), 1e-9, "v2 in per cent, v1 as a share: " + cell);
            }
        }
        JsonNode own = px.data("early_stage_share", Map.of("Region", "00", "Tid", "2027", "Kon", "3"), Map.of(), "sv", "json-stat2").json();
        assertEquals(JsonStat.value(own, Map.of("Region", "00", "Diagnos", "ALL", "Alder", "ALL", "Kon", "3", "ContentsCode", "VARDE", "Tid",
                "2027")), JsonStat.value(data, Map.of("Region", "00", "Diagnos", "ALL", "Utbildningsniva", "TOT", "Kon", "3", "ContentsCode", "VARDE",
                "Tid", "2027")), 0, "the total is the indicator's own value at all ages");

        ScbPxWebClient.Response none = px.get("/tables/prem_positive_share_by_education/metadata");
        assertEquals(404, none.status(), "PREM carries no education");
        ScbPxWebClient.Response notCarried = px.get("/tables/screening_participation_by_income/metadata");
        assertEquals(404, notCarried.status());
        assertTrue(new String(notCarried.body(), StandardCharsets.UTF_8).contains("carry no income"));
    }

    @Test
    void metadataSelectionAndDataAgreeWithTheEngine() throws Exception {
        ScbPxWebClient px = client();
        JsonNode meta = px.metadata(TABLE, "sv");
        assertEquals("2.0", meta.path("version").asText());
        assertEquals("dataset", meta.path("class").asText());
        JsonNode region = meta.path("dimension").path("Region");
        assertEquals("Riket", region.path("category").path("label").path("00").asText());
        assertEquals("Norrbotten", region.path("category").path("label").path("25").asText());
        assertEquals("agg_sjukvardsregioner", region.path("extension").path("codelists").get(0).path("id").asText());
        JsonNode diagnosis = meta.path("dimension").path("Diagnos");
        assertTrue(diagnosis.path("extension").path("elimination").asBoolean());
        assertEquals("ALL", diagnosis.path("extension").path("eliminationValueCode").asText());
        assertEquals("procent", meta.path("dimension").path("ContentsCode").path("category").path("unit").path("VARDE").path("base")
                .asText(), "shares in per cent, as Swedish tables show them");
        assertEquals(1, meta.path("dimension").path("ContentsCode").path("category").path("unit").path("VARDE").path("decimals").asInt());
        assertEquals("antal", meta.path("dimension").path("ContentsCode").path("category").path("unit").path("NAMNARE").path("base").asText());
        assertTrue(meta.path("value").isArray() && meta.path("value").isEmpty(), "metadata has no values (an empty list, as SCB sends)");

        // the selection a client builds from the metadata: three regions, the two newest periods, both sexes; the rest eliminated
        List<String> regions = new ArrayList<>();
        region.path("category").path("index").fieldNames().forEachRemaining(regions::add);
        Map<String, String> selection = new LinkedHashMap<>();
        selection.put("Region", String.join(",", regions.subList(0, 3)));
        selection.put("Tid", "top(2)");
        selection.put("Kon", "1,2");
        ScbPxWebClient.Response r = px.data(TABLE, selection, Map.of(), "sv", "json-stat2");
        assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode data = r.json();
        assertEquals(List.of(3, 1, 1, 2, 5, 2), sizes(data));
        List<String> years = categories(meta, "Tid");
        assertEquals(years.subList(years.size() - 2, years.size()), categories(data, "Tid"), "top(2): the two newest years");
        assertTrue(years.stream().allMatch(y -> y.matches("\\d{4}")), "Tid's own values are years: " + years);
        try (Warehouse w = Warehouse.openReadOnly(TestApi.warehouseFile())) {
            for (ReleasedValue v : Released.values(w, TABLE, CellFilter.all().periods(categories(data, "Tid").toArray(String[]::new))
                    .geo("00", "01", "03")
                    .diagnoses("ALL").ageGroups("ALL").sexes(1, 2), Confidence.NINETY_FIVE)) {
                Map<String, String> cell = Map.of("Region", v.cell().geoCode(), "Diagnos", "ALL", "Alder", "ALL", "Kon",
                        String.valueOf(v.cell().sexCode()), "ContentsCode", "VARDE", "Tid", v.cell().periodCode());
                if (v.suppressed()) {
                    assertNull(JsonStat.value(data, cell));
                    assertEquals("..", JsonStat.status(data, cell));
                } else {
                    assertEquals(v.estimate().value() * 100, JsonStat.value(data, cell), 1e-9, cell.toString() + " in per cent");
                    assertEquals(v.denominator(), JsonStat.value(data, with(cell, "ContentsCode", "NAMNARE")), 0);
                }
            }
        }
        ScbPxWebClient.Response posted = px.post(TABLE, Map.of("Region", regions.subList(0, 3), "Tid", List.of("top(2)"), "Kon",
                List.of("1", "2")), "sv", "json-stat2");
        assertEquals(data, posted.json(), "POST with a selection body answers the same");
    }

    @Test
    void everyOutputFormatParsesInARealReader(@TempDir Path folder) throws Exception {
        ScbPxWebClient px = client();
        Map<String, String> selection = Map.of("Region", "00,01", "Tid", "2026", "Kon", "1,2,3");
        JsonNode json = px.data(TABLE, selection, Map.of(), "en", "json-stat2").json();
        double riket = JsonStat.value(json, Map.of("Region", "00", "Diagnos", "ALL", "Alder", "ALL", "Kon", "3", "ContentsCode", "VARDE",
                "Tid", "2026"));
        assertEquals("Sweden", json.path("dimension").path("Region").path("category").path("label").path("00").asText(), "lang=en");

        ScbPxWebClient.Response csv = px.data(TABLE, selection, Map.of(), "en", "csv");
        assertTrue(csv.contentType().startsWith("text/csv"));
        List<Map<String, String>> rows = Formats.csv(csv.body());
        assertEquals(6, rows.size(), "two regions, three sexes, one period");
        Map<String, String> row = rows.stream().filter(x -> x.get("Region").equals("00") && x.get("Kon").equals("3")).findFirst()
                .orElseThrow();
        assertEquals("Sweden", row.get("Region_label"));
        assertEquals("Both sexes", row.get("Kon_label"));
        assertEquals(riket, Double.parseDouble(row.get("VARDE")), 0);

        ScbPxWebClient.Response xlsx = px.data(TABLE, selection, Map.of(), "sv", "xlsx");
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getFirstSheet().read();
            List<String> headers = new ArrayList<>();
            sheet.get(1).forEach(c -> headers.add(c.getText()));
            var riketRow = sheet.subList(2, sheet.size()).stream().filter(x -> "00".equals(x.getCell(headers.indexOf("Region")).getText())
                    && "3".equals(x.getCell(headers.indexOf("Kon")).getText())).findFirst().orElseThrow();
            assertEquals("Riket", riketRow.getCell(headers.indexOf("Region_label")).getText());
            assertEquals(riket, riketRow.getCell(headers.indexOf("VARDE")).asNumber().doubleValue(), 0, "measures by content code: " + headers);
        }

        String pcAxis = new String(px.data(TABLE, selection, Map.of(), "sv", "px").body(), StandardCharsets.UTF_8);
        assertTrue(pcAxis.contains("CODES(\"region\")=\"00\",\"01\";") && pcAxis.contains("VALUES(\"kön\")=\"Män\",\"Kvinnor\",\"Båda könen\";"),
                pcAxis);
        String[] numbers = pcAxis.substring(pcAxis.indexOf("DATA=") + 5, pcAxis.lastIndexOf(';')).trim().split("\\s+");
        assertEquals(2 * 3 * 5, numbers.length, "one datum per cell");
        // rows: Riket men, women, both; then Stockholm; each row the five measures of 2026
        assertEquals(riket, Double.parseDouble(numbers[2 * 5]), 0, "Riket, both sexes, the value");

        List<Map<String, Object>> arrow = Formats.arrow(px.data(TABLE, selection, Map.of(), "sv", "arrow").body());
        assertEquals(6, arrow.size());
        assertEquals(riket, (Double) arrow.stream().filter(x -> "00".equals(x.get("Region")) && "3".equals(x.get("Kon"))).findFirst()
                .orElseThrow().get("VARDE"), 0);

        Path parquet = folder.resolve("t.parquet");
        Files.write(parquet, px.data(TABLE, selection, Map.of(), "sv", "parquet").body());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = db.createStatement().executeQuery("SELECT VARDE, Region_label FROM read_parquet('" + parquet
                     + "') WHERE Region = '00' AND Kon = '3'")) {
            assertTrue(rs.next());
            assertEquals(riket, rs.getDouble(1), 0);
            assertEquals("Riket", rs.getString(2));
        }

        byte[] excel = px.data(TABLE, selection, Map.of(), "sv", "csv").body();
        ScbPxWebClient.Response semicolon = client().get("/tables/" + TABLE + "/data?valueCodes%5BRegion%5D=00&valueCodes%5BTid%5D=2026"
                + "&outputFormat=csv&outputFormatParams=separatorsemicolon");
        assertTrue(new String(semicolon.body(), StandardCharsets.UTF_8).startsWith("\uFEFFRegion;Region_label;"), "Swedish Excel CSV");
        assertTrue(excel.length > 0);
    }

    @Test
    void selectionsWildcardsCodelistsAndDefaults() {
        ScbPxWebClient px = client();
        JsonNode all = px.data(TABLE, Map.of(), Map.of(), "sv", "json-stat2").json();
        assertEquals(List.of("ALL"), categories(all, "Diagnos"), "diagnosis eliminated to ALL by default");
        assertEquals(List.of("ALL"), categories(all, "Alder"), "age eliminated to ALL by default");
        assertEquals(22, categories(all, "Region").size(), "Riket and every region");
        List<String> years = categories(px.metadata(TABLE, "sv"), "Tid");
        assertEquals(List.of(years.get(years.size() - 1)), categories(all, "Tid"), "the newest year");
        assertEquals(List.of("00", "01", "03", "04", "05", "06", "07", "08", "09"), categories(px.data(TABLE, Map.of("Region", "0*"),
                Map.of(), "sv", "json-stat2").json(), "Region"));
        assertEquals(years.subList(years.indexOf("2025"), years.size()), categories(px.data(TABLE, Map.of("Tid", "from(2025)"), Map.of(),
                "sv", "json-stat2").json(), "Tid"));
        assertEquals(List.of("2024", "2025"), categories(px.data(TABLE, Map.of("Tid", "range(2024,2025)"), Map.of(), "sv",
                "json-stat2").json(), "Tid"));
        JsonNode healthcare = px.data(TABLE, Map.of("Region", "*", "Tid", "2026"), Map.of("Region", "agg_sjukvardsregioner"), "sv",
                "json-stat2").json();
        assertEquals(List.of("00", "NORR", "MELLAN", "STHLM", "SYDOST", "VAST", "SYD"), categories(healthcare, "Region"));
        JsonNode months = px.data(TABLE, Map.of("Region", "00", "Tid", "top(3)"), Map.of("Tid", "agg_month"), "sv", "json-stat2").json();
        assertEquals(3, categories(months, "Tid").size());
        assertTrue(categories(months, "Tid").get(0).matches("\\d{4}-\\d{2}"), "months by the codelist");
    }

    @Test
    void hiddenCellsNeverCarryAValueAndEachHasANote() {
        JsonNode data = client().data(TABLE, Map.of("Region", "*", "Tid", "2026", "Diagnos", "*"), Map.of(), "sv", "json-stat2").json();
        Set<Integer> noted = new TreeSet<>();
        data.path("extension").path("cellNotes").forEach(cells -> cells.forEach(i -> noted.add(i.asInt())));
        int hidden = 0;
        for (var it = data.path("status").fields(); it.hasNext(); ) {
            var e = it.next();
            int index = Integer.parseInt(e.getKey());
            assertTrue(data.path("value").get(index).isNull(), "no value behind status " + e.getValue());
            assertTrue(noted.remove(index), "a note for cell " + index);
            hidden += e.getValue().asText().equals("..") ? 1 : 0;
        }
        assertTrue(noted.isEmpty(), "notes only for cells with a status: " + noted);
        assertTrue(hidden > 0, "per-SVF regional cells include hidden ones");
        assertTrue(data.path("extension").path("statusMeaning").has(".."));
    }

    @Test
    void badSelectionsAreNamedAndLimitsAnswerAsScbs() {
        ScbPxWebClient px = client();
        ScbPxWebClient.Response unknown = px.data(TABLE, Map.of("Region", "99"), Map.of(), "sv", "json-stat2");
        assertEquals(400, unknown.status());
        assertEquals("valueCodes[Region]", unknown.json().path("parameter").asText());
        assertEquals(404, px.get("/tables/no_such_table/metadata").status());
        assertEquals(400, px.get("/tables/" + TABLE + "/metadata?lang=de").status());
        assertEquals(400, px.data(TABLE, Map.of("Nope", "1"), Map.of(), "sv", "json-stat2").status());
        assertEquals(400, px.data(TABLE, Map.of("Region", "00"), Map.of("Region", "agg_nope"), "sv", "json-stat2").status());
        assertEquals(400, px.data(TABLE, Map.of("Region", "00"), Map.of(), "sv", "pdf").status());
        ScbPxWebClient.Response tooMany = px.data(TABLE, Map.of("Region", "*", "Diagnos", "*", "Alder", "*", "Kon", "*", "Tid", "*"),
                Map.of("Tid", "agg_month"), "sv", "json-stat2");
        assertEquals(403, tooMany.status(), "more cells than maxDataCells");
        assertTrue(tooMany.json().path("detail").asText().contains("cells"));
        assertEquals(400, px.post(TABLE, Map.of("Nope", List.of("1")), "sv", "json-stat2").status());
    }

    private static List<String> ids(JsonNode dataset) {
        List<String> ids = new ArrayList<>();
        dataset.path("id").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static Map<String, String> with(Map<String, String> cell, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(cell);
        copy.put(key, value);
        return copy;
    }

    private static List<Integer> sizes(JsonNode dataset) {
        List<Integer> sizes = new ArrayList<>();
        dataset.path("size").forEach(s -> sizes.add(s.asInt()));
        return sizes;
    }

    private static List<String> categories(JsonNode dataset, String dimension) {
        List<String> codes = new ArrayList<>();
        dataset.path("dimension").path(dimension).path("category").path("index").fieldNames().forEachRemaining(codes::add);
        return codes;
    }
}
