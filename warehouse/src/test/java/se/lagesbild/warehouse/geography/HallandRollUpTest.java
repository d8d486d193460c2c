package se.lagesbild.warehouse.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;
import static se.lagesbild.warehouse.db.Tables.INT_SVF_PATHWAY_GEOGRAPHY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * Halland (13) belongs to Väst and Syd. Pathway records with a Halland municipality roll up to
 * that municipality's healthcare region; records without one are split by population weight
 * (Väst 0.5836, Syd 0.4164). Nothing is dropped or counted twice.
 */
class HallandRollUpTest {
    @TempDir
    Path folder;

    @Test
    void perMunicipalityFactsRollUpToTheRightHealthcareRegions() {
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            DSLContext dsl = warehouse.dsl();
            insertPathway(dsl, "p1", "13", "1380");  // Halmstad → Syd
            insertPathway(dsl, "p2", "13", "1315");  // Hylte → Syd
            insertPathway(dsl, "p3", "13", "1384");  // Kungsbacka → Väst
            insertPathway(dsl, "p4", "13", null);    // no municipality → split by weight
            insertPathway(dsl, "p5", "13", "1480");  // lives in Göteborg, closed in Halland → split by weight
            insertPathway(dsl, "p6", "14", "1480");  // Västra Götaland → Väst
            insertPathway(dsl, "p7", "12", "1280");  // Skåne → Syd
            insertPathway(dsl, "p8", "01", null);    // Stockholm → Stockholm–Gotland
            insertPathway(dsl, "p9", "25", "2580");  // Norrbotten → Norr

            Map<String, Double> healthcareRegions = totals(dsl, "healthcare_region");
            assertEquals(2 + 1 + 2 * 0.4164, healthcareRegions.get("SYD"), 1e-12);
            assertEquals(1 + 1 + 2 * 0.5836, healthcareRegions.get("VAST"), 1e-12);
            assertEquals(1.0, healthcareRegions.get("STHLM"), 1e-12);
            assertEquals(1.0, healthcareRegions.get("NORR"), 1e-12);

            Map<String, Double> regions = totals(dsl, "region");
            assertEquals(5.0, regions.get("13"), 1e-12, "Halland counts each of its pathways once");
            double national = totals(dsl, "country").get("00");
            assertEquals(9.0, national, 1e-12);
            assertEquals(national, sum(regions), 1e-12, "Riket equals the sum of the regions");
            assertEquals(national, sum(healthcareRegions), 1e-12, "Riket equals the sum of the healthcare regions");
        }
    }

    private static Map<String, Double> totals(DSLContext dsl, String level) {
        var weight = DSL.sum(INT_SVF_PATHWAY_GEOGRAPHY.WEIGHT);
        return dsl.select(INT_SVF_PATHWAY_GEOGRAPHY.GEO_CODE, weight)
                .from(INT_SVF_PATHWAY_GEOGRAPHY)
                .where(INT_SVF_PATHWAY_GEOGRAPHY.GEO_LEVEL.eq(level))
                .groupBy(INT_SVF_PATHWAY_GEOGRAPHY.GEO_CODE)
                .fetchMap(INT_SVF_PATHWAY_GEOGRAPHY.GEO_CODE, r -> r.get(weight).doubleValue());
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static void insertPathway(DSLContext dsl, String id, String region, String municipality) {
        dsl.insertInto(FACT_SVF_PATHWAY)
                .set(FACT_SVF_PATHWAY.BATCH_ID, 1L)
                .set(FACT_SVF_PATHWAY.SOURCE_LINE, 2L)
                .set(FACT_SVF_PATHWAY.PATHWAY_ID, id)
                .set(FACT_SVF_PATHWAY.PATIENT_PSEUDONYM, "pat-" + id)
                .set(FACT_SVF_PATHWAY.REPORTING_REGION_CODE, region)
                .set(FACT_SVF_PATHWAY.PATIENT_MUNICIPALITY_CODE, municipality)
                .set(FACT_SVF_PATHWAY.SVF_CODE, "BREAST")
                .set(FACT_SVF_PATHWAY.SEX_CODE, 2)
                .set(FACT_SVF_PATHWAY.AGE_YEARS, 61)
                .set(FACT_SVF_PATHWAY.SUSPICION_DATE, LocalDate.of(2026, 3, 2))
                .set(FACT_SVF_PATHWAY.CLOSED_DATE, LocalDate.of(2026, 3, 30))
                .set(FACT_SVF_PATHWAY.CLOSE_REASON_CODE, "treatment")
                .set(FACT_SVF_PATHWAY.FIRST_TREATMENT_TYPE_CODE, "SURG")
                .execute();
    }
}
