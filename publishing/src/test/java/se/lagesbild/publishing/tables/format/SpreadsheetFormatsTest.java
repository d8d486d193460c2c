package se.lagesbild.publishing.tables.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/** The spreadsheet outputs: the Swedish Excel CSV dialect and the xlsx workbook, read back by independent readers. */
class SpreadsheetFormatsTest {
    private static ResultTable table() {
        return ResultTable.builder("Shares", Column.dimension("indicator"), Column.dimension("geo_code"), Column.number("value"),
                Column.flag("suppressed"), Column.text("reason"))
                .row("svf_inclusion", "01", 0.8313, false, "a; b")
                .row("svf_inclusion", "09", null, true, "hidden")
                .build();
    }

    @Test
    void swedishExcelCsvHasABomSemicolonsAndDecimalCommas() {
        String csv = new String(CsvTables.write(table(), CsvTables.Dialect.EXCEL_SV), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFindicator;geo_code;value;suppressed;reason\r\n"), csv);
        assertTrue(csv.contains("svf_inclusion;01;0,8313;false;\"a; b\"\r\n"), "decimal comma, a field with ';' quoted: " + csv);
        assertTrue(csv.contains("svf_inclusion;09;;true;hidden\r\n"), csv);
        String rfc = new String(CsvTables.write(table(), CsvTables.Dialect.RFC4180), StandardCharsets.UTF_8);
        assertTrue(rfc.startsWith("indicator,geo_code,value,suppressed,reason\r\nsvf_inclusion,01,0.8313,false,a; b\r\n"), rfc);
    }

    @Test
    void theWorkbookHasLabelsNamesBesideCodesHiddenMarksAndTheSameBytesTwice(@TempDir Path folder) throws Exception {
        try (Warehouse w = Warehouse.openReadOnly(TestWarehouses.migrated(folder))) {
            Map<String, ResultTable> sheets = new LinkedHashMap<>();
            sheets.put("shares", table());
            byte[] first = XlsxTables.write(sheets, Labels.of(w, Language.SV));
            Thread.sleep(1100); // a creation date would differ by now
            assertArrayEquals(first, XlsxTables.write(sheets, Labels.of(w, Language.SV)), "the same bytes for the same tables");
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(first))) {
                List<Row> rows = book.findSheet("shares").orElseThrow().read();
                assertEquals("Shares", rows.get(0).getCell(0).getText());
                List<String> headers = new ArrayList<>();
                rows.get(1).forEach(c -> headers.add(c.getText()));
                assertEquals(List.of("Indikator (kod)", "Indikator", "Enhet", "Region (kod)", "Region", "Värde", "Visas inte",
                        "Anmärkning"), headers);
                assertEquals("Inklusion i SVF", rows.get(2).getCell(1).getText());
                assertEquals("andel (0–1)", rows.get(2).getCell(2).getText());
                assertEquals("Stockholm", rows.get(2).getCell(4).getText());
                assertEquals(0.8313, rows.get(2).getCell(5).asNumber().doubleValue(), 0);
                assertEquals("nej", rows.get(2).getCell(6).getText());
                assertEquals("Gotland", rows.get(3).getCell(4).getText());
                assertEquals("..", rows.get(3).getCell(5).getText(), "a hidden value is marked, not left empty");
            }
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(first),
                    new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
                assertEquals("shares", book.getFirstSheet().getName(), "the data first");
                var last = book.getSheets().reduce((a, b) -> b).orElseThrow();
                assertEquals("Om tabellerna", last.getName(), "the last sheet says what the marks mean");
                List<Row> about = last.read();
                assertTrue(about.stream().anyMatch(r -> "..".equals(r.getCell(0).getText()) && r.getCell(1).getText().contains("röjandekontroll")),
                        "'..' is explained");
                assertTrue(about.stream().anyMatch(r -> r.getCellCount() > 1 && r.getCell(1).getText().contains("SCB")), "the sources are named");
                Row shown = book.findSheet("shares").orElseThrow().read().get(2);
                assertEquals("0.0%", shown.getCell(5).getDataFormatString(), "a share is shown in per cent");
                assertEquals(0.8313, shown.getCell(5).asNumber().doubleValue(), 0, "and stored in full precision");
            }
            try (ReadableWorkbook english = new ReadableWorkbook(new ByteArrayInputStream(XlsxTables.write(Map.of("indicators", table()),
                    Labels.of(w, Language.EN))))) {
                assertEquals(List.of("Indicators", "About the tables"), english.getSheets().map(x -> x.getName()).toList(),
                        "sheet names in the workbook's language");
            }
            ResultTable words = ResultTable.builder("Words", Column.text("geo_level"), Column.text("status"), Column.text("revision"),
                    Column.text("funnel_position")).row("country", "unchanged", "unchanged", "Low (0.001)").build();
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(XlsxTables.write(Map.of("words", words),
                    Labels.of(w, Language.SV))))) {
                Row row = book.getFirstSheet().read().get(2);
                assertEquals(List.of("riket", "ingen statistiskt säkerställd förändring", "oförändrad", "låg, utanför 99,8 %"),
                        List.of(row.getCell(0).getText(), row.getCell(1).getText(), row.getCell(2).getText(), row.getCell(3).getText()),
                        "no English value in the Swedish book");
            }
            String sheetXml = sheetXml(first, "xl/worksheets/sheet1.xml");
            assertTrue(sheetXml.contains("<autoFilter ref=\"A2:H4\""), "an autofilter on the header row: " + sheetXml.substring(0,
                    Math.min(400, sheetXml.length())));
        }
    }

    private static String sheetXml(byte[] xlsx, String entry) throws java.io.IOException {
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + entry);
    }

    @Test
    void sheetNamesFitExcel() {
        assertEquals("a_b_c", XlsxTables.sheetName("a[b]c"));
        assertEquals(31, XlsxTables.sheetName("x".repeat(40)).length());
    }
}
