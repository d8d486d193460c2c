package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_FUND;
import static se.lagesbild.warehouse.db.Tables.FACT_NEW_CASES;
import static se.lagesbild.warehouse.db.Tables.FACT_POPULATION;
import static se.lagesbild.warehouse.db.Tables.FACT_REGION_REPORT;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/** Every source's documented example loads completely into a real warehouse file. */
class ExampleFilesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "population,         population.csv,                12",
        "population-groups,  population-groups.csv,          7",
        "new-cases,          new-cases-socialstyrelsen.csv,  8",
        "new-cases,          new-cases.csv,                  5",
        "svf-pathways,       svf-pathways.csv,              10",
        "svf-aggregates,     svf-aggregates.csv,             4",
        "waiting-times-skr,  waiting-times-skr.csv,          4",
        "region-reports,     region-reports.csv,             2",
        "prem,               prem.csv,                       5",
        "investments,        investments.csv,                4",
        "projects,           projects.csv,                   5",
        "agreement-rules,    agreement-rules.csv,            9",
        "cancer-register,    cancer-register.csv,            6",
        "deaths,             deaths.csv,                     4",
        "life-tables,        life-tables.csv,              404",
        "screening,          screening.csv,                  5",
        "hpv-vaccination,    hpv-vaccination.csv,            3",
        "care-quality,       care-quality.csv,               6",
        "quality-of-life,    quality-of-life.csv,            4"})
    void theExampleLoadsCompletely(String source, String file, long rows) {
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            LoadRequest request = LoadRequest.of(source, Examples.file(file)).withToday(TODAY);
            if (source.equals("deaths")) {
                request = request.withFollowUpUntil(LocalDate.of(2025, 12, 31));
            }
            LoadOutcome outcome = FileLoader.load(warehouse, request, LoadListener.SILENT);
            assertEquals(LoadOutcome.Status.LOADED, outcome.status(), outcome.firstProblems().toString());
            assertEquals(rows, outcome.rowsRead());
            assertEquals(rows, outcome.rowsLoaded());
            assertEquals(0, outcome.rowsQuarantined());
            assertEquals(rows, warehouse.dsl().fetchCount(Sources.byName(source).factTable()));
        }
    }

    @Test
    void swedishExportConventionsAreRead() {
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            for (String[] load : new String[][] {{"population", "population.csv"}, {"new-cases", "new-cases-socialstyrelsen.csv"},
                {"region-reports", "region-reports.csv"}, {"investments", "investments.csv"}, {"svf-pathways", "svf-pathways.csv"}}) {
                FileLoader.load(warehouse, LoadRequest.of(load[0], Examples.file(load[1])).withToday(TODAY), LoadListener.SILENT);
            }
            var dsl = warehouse.dsl();
            // BOM, semicolons, "01 Stockholms län", "kvinnor", "65+" and "205 611" (SCB's export shape)
            var older = dsl.selectFrom(FACT_POPULATION).where(FACT_POPULATION.REGION_CODE.eq("01")
                    .and(FACT_POPULATION.SEX_CODE.eq(2)).and(FACT_POPULATION.AGE_FROM.eq(65))).fetchSingle();
            assertEquals(205_611L, older.getPopulation());
            assertEquals(null, older.getAgeTo());
            assertEquals(2025, older.getYear());
            // Socialstyrelsen's regionId 13 and alderId 12 (55–59)
            var halland = dsl.selectFrom(FACT_NEW_CASES).where(FACT_NEW_CASES.REGION_CODE.eq("13").and(FACT_NEW_CASES.ICD10_CODE.eq("C50")))
                    .fetchSingle();
            assertEquals(55, halland.getAgeFrom());
            assertEquals(59, halland.getAgeTo());
            assertEquals(49L, halland.getCases());
            // quoted free text with the delimiter inside, "ja"/"nej"
            var report = dsl.selectFrom(FACT_REGION_REPORT).where(FACT_REGION_REPORT.REGION_CODE.eq("01")).fetchSingle();
            assertEquals("Utökad mottagningskapacitet för prostatacancer; extra MR-tider under hösten", report.getActionsSv());
            assertEquals(true, report.getPremUsed());
            // "14 069 000,00" kronor
            assertEquals(14_069_000L, dsl.select(FACT_INVESTMENT_FUND.ALLOCATED_SEK).from(FACT_INVESTMENT_FUND)
                    .where(FACT_INVESTMENT_FUND.HEALTHCARE_REGION_CODE.eq("STHLM").and(FACT_INVESTMENT_FUND.AREA_CODE.eq("IMAGING")))
                    .fetchSingle().value1());
            // every fact row keeps its line in the file
            assertEquals(11L, dsl.select(FACT_SVF_PATHWAY.SOURCE_LINE).from(FACT_SVF_PATHWAY)
                    .where(FACT_SVF_PATHWAY.PATHWAY_ID.eq("P-0010")).fetchSingle().value1());
            assertEquals(2L, dsl.select(FACT_SVF_PATHWAY.SOURCE_LINE).from(FACT_SVF_PATHWAY)
                    .where(FACT_SVF_PATHWAY.PATHWAY_ID.eq("P-0001")).fetchSingle().value1());
        }
    }
}
