package se.lagesbild.notebooks;

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

import se.lagesbild.publishing.tables.format.CsvTables;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.indicators.BaselineComparisons;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * lagesbild report end to end: the notebook run by Jupyter, the tables as files, the manifest, the PDF.
 * That a second run gives the same bytes is checked where a user re-runs it: LagesbildCliTest's demo, twice.
 */
class YearlyReportRunTest {
    @Test
    void theReportIsTheEnginesNumbersAsAReaderSeesThem(@TempDir Path folder) throws IOException {
        Path first = folder.resolve("first");
        YearlyReportRun.Result a = YearlyReportRun.run(DemoWarehouse.home(), DemoWarehouse.file(), 2027, 2026, DemoWarehouse.SNAPSHOT, DemoWarehouse.PUBLISHED, first,
                s -> { });
        assertEquals(20, a.tables().size(), "ten tables, each as CSV and Arrow");
        for (Path file : a.tables()) {
            assertTrue(Files.size(file) > 0, file + " is empty");
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
            String shown = Language.SV.valueWithInterval(change.followUp().value(), change.followUp().lower(), change.followUp().upper(),
                    "proportion");
            assertTrue(shown.matches("\\d\\d,\\d\u00a0% \\(\\d\\d,\\d–\\d\\d,\\d\\)"), shown);
            String page = Files.readString(a.html(), StandardCharsets.UTF_8);
            assertTrue(page.contains("<td class=\"n\">" + shown + "</td>"), "the follow-up value as a reader sees it: " + shown);
            assertTrue(page.contains("<title>Årlig uppföljning av den nationella cancerstrategin 2027</title>"), "the report's title, not the notebook's name");
            assertTrue(!page.contains("Lägesbild dev"), "the version that wrote it, not 'dev'");
            try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(a.workbook().toFile())) {
                var sheet = workbook.findSheet("Indikatorer").orElseThrow();
                var rows = sheet.read();
                assertEquals("Indikatorer för riket: utgångsläget 2026 mot 2027", rows.get(0).getCell(0).getText(),
                        "the table's title first, in Swedish");
                List<String> headers = new java.util.ArrayList<>();
                rows.get(1).forEach(c -> headers.add(c.getText()));
                assertTrue(headers.contains("Indikator") && headers.contains("Indikator (kod)") && headers.contains("Utgångsläge") && headers.contains("Utgångsläge, nedre gräns"),
                        "labelled headers, names beside codes: " + headers);
                var lead = rows.subList(2, rows.size()).stream().filter(r -> "svf_within_lead_time".equals(r.getCell(headers.indexOf("Indikator (kod)")).getText()))
                        .findFirst().orElseThrow();
                assertEquals("Behandlingsstart inom maximal ledtid", lead.getCell(headers.indexOf("Indikator")).getText());
                assertEquals(change.followUp().value(), lead.getCell(headers.indexOf("Uppföljning")).asNumber().doubleValue(), 0,
                        "full precision in the workbook");
                assertEquals(List.of("Indikatorer", "Jämlikhet", "Regionernas förändring", "Barn och vuxna", "Utbildning, födelse, inkomst",
                        "Ojämlikhetsmått", "Trender", "Revideringar",
                        "Viktigaste förändringarna", "Måluppfyllelse", "Om tabellerna"), workbook.getSheets().map(se -> se.getName()).toList(),
                        "a sheet per table, named in Swedish, and one that explains them");
                var equity = workbook.findSheet("Jämlikhet").orElseThrow().read();
                assertTrue(equity.stream().anyMatch(r -> r.stream().anyMatch(c -> c != null && "..".equals(c.getText()))),
                        "hidden values marked '..'");
            }
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
        assertTrue(html.contains("Utgångsläget som publicerat och med reviderade data") && html.contains("som det publicerades (beräknat"
                + " enligt ögonblicksbilden " + DemoWarehouse.PUBLISHED), "the revisions section, in Swedish");
        int charts = html.split("data:image/png;base64,", -1).length - 1;
        assertTrue(charts >= 6, "the charts embedded (goals, the findings' trends, groups): " + charts);
        assertTrue(html.split("class=\"lb-table\"", -1).length - 1 >= 8, "every table");
        assertTrue(html.contains("<thead><tr><th>Indikator</th>"), "header rows in thead, printed again where a table runs onto a new page");
        // by default the regions and women/men sections are one overview table of every indicator each (the full report, --full,
        // draws every indicator's charts: NotebooksTest); every indicator the report covers is in both
        int headlines = (int) Files.readAllLines(first.resolve("tables/indicators.csv")).stream().skip(1).count();
        assertTrue(headlines >= 25, headlines + " indicators");
        assertTrue(html.contains("Regionerna under 2027: riket, den lägsta och den högsta regionen") && html.contains(
                "Kvinnor och män i riket under 2027") && html.contains("lagesbild report --full"), "the overview tables and where the rest is");
        // a rate standardised to Sweden's own population is the crude rate for Riket: its goal table shows the pair once and says so;
        // an indicator of the catalogue without values for Riket in both years is named with why; a table of only ".." is a sentence
        assertTrue(html.contains("Nya cancerfall, åldersstandardiserat (Sverige) är för riket detsamma som Nya cancerfall per 100 000 invånare"),
                "the duplicate shown once");
        assertTrue(html.contains("Indikatorer som inte redovisas här: Cancer hos barn per 100 000 barn (värdena för riket är dolda av sekretesskäl)"),
                "the indicator without values, with why");
        assertTrue(html.contains("Barn och vuxna: alla värden är dolda av sekretesskäl"), "an all-hidden table as one sentence");
        assertTrue(html.contains("<h3>Referenser</h3>") && html.contains("Spiegelhalter DJ. Funnel plots for comparing institutional performance")
                && html.contains("(S2026/00065)"), "a reference list: the commission and the methods' sources");
        assertTrue(html.matches("(?s).*<td>Inklusion i SVF</td><td class=\"n\">\\d+,\\d\u00a0% \\([^<]+\\)</td><td>[^<]+</td><td class=\"n\">"
                + "\\d+,\\d\u00a0%</td><td>[^<]+</td><td class=\"n\">\\d+,\\d\u00a0%</td>.*"), "the lowest and highest region as shares");
        assertReadsAsAPublication(a.html(), folder.resolve("report-2027.pdf"), "Swedish", SWEDISH_FORBIDDEN);
        assertTrue(html.contains("De viktigaste förändringarna") && html.contains("enligt ögonblicksbilden " + DemoWarehouse.SNAPSHOT));
        assertFalse(html.contains("Traceback") || html.contains("Exception"), "no failed cell in the report");
        assertFalse(html.contains("<script") || html.contains("file://") || html.contains("MathJax"), "self-contained, no scripts");
        assertTrue(html.contains("<nav class=\"lb-toc\">") && html.contains("href=\"#goal-2\"") && html.contains("@page"),
                "a table of contents and print rules");
        assertTrue(html.contains("<h2 id=\"goal-2\">Mål 2: Ökad canceröverlevnad</h2>"), "the contents' links lead to the sections");
        String visible = html.replaceAll("(?s)<style.*?</style>", "").replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "")
                .replaceAll("<[^>]+>", " ");
        for (String code : List.of("svf_within_lead_time", "baseline_value", "geo_code", "followup_period", "title_en")) {
            assertFalse(visible.contains(code), "a code or column name in what a reader sees: " + code);
        }
        assertFalse(java.util.regex.Pattern.compile("\\b0\\.\\d{3,}").matcher(visible).find(), "an unformatted share in what a reader sees");
        assertTrue(html.contains("Bilaga: dataunderlag och ursprung") && html.contains("svf-pathways-2026-01-revised.csv"),
                "the provenance appendix");

        // goal fulfilment, by goal and sub-goal of the loaded follow-up structure, on the page and in the tables
        assertTrue(html.contains("Måluppfyllelse till målåret") && html.contains("Kortare väntetider i standardiserade vårdförlopp"),
                "the goal fulfilment section with the structure's sub-goals");
        List<String> fulfilment = Files.readAllLines(first.resolve("tables/goal_fulfilment.csv"));
        String lead = fulfilment.stream().filter(l -> l.startsWith("indicator,svf_within_lead_time,")).findFirst().orElseThrow();
        assertTrue(lead.contains(",2.1,") && lead.matches(".*,(on_track|not_on_track|reached),.*"), lead);
        assertTrue(fulfilment.stream().anyMatch(l -> l.startsWith("subgoal,2.1,")), "the sub-goal judged over its indicators");

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
        // the demo's findings that survive Benjamini–Hochberg and the base of 30: Riket's screening coverage and incidence
        assertTrue(families.size() >= 2, "findings in several families: " + words);

        JsonNode manifest = new ObjectMapper().readTree(a.manifest().toFile());
        assertEquals("sv", manifest.path("language").asText());
        assertEquals(YearlyReportRun.sha256(Files.readAllBytes(a.workbook())), manifest.path("files").path("report-2027.xlsx").asText());
        assertEquals(DemoWarehouse.SNAPSHOT, manifest.path("as_of").path("snapshot").asText());
        assertEquals(se.lagesbild.fixtures.DemoData.files().size() + 1, manifest.path("vintages").size(),
                "every file loaded before the snapshot, and the revision");
        assertEquals(DemoWarehouse.PUBLISHED, manifest.path("baseline_published").path("snapshot").asText());
        assertEquals(64, manifest.path("vintages").get(0).path("sha256").asText().length());
        assertEquals(YearlyReportRun.sha256(Files.readAllBytes(first.resolve("tables/equity.arrow"))),
                manifest.path("files").path("tables/equity.arrow").asText());
        assertEquals(5, manifest.path("method").path("suppression_thresholds").path("LEAD_TIME_PATIENTS").asInt());
    }

    /** Codes, column names, file names and English words that must not show in the Swedish report's text. */
    private static final List<String> SWEDISH_FORBIDDEN = List.of("svf_", "_value", "geo_code", "country", "Not significant", "unchanged",
            "not computed", "hidden for confidentiality", "Sweden", "null", "NaN", "demo-report", "yearly-followup", "svf-pathways", "new-cases",
            "agreement-rules", "follow-up-structure");
    /** Codes, column names, file names and Swedish words that must not show in the English report's text. */
    private static final List<String> ENGLISH_FORBIDDEN = List.of("svf_", "_value", "geo_code", "null", "NaN", "yearly-followup", "svf-pathways",
            "new-cases", "agreement-rules", "follow-up-structure", "riket", "Riket,", "Riket's", "Kvinnor", "Utgångsläge", "Uppföljning",
            "dagar", "statistiskt", "oförändrad", "Källa", "dold av");

    /**
     * The report printed as an agency prints it (Chromium, as {@code lagesbild report --pdf}) and read
     * back page by page with PDFBox: about 20 pages, no blank page and none of hidden values only, none of
     * {@code forbidden} (codes, column names, words of the other language) in its text.
     */
    private static void assertReadsAsAPublication(Path html, Path pdf, String language, List<String> forbidden) throws IOException {
        Pdf.print(html, pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 10 && pages <= 25, "about 20 pages by default: " + pages);
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            java.util.regex.Pattern number = java.util.regex.Pattern.compile("\\d+[,.]\\d");
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // the appendix's file names, also where a narrow column wraps them ("svf-pathways-2026-01-\nrevised.csv")
                String text = stripper.getText(document).replaceAll("\\S+-\\R\\S+\\.(csv|parquet|xlsx|json)\\b", "file")
                        .replaceAll("\\S+\\.(csv|parquet|xlsx|json)\\b", "file");
                assertFalse(text.isBlank(), "page " + page + " of " + pages + " is blank");
                int hidden = text.split("\\.\\.", -1).length - 1;
                assertFalse(hidden >= 5 && !number.matcher(text).find(), "page " + page + " shows only hidden values: " + text);
                for (String word : forbidden) {
                    assertFalse(text.contains(word), "page " + page + " of the " + language + " report says '" + word + "': " + text);
                }
            }
        }
    }

    /** The report in English, with Norrbotten beside Sweden in the trends: the same sections in English words and numbers, printed. */
    @Test
    void theReportInEnglish(@TempDir Path folder) throws IOException {
        YearlyReportRun.Result run = YearlyReportRun.run(DemoWarehouse.home(), DemoWarehouse.file(), 2027, 2026, DemoWarehouse.SNAPSHOT, null,
                folder.resolve("en"), new YearlyReportRun.Options(Language.EN, CsvTables.Dialect.RFC4180, "25", false), s -> { });
        String html = Files.readString(run.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("as of snapshot " + DemoWarehouse.SNAPSHOT) && html.contains("<nav class=\"lb-toc\">"));
        assertTrue(html.contains("<title>Yearly follow-up of the national cancer strategy 2027</title>"));
        assertTrue(html.contains("<h2 id=\"changes\">The most important changes</h2>"), "the changes in plain words, in English");
        for (String title : List.of("Inclusion in standardised care pathways", "Share diagnosed at stage I–II",
                "Treatment started within the maximum lead time", "Five-year net survival", "Positive answers in PREM surveys")) {
            assertTrue(html.contains(title), "each goal has its indicators, by title: " + title);
        }
        assertTrue(html.matches("(?s).*\\d+\\.\\d\u00a0% \\(\\d+\\.\\d–\\d+\\.\\d\\).*"), "English decimals");
        assertTrue(html.contains("<h2 id=\"fulfilment\">Goal fulfilment by the target year</h2>")
                && html.contains("2.1 Shorter waiting times in standardised care pathways (placeholder)")
                && html.matches("(?s).*<td>(on track|not on track|reached)</td>.*"), "goal fulfilment by sub-goal");
        assertTrue(html.contains("Sweden and Norrbotten"), "the findings' trend lines with the region asked for");
        assertTrue(html.contains("<th>Women</th>") && html.contains("<h2 id=\"children\">Children and adults</h2>"));
        // at the demo's fiftieth of Sweden every child and adult value at Sweden's level is hidden (the children's few cases, the
        // adults' with them, since all ages are released): one sentence instead of a table of ".."
        assertTrue(html.contains("Children and adults: every value is hidden for confidentiality"), "an all-hidden table as a sentence");
        assertTrue(html.contains("Indicators not reported here: Childhood cancer per 100 000 children (the values for Sweden are hidden"
                + " for confidentiality)"), "a catalogue indicator without values for Sweden, with why");
        assertTrue(html.contains("New cancer cases, age-standardised (Sweden) is the same as New cancer cases per 100 000 population for"
                + " Sweden as a whole and is therefore shown once here"), "a rate standardised to Sweden's population is the crude rate for Sweden");
        assertTrue(html.contains("<h2 id=\"population-groups\">Equity by education, country of birth and income</h2>")
                && html.contains("Pre-upper secondary education") && html.contains("Slope index (SII)"), "equity by education, with HEAT's measures");
        assertTrue(html.contains("population.csv"), "the provenance appendix");
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(run.workbook().toFile())) {
            List<String> sheets = workbook.getSheets().map(se -> se.getName()).toList();
            assertEquals("Indicators", sheets.get(0), "sheets named in English: " + sheets);
            assertEquals("About the tables", sheets.get(sheets.size() - 1), "sheets named in English: " + sheets);
        }
        assertReadsAsAPublication(run.html(), folder.resolve("report-2027-en.pdf"), "English", ENGLISH_FORBIDDEN);
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
        WarehouseException region = assertThrows(WarehouseException.class, () -> YearlyReportRun.run(DemoWarehouse.home(),
                DemoWarehouse.file(), 2027, 2026, null, null, out, new YearlyReportRun.Options(Language.SV, CsvTables.Dialect.RFC4180, "99", false),
                s -> { }));
        assertTrue(region.getMessage().contains("no region '99'") && region.getMessage().contains("--region"), region.getMessage());
        assertFalse(Files.exists(out));
    }
}
