package se.lagesbild.loaders.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * Hand-worked: Halland reports four breast-cancer pathways with suspicion in March 2026, for
 * women. Breast's maximum is 35 days since 24 January 2024. Lead times: 20, 35, 36 days (treated
 * in March, April, April), and one dropped. So for 2026-03: started 4, closed by treatment 1,
 * within 1; for 2026-04: started 0, closed by treatment 2, within 1 (35 days is within, 36 is not).
 */
class ReconciliationTest {
    @TempDir
    Path folder;

    @Test
    void cellsThatDifferAreListedWithBothValues() throws Exception {
        Path pathways = Files.writeString(folder.resolve("halland.csv"), String.join("\n",
                "pathway_id,patient_pseudonym,reporting_region_code,patient_municipality_code,svf_code,icd10_code,sex_code,age_years,"
                        + "suspicion_date,closed_date,close_reason_code,first_treatment_type_code,reporting_unit",
                "H1,A,13,1380,BREAST,C50,2,60,2026-03-02,2026-03-22,treatment,SURG,U",
                "H2,B,13,1380,BREAST,C50,2,61,2026-03-03,2026-04-07,treatment,SURG,U",
                "H3,C,13,1384,BREAST,C50,2,62,2026-03-04,2026-04-09,treatment,DRUG,U",
                "H4,D,13,1384,BREAST,C50,2,63,2026-03-05,2026-03-12,dropped,,U") + "\n");
        Path skr = Files.writeString(folder.resolve("skr.csv"), String.join("\n",
                "region_code,svf_code,period_code,sex_code,started,closed_by_treatment,within_lead_time",
                "13,BREAST,2026-03,2,4,1,1",
                "13,BREAST,2026-04,2,0,2,2",
                "13,BREAST,2026-04,3,1,2,1") + "\n");
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            for (String[] load : new String[][] {{"svf-pathways", pathways.toString()}, {"waiting-times-skr", skr.toString()}}) {
                FileLoader.load(warehouse, LoadRequest.of(load[0], Path.of(load[1])).withToday(LocalDate.of(2026, 11, 22)), LoadListener.SILENT);
            }
            Reconciliation.Result exact = Reconciliation.compare(warehouse, 2026, 0);
            assertEquals(3, exact.cellsCompared());
            assertEquals(List.of(
                    new Reconciliation.Difference("13", "BREAST", "2026-04", 2, "within_lead_time", 2, 1),
                    new Reconciliation.Difference("13", "BREAST", "2026-04", 3, "started", 1, 0)), exact.differences());
            assertEquals(0, Reconciliation.compare(warehouse, 2026, 1).differences().size(), "a tolerance of one patient hides both");
            assertEquals(0, Reconciliation.compare(warehouse, 2025, 0).cellsCompared());
        }
    }
}
