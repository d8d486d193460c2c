package se.lagesbild.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.indicators.BaselineComparisons;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;

/** lagesbild report end to end: the notebook run by Jupyter, the tables as files, the manifest; twice, the same files. */
class YearlyReportRunTest {
    @Test
    void theReportIsTheEnginesNumbersAndComesOutTheSameTwice(@TempDir Path folder) throws IOException {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        YearlyReportRun.Result a = YearlyReportRun.run(DemoWarehouse.home(), DemoWarehouse.file(), 2027, 2026, DemoWarehouse.SNAPSHOT, DemoWarehouse.PUBLISHED, first,
                s -> { });
        YearlyReportRun.run(DemoWarehouse.home(), DemoWarehouse.file(), 2027, 2026, DemoWarehouse.SNAPSHOT, DemoWarehouse.PUBLISHED, second, s -> { });
        assertEquals(12, a.tables().size(), "six tables, each as CSV and Arrow");
        for (Path table : a.tables()) {
            assertArrayEquals(Files.readAllBytes(table), Files.readAllBytes(second.resolve(first.relativize(table))), table + " differs");
        }

        List<String> csv = Files.readAllLines(first.resolve("tables/indicators.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        String[] row = csv.stream().filter(l -> l.contains(",svf_within_lead_time,")).findFirst().orElseThrow().split(",");
        try (Warehouse w = Warehouse.openReadOnly(DemoWarehouse.file())) {
            Snapshots.asOf(w, DemoWarehouse.SNAPSHOT);
            BaselineComparisons.Change change = Released.baseline(w, "svf_within_lead_time", "2026", "2027",
                    CellFilter.all().geo("00").sexes(3).diagnoses("ALL").ageGroups("ALL"), Confidence.NINETY_FIVE).get(0).change();
            assertEquals(change.baseline().value(), Double.parseDouble(row[header.indexOf("baseline_value")]), 0);
            assertEquals(change.followUp().value(), Double.parseDouble(row[header.indexOf("followup_value")]), 0);
            assertEquals(change.followUp().lower(), Double.parseDouble(row[header.indexOf("followup_lower")]), 0);
            assertEquals(change.difference().lower(), Double.parseDouble(row[header.indexOf("change_lower")]), 0);
            assertEquals(change.status(), row[header.indexOf("status")]);
            assertEquals("false", row[header.indexOf("target_met_followup")], "80 % within the lead time is far off");
        }

        List<String> revisions = Files.readAllLines(first.resolve("tables/baseline_revisions.csv"));
        List<String> columns = List.of(revisions.get(0).split(","));
        try (Warehouse w = Warehouse.openReadOnly(DemoWarehouse.file())) {
            CellFilter riket = CellFilter.all().periods("2026").geo("00").sexes(3).diagnoses("ALL").ageGroups("ALL");
            double published = Snapshots.during(w, DemoWarehouse.PUBLISHED, () -> Released.values(w, "svf_within_lead_time", riket,
                    Confidence.NINETY_FIVE)).get(0).estimate().value();
            double revised = Snapshots.during(w, DemoWarehouse.SNAPSHOT, () -> Released.values(w, "svf_within_lead_time", riket,
                    Confidence.NINETY_FIVE)).get(0).estimate().value();
            assertTrue(revised > published, "Stockholm's corrected closing dates raise Riket's share: " + published + " → " + revised);
            String[] sweden = revisions.stream().filter(l -> l.startsWith("svf_within_lead_time,2026,country,00,ALL,3,ALL,")).findFirst()
                    .orElseThrow().split(",", -1);
            assertEquals("revised", sweden[columns.indexOf("revision")]);
            assertEquals(published, Double.parseDouble(sweden[columns.indexOf("published_value")]), 0);
            assertEquals(revised, Double.parseDouble(sweden[columns.indexOf("revised_value")]), 0);
            assertEquals(revised - published, Double.parseDouble(sweden[columns.indexOf("revision_difference")]), 1e-15);
        }
        assertEquals("revised", revisions.stream().filter(l -> l.startsWith("svf_within_lead_time,2026,region,01,ALL,3,ALL,")).findFirst()
                .orElseThrow().split(",", -1)[columns.indexOf("revision")], "Stockholm delivered again");
        assertEquals("unchanged", revisions.stream().filter(l -> l.startsWith("svf_within_lead_time,2026,region,03,ALL,3,ALL,")).findFirst()
                .orElseThrow().split(",", -1)[columns.indexOf("revision")], "Uppsala did not");
        assertEquals(List.of(), revisions.stream().filter(l -> l.contains(",region,") && !l.contains(",region,01,") && l.contains(",revised,"))
                .toList(), "only Stockholm's cells are revised");

        String html = Files.readString(a.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("The baseline as published and with revised data") && html.contains("as published (" + DemoWarehouse.PUBLISHED),
                "the revisions section");
        int charts = html.split("data:image/png;base64,", -1).length - 1;
        assertTrue(charts >= 10, "every chart embedded: " + charts);
        assertTrue(html.split("class=\"lb-table\"", -1).length - 1 >= 8, "every table");
        assertTrue(html.contains("The most important changes") && html.contains("as of snapshot <b>" + DemoWarehouse.SNAPSHOT));
        assertFalse(html.contains("Traceback") || html.contains("Exception"), "no failed cell in the report");
        assertFalse(html.contains("<script") || html.contains("file://") || html.contains("MathJax"), "self-contained, no scripts");
        assertTrue(html.contains("<nav class=\"lb-toc\">") && html.contains("href=\"#Goal-2:-higher-survival\"") && html.contains("@page"),
                "a table of contents and print rules");
        assertTrue(html.contains("id=\"Goal-2:-higher-survival\""), "the contents' links lead to the sections");

        List<String> words = Files.readAllLines(first.resolve("tables/changes_in_words.csv"));
        List<String> wordsHeader = List.of(words.get(0).split(","));
        java.util.Set<String> families = new java.util.HashSet<>();
        try (Warehouse w = Warehouse.openReadOnly(DemoWarehouse.file())) {
            for (String line : words.subList(1, words.size())) {
                String[] cells = line.split(",", -1);
                if (cells[wordsHeader.indexOf("kind")].equals("revised baseline")) {
                    continue;
                }
                var indicator = se.lagesbild.warehouse.indicators.Catalogue.byCode(w, cells[wordsHeader.indexOf("indicator")]);
                assertTrue(families.add(indicator.disclosureFamily() == null ? indicator.code() : indicator.disclosureFamily()),
                        "one finding per indicator family: " + words);
            }
        }
        assertTrue(families.size() >= 3, "findings in several families: " + words);

        JsonNode manifest = new ObjectMapper().readTree(a.manifest().toFile());
        assertEquals(DemoWarehouse.SNAPSHOT, manifest.path("as_of").path("snapshot").asText());
        assertEquals(se.lagesbild.fixtures.DemoData.files().size() + 1, manifest.path("vintages").size(),
                "every file loaded before the snapshot, and the revision");
        assertEquals(DemoWarehouse.PUBLISHED, manifest.path("baseline_published").path("snapshot").asText());
        assertEquals(64, manifest.path("vintages").get(0).path("sha256").asText().length());
        assertEquals(YearlyReportRun.sha256(Files.readAllBytes(first.resolve("tables/equity.arrow"))),
                manifest.path("files").path("tables/equity.arrow").asText());
        assertEquals(5, manifest.path("method").path("suppression_thresholds").path("LEAD_TIME_PATIENTS").asInt());
    }

    @Test
    void badParametersAreRefusedBeforeAnythingIsWritten(@TempDir Path folder) {
        Path out = folder.resolve("report");
        WarehouseException unknown = assertThrows(WarehouseException.class, () -> YearlyReportRun.run(DemoWarehouse.home(),
                DemoWarehouse.file(), 2027, 2026, "no-such-snapshot", null, out, s -> { }));
        assertTrue(unknown.getMessage().contains("no snapshot 'no-such-snapshot'"), unknown.getMessage());
        WarehouseException years = assertThrows(WarehouseException.class, () -> YearlyReportRun.run(DemoWarehouse.home(),
                DemoWarehouse.file(), 2026, 2026, null, null, out, s -> { }));
        assertTrue(years.getMessage().contains("must come after the baseline"), years.getMessage());
        WarehouseException missing = assertThrows(WarehouseException.class, () -> YearlyReportRun.run(DemoWarehouse.home(),
                folder.resolve("none.duckdb"), 2027, 2026, null, null, out, s -> { }));
        assertTrue(missing.getMessage().contains("No warehouse at"), missing.getMessage());
        WarehouseException published = assertThrows(WarehouseException.class, () -> YearlyReportRun.run(DemoWarehouse.home(),
                DemoWarehouse.file(), 2027, 2026, null, "not-published", out, s -> { }));
        assertTrue(published.getMessage().contains("no snapshot 'not-published'"), published.getMessage());
        assertFalse(Files.exists(out));
    }
}
