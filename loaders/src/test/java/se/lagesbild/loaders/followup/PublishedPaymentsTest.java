package se.lagesbild.loaders.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.agreement.AgreementResult;

/**
 * A user reproduces a payment table from the population at the date it names and the regions that
 * met the conditions, with no code change: the population of 1 November 2019 as published with the
 * government's 2021 SVF payment decisions (domain reference), loaded as SCB's totals for that date;
 * agreement rules for 2021 and 2022 loaded as files; the regions' reports deciding who qualifies.
 * The expected kronor were computed independently with R 4.2.2 (src/test/r/payments.R).
 */
class PublishedPaymentsTest {
    static final LocalDate TODAY = LocalDate.of(2023, 1, 15);
    static final String[][] POPULATION_2019_11_01 = {{"01", "2374550"}, {"03", "383044"}, {"04", "297169"}, {"05", "465214"},
        {"06", "363351"}, {"07", "201290"}, {"08", "245415"}, {"09", "59636"}, {"10", "159748"}, {"12", "1376659"}, {"13", "333202"},
        {"14", "1724529"}, {"17", "282342"}, {"18", "304634"}, {"19", "275634"}, {"20", "287795"}, {"21", "287333"}, {"22", "245380"},
        {"23", "130697"}, {"24", "271621"}, {"25", "250230"}};

    @TempDir
    Path folder;

    private LoadOutcome load(Warehouse warehouse, String source, Path file) {
        LoadOutcome outcome = FileLoader.load(warehouse, LoadRequest.of(source, file).withToday(TODAY), LoadListener.SILENT);
        assertEquals(LoadOutcome.Status.LOADED, outcome.status(), file + ": " + outcome.firstProblems());
        return outcome;
    }

    /** Rules like 2021's: 250 MSEK to all regions, 250 MSEK to those that use PREM and report in time. */
    private Path rules(int year, String populationDate) throws IOException {
        String header = "agreement_year;title;svf_total_sek;report_deadline;population_date;population_note;source;payment_code;payment_no;"
                + "part_no;amount_sek;shared_among;payment_name;condition_code;metric;svf_scope;icd10_scope;period;threshold;comparison;"
                + "description;note";
        String common = year + ";Överenskommelse " + year + ";500 000 000;" + year + "-09-30;" + populationDate
                + ";Befolkning 1 november 2019, som i regeringens beslut;test;";
        return Files.writeString(folder.resolve("rules-" + year + "-" + populationDate + ".csv"), String.join("\n", header,
                common + "P1;1;1;250 000 000;all_regions;Första utbetalningen;;;;;;;;;",
                common + "P2;2;1;250 000 000;qualifying_regions;Andra utbetalningen;PREM;prem_used;;;;;is_true;PREM används;",
                common + "P2;2;1;250 000 000;qualifying_regions;Andra utbetalningen;REPORT;report_submitted;;;;;on_or_before_deadline;"
                        + "Redovisning i tid;") + "\n");
    }

    /** Every region reports; those in {@code failing} report late (17) or without PREM (the others). */
    private Path reports(int year, List<String> failing) throws IOException {
        List<String> lines = new ArrayList<>(List.of("region_code;report_year;submitted_date;prem_used"));
        for (String[] region : POPULATION_2019_11_01) {
            String code = region[0];
            boolean late = failing.contains(code) && code.equals("17");
            boolean noPrem = failing.contains(code) && !code.equals("17");
            lines.add(code + ";" + year + ";" + year + (late ? "-10-06" : "-09-20") + ";" + (noPrem ? "nej" : "ja"));
        }
        return Files.write(folder.resolve("reports-" + year + ".csv"), lines, StandardCharsets.UTF_8);
    }

    private static Map<String, Map<String, Long>> expected() throws IOException {
        Map<String, Map<String, Long>> parts = new LinkedHashMap<>();
        try (InputStream in = PublishedPaymentsTest.class.getResourceAsStream("/agreement/expected-payments.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (line.startsWith("#") || f[0].equals("part")) {
                    continue;
                }
                parts.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], Long.parseLong(f[3].strip()));
            }
        }
        return parts;
    }

    private static Map<String, Long> amounts(AgreementResult result, String part) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        result.parts().stream().filter(p -> p.paymentCode().equals(part)).findFirst().orElseThrow().payments()
                .forEach(p -> amounts.put(p.regionCode(), p.amount()));
        return amounts;
    }

    @Test
    void aPublishedTableComesOutToTheKronaFromItsPopulationDateWithNoCodeChange() throws Exception {
        Map<String, Map<String, Long>> expected = expected();
        List<String> totals = new ArrayList<>(List.of("region;kön;ålder;tid;folkmängd"));
        for (String[] region : POPULATION_2019_11_01) {
            totals.add(region[0] + ";totalt;totalt;2019-11-01;" + region[1]);
        }
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            load(warehouse, "population", Files.write(folder.resolve("population-2019-11-01.csv"), totals, StandardCharsets.UTF_8));
            load(warehouse, "agreement-rules", rules(2021, "2019-11-01"));
            load(warehouse, "agreement-rules", rules(2022, "2019-11-01"));
            load(warehouse, "region-reports", reports(2021, List.of("17", "20", "22")));
            load(warehouse, "region-reports", reports(2022, List.of()));

            AgreementResult y2021 = AgreementEvaluation.evaluate(warehouse, 2021);
            assertEquals(LocalDate.of(2019, 11, 1), y2021.populationDate());
            assertEquals(expected.get("ALL"), amounts(y2021, "P1"), "the first payment to all 21 regions, to the krona");
            Map<String, Long> second = new LinkedHashMap<>(expected.get("QUALIFYING"));
            List.of("17", "20", "22").forEach(r -> second.put(r, 0L));
            assertEquals(new java.util.TreeMap<>(second), new java.util.TreeMap<>(amounts(y2021, "P2")),
                    "the second among the 18 that qualify; Värmland (late), Dalarna and Västernorrland (no PREM) get nothing");
            assertEquals(250_000_000L, amounts(y2021, "P2").values().stream().mapToLong(Long::longValue).sum());

            AgreementResult y2022 = AgreementEvaluation.evaluate(warehouse, 2022);
            assertEquals(expected.get("ALL"), amounts(y2022, "P2"), "a year where every region qualifies: the same table as the first payment");
            assertNull(y2022.refusal());

            // SCB's year-end figures for 2019 loaded afterwards coexist with 1 November: nothing that names 1 November changes
            List<String> yearEnd = new ArrayList<>(List.of("region;kön;ålder;år;folkmängd"));
            for (String[] region : POPULATION_2019_11_01) {
                yearEnd.add(region[0] + ";totalt;totalt;2019;" + (Long.parseLong(region[1]) + 1234));
            }
            load(warehouse, "population", Files.write(folder.resolve("population-2019.csv"), yearEnd, StandardCharsets.UTF_8));
            assertEquals(expected.get("ALL"), amounts(AgreementEvaluation.evaluate(warehouse, 2021), "P1"));

            // rules naming a date with no population: the payments are refused naming the date and SCB's table
            load(warehouse, "agreement-rules", rules(2021, "2020M09"));
            AgreementResult refused = AgreementEvaluation.evaluate(warehouse, 2021);
            assertNotNull(refused.refusal());
            assertTrue(refused.refusal().contains("no population on 2020-09-30") && refused.refusal().contains("BE0101"), refused.refusal());
            assertEquals(0, refused.parts().get(0).apportioned());
            assertTrue(refused.conditions().size() == 2 * 21, "the conditions are still judged: " + refused.conditions().size());
        }
    }
}
