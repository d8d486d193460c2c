package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.FACT_POPULATION;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.LOAD_QUARANTINE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/** Policies, line numbers, encodings, idempotency and header errors, on real files and a real warehouse. */
class LoadBehaviourTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final String PATHWAY_HEADER = ValidationRulesTest.HEADER_AND_GOOD_ROW.get("svf-pathways")[0];

    @TempDir
    Path folder;
    Path db;

    @BeforeEach
    void warehouse() {
        db = TestWarehouses.migrated(folder);
    }

    private LoadOutcome load(LoadRequest request) {
        try (Warehouse warehouse = Warehouse.openForWriting(db)) {
            return FileLoader.load(warehouse, request.withToday(TODAY), LoadListener.SILENT);
        }
    }

    static String pathway(String id, String region, String suspicion, String closed) {
        return id + ",X" + id + "," + region + ",0180,BREAST,C50,2,58," + suspicion + "," + closed + ",treatment,SURG,Unit";
    }

    @Test
    void quarantineKeepsEveryBadRowWithItsReasonsAndRawLine() {
        Path file = BrokenFiles.write(folder, "mixed.csv", PATHWAY_HEADER,
                pathway("P1", "01", "2026-03-02", "2026-03-20"),
                pathway("P2", "99", "2026-03-03", "2026-03-21"),
                pathway("P3", "01", "2026-03-04", "2026-03-01"),
                pathway("P4", "13", "2026-03-05", "2026-03-25"));
        LoadOutcome outcome = load(LoadRequest.of("svf-pathways", file));
        assertEquals(LoadOutcome.Status.LOADED, outcome.status());
        assertEquals(4, outcome.rowsRead());
        assertEquals(2, outcome.rowsLoaded());
        assertEquals(2, outcome.rowsQuarantined());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            var dsl = warehouse.dsl();
            assertEquals(List.of("P1", "P4"), dsl.select(FACT_SVF_PATHWAY.PATHWAY_ID).from(FACT_SVF_PATHWAY)
                    .orderBy(FACT_SVF_PATHWAY.PATHWAY_ID).fetch(FACT_SVF_PATHWAY.PATHWAY_ID));
            var quarantined = dsl.selectFrom(LOAD_QUARANTINE).orderBy(LOAD_QUARANTINE.LINE_NO).fetch();
            assertEquals(List.of(3L, 4L), quarantined.map(q -> q.getLineNo()));
            assertEquals("unknown_region", quarantined.get(0).getRuleCode());
            assertEquals("closed_before_suspicion", quarantined.get(1).getRuleCode());
            assertEquals("01", quarantined.get(1).getRegionCode(), "kept for the region's feedback letter");
            assertTrue(quarantined.get(1).getRawRecord().startsWith("P3,XP3,01,0180,BREAST"), quarantined.get(1).getRawRecord());
            var batch = dsl.selectFrom(LOAD_BATCH).fetchSingle();
            assertEquals(batch.getRowsRead(), batch.getRowsLoaded() + batch.getRowsQuarantined(), "counts in = loaded + quarantined");
        }
    }

    @Test
    void rejectPolicyWritesNothingAndReportsEveryProblem() throws Exception {
        Path file = BrokenFiles.write(folder, "population.csv", "region;kön;ålder;år;folkmängd",
                "01;1;45;2025;15000", "01;3;46;2025;15000", "99;1;47;2025;15000");
        Path problems = folder.resolve("out/population.problems.csv");
        LoadOutcome outcome = load(LoadRequest.of("population", file).withProblemsFile(problems));
        assertEquals(LoadOutcome.Status.REJECTED, outcome.status());
        assertEquals(2, outcome.problems());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            assertEquals(0, warehouse.dsl().fetchCount(FACT_POPULATION));
            assertEquals(0, warehouse.dsl().fetchCount(LOAD_BATCH));
        }
        List<String> csv = Files.readAllLines(problems, StandardCharsets.UTF_8);
        assertEquals("file,line,column,value,rule,message", csv.get(0));
        assertTrue(csv.get(1).startsWith("population.csv,3,sex,3,invalid_sex,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("population.csv,4,region,99,unknown_region,"), csv.get(2));

        LoadOutcome quarantined = load(LoadRequest.of("population", file).withPolicy(Policy.QUARANTINE));
        assertEquals(LoadOutcome.Status.LOADED, quarantined.status(), "the policy can be overridden");
        assertEquals(1, quarantined.rowsLoaded());
    }

    @Test
    void lineNumbersSkipRejectedAndBlankLines() {
        Path file = BrokenFiles.write(folder, "gaps.csv", PATHWAY_HEADER,
                pathway("P1", "01", "2026-03-02", "2026-03-20"),   // line 2
                "P2,X2,01",                                          // line 3: too few columns
                "",                                                  // line 4: blank
                pathway("P3", "01", "2026-03-04", "2026-03-21"),   // line 5
                pathway("P4", "99", "2026-03-05", "2026-03-22"),   // line 6: unknown region
                "",                                                  // line 7: blank
                pathway("P5", "01", "2026-03-06", "2026-03-23"));  // line 8
        LoadOutcome outcome = load(LoadRequest.of("svf-pathways", file));
        assertEquals(List.of(3L, 6L), outcome.firstProblems().stream().map(Problem::line).toList());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            assertEquals(List.of(2L, 5L, 8L), warehouse.dsl().select(FACT_SVF_PATHWAY.SOURCE_LINE).from(FACT_SVF_PATHWAY)
                    .orderBy(FACT_SVF_PATHWAY.SOURCE_LINE).fetch(FACT_SVF_PATHWAY.SOURCE_LINE));
        }
    }

    @Test
    void latin1FilesAreFlaggedAndLoadWithTheirEncoding() {
        byte[] latin1 = ("region;kön;ålder;år;folkmängd\n01 Stockholms län;män;45;2025;15000\n13 Hallands län;kvinnor;45;2025;4000\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = BrokenFiles.writeBytes(folder, "latin1.csv", latin1);
        WarehouseException header = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("population", file)));
        assertTrue(header.getMessage().contains("line 1 (the header) is not UTF-8"), header.getMessage());
        assertTrue(header.getMessage().contains("--encoding latin-1"), header.getMessage());

        LoadOutcome outcome = load(LoadRequest.of("population", file).withEncoding("latin-1"));
        assertEquals(LoadOutcome.Status.LOADED, outcome.status(), outcome.firstProblems().toString());
        assertEquals(2, outcome.rowsLoaded());
    }

    @Test
    void aNonUtf8LineIsAnEncodingProblem() {
        byte[] header = (PATHWAY_HEADER + "\n" + pathway("P1", "01", "2026-03-02", "2026-03-20") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = ("P2,X2,01,0180,BREAST,C50,2,58,2026-03-03,2026-03-21,treatment,SURG,Unit V\u00e4st\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[header.length + bad.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(bad, 0, content, header.length, bad.length);
        LoadOutcome outcome = load(LoadRequest.of("svf-pathways", BrokenFiles.writeBytes(folder, "mixed-encoding.csv", content)).asDryRun());
        Problem problem = outcome.firstProblems().get(0);
        assertEquals(3, problem.line());
        assertEquals("encoding", problem.rule());
        assertEquals("reporting_unit", problem.column());
        assertTrue(problem.message().contains("not UTF-8"), problem.message());
    }

    @Test
    void datesOutsideTheDeclaredPeriodAreProblems() {
        Path file = BrokenFiles.write(folder, "march.csv", PATHWAY_HEADER,
                pathway("P1", "01", "2026-03-02", "2026-03-20"), pathway("P2", "01", "2026-04-01", "2026-04-20"));
        LoadOutcome outcome = load(LoadRequest.of("svf-pathways", file).withPeriod("2026-03").asDryRun());
        assertEquals(List.of("3 outside_delivery_period"), outcome.firstProblems().stream().map(p -> p.line() + " " + p.rule()).toList());
        WarehouseException unknown = assertThrows(WarehouseException.class,
                () -> load(LoadRequest.of("svf-pathways", file).withPeriod("2026-14")));
        assertTrue(unknown.getMessage().contains("--period 2026-14 is not a period"), unknown.getMessage());
    }

    @Test
    void loadingTheSameFileAgainIsANoOp() {
        Path file = Examples.file("svf-pathways.csv");
        LoadOutcome first = load(LoadRequest.of("svf-pathways", file));
        LoadOutcome again = load(LoadRequest.of("svf-pathways", file).withVintage("other label"));
        assertEquals(LoadOutcome.Status.ALREADY_LOADED, again.status());
        assertEquals(first.batchId(), again.batchId());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            assertEquals(1, warehouse.dsl().fetchCount(LOAD_BATCH));
            assertEquals(10, warehouse.dsl().fetchCount(FACT_SVF_PATHWAY));
        }
    }

    @Test
    void parquetLoadsLikeCsvWithRowNumbers() throws Exception {
        Path parquet = folder.resolve("pathways.parquet");
        try (Warehouse scratch = Warehouse.openForWriting(folder.resolve("scratch.duckdb"))) {
            Sql.execute(scratch.connection(), "COPY (SELECT * FROM read_csv(" + Sql.literal(Examples.file("svf-pathways.csv").toString())
                    + ", all_varchar = true)) TO " + Sql.literal(parquet.toString()) + " (FORMAT parquet)");
        }
        LoadOutcome outcome = load(LoadRequest.of("svf-pathways", parquet));
        assertEquals(LoadOutcome.Status.LOADED, outcome.status(), outcome.firstProblems().toString());
        assertEquals(10, outcome.rowsLoaded());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            assertEquals(1L, warehouse.dsl().select(FACT_SVF_PATHWAY.SOURCE_LINE).from(FACT_SVF_PATHWAY)
                    .where(FACT_SVF_PATHWAY.PATHWAY_ID.eq("P-0001")).fetchSingle().value1());
            assertEquals("parquet", warehouse.dsl().selectFrom(LOAD_BATCH).fetchSingle().getFileFormat());
        }
        WarehouseException csvOnly = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("prem", parquet)));
        assertTrue(csvOnly.getMessage().contains("prem is delivered as CSV only"), csvOnly.getMessage());
    }

    @Test
    void headerProblemsRejectTheFileWithAMessageNamingIt() {
        Path noSex = BrokenFiles.write(folder, "no-sex.csv", "region;ålder;år;folkmängd", "01;45;2025;15000");
        WarehouseException missing = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("population", noSex)));
        assertTrue(missing.getMessage().contains(noSex + " line 1: missing required column sex (or kon, kön, sex_code)"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("docs/formats/population.md"), missing.getMessage());

        Path empty = BrokenFiles.writeBytes(folder, "empty.csv", new byte[0]);
        WarehouseException nothing = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("population", empty)));
        assertTrue(nothing.getMessage().contains("is empty"), nothing.getMessage());

        Path headerOnly = BrokenFiles.write(folder, "header-only.csv", "region;kön;ålder;år;folkmängd");
        WarehouseException noRows = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("population", headerOnly)));
        assertTrue(noRows.getMessage().contains("no data rows"), noRows.getMessage());

        WarehouseException source = assertThrows(WarehouseException.class, () -> LoadRequest.of("patients", noSex));
        assertTrue(source.getMessage().contains("Unknown source 'patients'. Sources: population, population-groups, agreement-rules, follow-up-structure, new-cases"), source.getMessage());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            assertEquals(0, warehouse.dsl().fetchCount(LOAD_BATCH));
            assertNull(warehouse.dsl().selectFrom(FACT_POPULATION).fetchAny());
        }
    }

    @Test
    void theSameBytesReadAnotherWayAreRefusedWithHowToReload() {
        // a Latin-1 file whose header is plain ASCII loads as UTF-8 (its "ä" lines quarantined); loaded again
        // with --encoding latin-1 it would give other rows, so it is refused, not skipped as "already loaded"
        byte[] latin1 = (PATHWAY_HEADER + "\n" + pathway("P1", "01", "2026-03-02", "2026-03-20") + "\n"
                + pathway("P2", "01", "2026-03-03", "2026-03-21").replace("Unit", "Unit V\u00e4st") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = BrokenFiles.writeBytes(folder, "latin1-data.csv", latin1);
        LoadOutcome first = load(LoadRequest.of("svf-pathways", file));
        assertEquals(1, first.rowsQuarantined(), "the Latin-1 line is not UTF-8");
        WarehouseException again = assertThrows(WarehouseException.class,
                () -> load(LoadRequest.of("svf-pathways", file).withEncoding("latin-1")));
        assertTrue(again.getMessage().contains("was loaded before as batch " + first.batchId()) && again.getMessage().contains(
                "encoding=utf-8") && again.getMessage().contains("encoding=latin-1") && again.getMessage().contains(
                "lagesbild unload " + first.batchId()), again.getMessage());
        assertEquals(LoadOutcome.Status.ALREADY_LOADED, load(LoadRequest.of("svf-pathways", file)).status(), "read the same way: skipped");
        assertEquals(LoadOutcome.Status.ALREADY_LOADED, load(LoadRequest.of("svf-pathways", file).withDelimiter(',')).status(),
                "naming the delimiter it had is reading it the same way");
    }

    @Test
    void oldMacLineEndsAreReadAndEveryLineKeepsItsNumber() {
        String text = String.join("\r", PATHWAY_HEADER, pathway("P1", "01", "2026-03-02", "2026-03-20"), "",
                pathway("P2", "99", "2026-03-03", "2026-03-21"), pathway("P3", "01", "2026-03-04", "2026-03-22")) + "\r";
        Path file = BrokenFiles.writeBytes(folder, "mac.csv", text.getBytes(StandardCharsets.UTF_8));
        LoadOutcome outcome = load(LoadRequest.of("svf-pathways", file));
        assertEquals(3, outcome.rowsRead());
        assertEquals(1, outcome.rowsQuarantined());
        assertEquals(4, outcome.firstProblems().get(0).line(), "the blank line 3 counts: region 99 is on line 4");
        assertEquals(InputFile.LineEnding.CR, InputFile.inspect(file).lineEnding());
    }

    @Test
    void brokenStructureIsRefusedNamingTheLine() {
        Path quote = BrokenFiles.write(folder, "quote.csv", PATHWAY_HEADER, pathway("P1", "01", "2026-03-02", "2026-03-20"),
                pathway("P2", "01", "2026-03-03", "2026-03-21").replace(",C50,", ",\"C50,"), pathway("P3", "01", "2026-03-04", "2026-03-22"),
                pathway("P4", "01", "2026-03-05", "2026-03-23"));
        WarehouseException open = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("svf-pathways", quote)));
        assertTrue(open.getMessage().contains("quote.csv line 3: a quoted field opens on this line") && open.getMessage().contains(
                "to the end of the file"), open.getMessage());
        Path overflow = BrokenFiles.write(folder, "overflow.csv", PATHWAY_HEADER,
                pathway("P1", "01", "2026-03-02", "2026-03-20").replace(",58,", ",99999999999,"));
        LoadOutcome read = load(LoadRequest.of("svf-pathways", overflow));
        assertEquals(2, read.firstProblems().get(0).line());
        assertEquals("age_years", read.firstProblems().get(0).column(), "an out-of-range number is a problem on its line, not a conversion error");
        Path wide = BrokenFiles.write(folder, "wide.csv", "a,".repeat(600) + "b", "1");
        WarehouseException header = assertThrows(WarehouseException.class, () -> load(LoadRequest.of("svf-pathways", wide)));
        assertTrue(header.getMessage().contains("line 1 has 601 columns") && header.getMessage().length() < 400, header.getMessage());
        try (Warehouse warehouse = Warehouse.openReadOnly(db)) {
            assertEquals(1, warehouse.dsl().fetchCount(LOAD_BATCH), "only the overflow file loaded (its bad row quarantined)");
        }
    }
}
