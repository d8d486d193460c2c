package se.lagesbild.warehouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.DIM_AGE_GROUP;
import static se.lagesbild.warehouse.db.Tables.DIM_DIAGNOSIS;
import static se.lagesbild.warehouse.db.Tables.DIM_DIAGNOSIS_ICD10;
import static se.lagesbild.warehouse.db.Tables.DIM_PERIOD;
import static se.lagesbild.warehouse.db.Tables.MAP_REGION_HEALTHCARE_REGION;
import static se.lagesbild.warehouse.db.Tables.REF_STANDARD_POPULATION;
import static se.lagesbild.warehouse.db.Tables.REF_SVF_LEAD_TIME;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.db.tables.records.DimPeriodRecord;

/** The reference data a fresh warehouse holds, checked against the domain reference. */
class ReferenceDataTest {
    @TempDir
    static Path folder;
    static Warehouse warehouse;
    static DSLContext dsl;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.openReadOnly(TestWarehouses.migrated(folder));
        dsl = warehouse.dsl();
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void periodsKnowTheirDatesAndParents() {
        DimPeriodRecord q3 = dsl.fetchSingle(DIM_PERIOD, DIM_PERIOD.PERIOD_CODE.eq("2026Q3"));
        assertEquals(LocalDate.of(2026, 7, 1), q3.getStartDate());
        assertEquals(LocalDate.of(2026, 9, 30), q3.getEndDate());
        assertEquals("2026H2", q3.getHalfCode());
        DimPeriodRecord september = dsl.fetchSingle(DIM_PERIOD, DIM_PERIOD.PERIOD_CODE.eq("2026-09"));
        assertEquals("2026Q3", september.getQuarterCode());
        assertEquals("2026H2", september.getHalfCode());
        assertEquals("2026", september.getYearCode());
        assertEquals("september 2026", september.getNameSv());
        assertEquals(LocalDate.of(2028, 2, 29), dsl.fetchSingle(DIM_PERIOD, DIM_PERIOD.PERIOD_CODE.eq("2028-02")).getEndDate());
        DimPeriodRecord firstHalf = dsl.fetchSingle(DIM_PERIOD, DIM_PERIOD.PERIOD_CODE.eq("2026H1"));
        assertEquals(LocalDate.of(2026, 6, 30), firstHalf.getEndDate());
        assertNull(firstHalf.getHalfCode());
    }

    @Test
    void everyRegionsHealthcareRegionWeightsSumToOne() {
        var sums = dsl.select(MAP_REGION_HEALTHCARE_REGION.REGION_CODE, DSL.sum(MAP_REGION_HEALTHCARE_REGION.POPULATION_WEIGHT))
                .from(MAP_REGION_HEALTHCARE_REGION)
                .groupBy(MAP_REGION_HEALTHCARE_REGION.REGION_CODE)
                .fetchMap(MAP_REGION_HEALTHCARE_REGION.REGION_CODE, DSL.sum(MAP_REGION_HEALTHCARE_REGION.POPULATION_WEIGHT));
        assertEquals(21, sums.size(), "every region is mapped");
        sums.forEach((region, sum) -> assertEquals(0, BigDecimal.ONE.compareTo(sum), "weights of region " + region));
    }

    @Test
    void sexSpecificPathwaysAndIcdRanges() {
        Map<String, Integer> restricted = dsl.select(DIM_DIAGNOSIS.DIAGNOSIS_CODE, DIM_DIAGNOSIS.SEX_RESTRICTION)
                .from(DIM_DIAGNOSIS).where(DIM_DIAGNOSIS.SEX_RESTRICTION.isNotNull())
                .fetchMap(DIM_DIAGNOSIS.DIAGNOSIS_CODE, DIM_DIAGNOSIS.SEX_RESTRICTION);
        assertEquals(Map.of("PROST", 1, "PENIS", 1, "TEST", 1, "OVAR", 2, "CERV", 2, "ENDO", 2, "VULVA", 2), restricted);
        List<String> colorectal = dsl.select(DIM_DIAGNOSIS_ICD10.ICD10_FROM.concat("-").concat(DIM_DIAGNOSIS_ICD10.ICD10_TO))
                .from(DIM_DIAGNOSIS_ICD10).where(DIM_DIAGNOSIS_ICD10.DIAGNOSIS_CODE.eq("CRC")).fetchInto(String.class);
        assertEquals(List.of("C18-C20"), colorectal);
        assertEquals(32, dsl.fetchCount(DIM_DIAGNOSIS, DIM_DIAGNOSIS.DIAGNOSIS_KIND.eq("svf")
                .and(DIM_DIAGNOSIS.INTRODUCED_YEAR.between(2015, 2024))), "all 32 introduced 2015–2024 (seed 003, appendix 3)");
    }

    @Test
    void leadTimesAreVersionedWithValidDates() {
        var breast = dsl.selectFrom(REF_SVF_LEAD_TIME).where(REF_SVF_LEAD_TIME.SVF_CODE.eq("BREAST"))
                .orderBy(REF_SVF_LEAD_TIME.VALID_FROM).fetch();
        assertEquals(2, breast.size());
        assertEquals(28, breast.get(0).getMaxDays());
        assertEquals(LocalDate.of(2024, 1, 23), breast.get(0).getValidTo());
        assertEquals(35, breast.get(1).getMaxDays());
        assertEquals(LocalDate.of(2024, 1, 24), breast.get(1).getValidFrom());
        assertEquals(1, dsl.fetchCount(REF_SVF_LEAD_TIME, REF_SVF_LEAD_TIME.SVF_CODE.eq("LUNG").and(REF_SVF_LEAD_TIME.MAX_DAYS.isNull())),
                "lung cancer's maximum is unknown: an explicit row without days, never zero");
        assertEquals(0, dsl.fetchCount(REF_SVF_LEAD_TIME, REF_SVF_LEAD_TIME.ASSUMED.isTrue()));
    }

    @Test
    void esp2013SumsToOneHundredThousandOverNineteenBands() {
        var total = dsl.select(DSL.sum(REF_STANDARD_POPULATION.WEIGHT), DSL.count()).from(REF_STANDARD_POPULATION)
                .where(REF_STANDARD_POPULATION.STANDARD_CODE.eq("ESP2013")).fetchOne();
        assertEquals(100_000.0, total.value1().doubleValue(), 1e-9);
        assertEquals(19, total.value2());
        assertEquals(18, dsl.fetchCount(DIM_AGE_GROUP, DIM_AGE_GROUP.SOCSTYR_ALDER_ID.isNotNull()),
                "Socialstyrelsen's 18 age ids (0–4 … 85+) map to groups");
    }
}
