package se.lagesbild.loaders.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * Stockholm reports every month January–June 2026 except March, only breast cancer, a report on
 * time with PREM, and one row with an unknown SVF; Halland reports nothing but a late report
 * saying PREM is not used. Today is 2026-07-15, so January–June are due.
 */
class CompletenessFeedbackTest {
    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);

    @TempDir
    Path folder;

    @Test
    void feedbackNamesWhatEachRegionLacks() throws Exception {
        List<String> rows = new ArrayList<>(List.of("pathway_id,patient_pseudonym,reporting_region_code,patient_municipality_code,svf_code,"
                + "icd10_code,sex_code,age_years,suspicion_date,closed_date,close_reason_code,first_treatment_type_code,reporting_unit"));
        for (int month : new int[] {1, 2, 4, 5, 6}) {
            rows.add("S" + month + ",P" + month + ",01,0180,BREAST,C50,2,60,2026-0" + month + "-10,2026-0" + month + "-28,treatment,SURG,U");
        }
        rows.add("S9,P9,01,0180,BREASTX,C50,2,60,2026-02-11,2026-02-28,treatment,SURG,U");
        Path pathways = Files.write(folder.resolve("p.csv"), rows, StandardCharsets.UTF_8);
        Path reports = Files.writeString(folder.resolve("r.csv"), "region_code;report_year;submitted_date;prem_used\n"
                + "01;2026;2026-06-20;ja\n13;2026;2026-07-01;nej\n");
        Path prem = Files.writeString(folder.resolve("prem.csv"), "region_code,svf_group,period_code,sex_code,question_code,respondents,positive_answers\n"
                + "01,ALL,2026H1,3,Q1,100,80\n");
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            FileLoader.load(warehouse, LoadRequest.of("svf-pathways", pathways).withToday(TODAY), LoadListener.SILENT);
            FileLoader.load(warehouse, LoadRequest.of("region-reports", reports).withToday(TODAY), LoadListener.SILENT);
            FileLoader.load(warehouse, LoadRequest.of("prem", prem).withToday(TODAY), LoadListener.SILENT);
            // the 2026 agreement's deadline is 30 September; a rules file with 30 June makes Halland's report late
            Path rules = Files.writeString(folder.resolve("rules-2026.csv"), se.lagesbild.loaders.AgreementRules.text(2026)
                    .replace(";2026-09-30;", ";2026-06-30;"));
            assertEquals(se.lagesbild.loaders.LoadOutcome.Status.LOADED, FileLoader.load(warehouse, LoadRequest.of("agreement-rules", rules)
                    .withToday(TODAY), LoadListener.SILENT).status());

            List<RegionFeedback> all = CompletenessFeedback.forYear(warehouse, 2026, null, TODAY);
            assertEquals(21, all.size());
            RegionFeedback stockholm = all.get(0);
            assertEquals("01", stockholm.regionCode());
            assertEquals(List.of("2026-03"), stockholm.missingMonths());
            assertEquals(31, stockholm.svfsWithoutRecords().size(), "32 SVFs by 2026, only breast reported");
            assertFalse(stockholm.reportMissing());
            assertFalse(stockholm.reportLate());
            assertFalse(stockholm.premMissing());
            assertEquals(Map.of("unknown_svf", 1L), stockholm.quarantinedByRule());

            RegionFeedback halland = CompletenessFeedback.forYear(warehouse, 2026, "13", TODAY).get(0);
            assertEquals(6, halland.missingMonths().size());
            assertTrue(halland.reportLate());
            assertTrue(halland.premMissing());

            List<Path> files = FeedbackWriter.write(List.of(stockholm, halland), folder.resolve("feedback"));
            String letter = Files.readString(folder.resolve("feedback/region-13.md"));
            assertTrue(letter.contains("Redovisningen inkom 2026-07-01, efter sista dag 2026-06-30."), letter);
            assertTrue(letter.contains("PREM-enkäter inte används"), letter);
            List<String> csv = Files.readAllLines(folder.resolve("feedback/feedback-2026.csv"));
            assertTrue(csv.contains("01,\"Stockholm\",2026,missing_month,\"2026-03\""), csv.toString());
            assertTrue(csv.contains("01,\"Stockholm\",2026,quarantined_rows,\"1 rader: unknown_svf\""), csv.toString());
            assertEquals(3, files.size());
        }
    }
}
