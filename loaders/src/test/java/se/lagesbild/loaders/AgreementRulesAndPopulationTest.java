package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * The agreement rules and the population at a reference date as loaded sources: the shipped 2025 and
 * 2026 rules load as they are; broken rules are refused by line and rule; SCB's period codes and
 * total-only rows are read; several reference dates of a region coexist, and rates use 31 December.
 */
class AgreementRulesAndPopulationTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;
    Path db;

    @BeforeEach
    void warehouse() {
        db = TestWarehouses.migrated(folder);
    }

    private LoadOutcome load(String source, Path file) {
        try (Warehouse warehouse = Warehouse.openForWriting(db)) {
            return FileLoader.load(warehouse, LoadRequest.of(source, file).withToday(TODAY), LoadListener.SILENT);
        }
    }

    private List<String> query(String sql) throws Exception {
        try (Warehouse warehouse = Warehouse.openReadOnly(db); Statement s = warehouse.connection().createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    @Test
    void theShippedRulesLoadAndAddUp() throws Exception {
        for (int year : AgreementRules.SHIPPED) {
            LoadOutcome outcome = load("agreement-rules", AgreementRules.write(folder, year));
            assertEquals(LoadOutcome.Status.LOADED, outcome.status(), outcome.firstProblems().toString());
        }
        assertEquals(List.of("2025|365000000|2025-09-30", "2026|500000000|2025-12-31"),
                query("SELECT agreement_year, svf_total_sek, population_reference_date FROM int_agreement ORDER BY 1"));
        assertEquals(List.of("2025|365000000", "2026|500000000"),
                query("SELECT agreement_year, sum(amount_sek)::BIGINT FROM int_agreement_payment GROUP BY 1 ORDER BY 1"));
        assertEquals(List.of("4"), query("SELECT count(*) FROM int_agreement_condition WHERE agreement_year = 2026"
                + " AND metric = 'lead_time_within_max' AND threshold IS NULL"), "breast, colon, rectum, prostate: thresholds to be filled in");
        // a later file for 2026 with the thresholds set is a new vintage of the year: no migration, no rebuild
        Path set = Files.writeString(folder.resolve("rules-2026-set.csv"), AgreementRules.text(2026)
                .replaceAll(";2026H1;;>=;Krav på ledtid", ";2026H1;80 %;>=;Krav på ledtid"));
        assertEquals(LoadOutcome.Status.LOADED, load("agreement-rules", set).status());
        assertEquals(List.of("0"), query("SELECT count(*) FROM int_agreement_condition WHERE agreement_year = 2026 AND threshold IS NULL"
                + " AND metric = 'lead_time_within_max'"));
        assertEquals(List.of("0.8000"), query("SELECT DISTINCT threshold FROM int_agreement_condition WHERE condition_code = 'LEAD_TIME_BREAST'"));
    }

    @Test
    void brokenRulesAreRefusedByLineAndRule() throws Exception {
        String rules = AgreementRules.text(2026);
        String[] lines = rules.split("\n");
        lines[2] = lines[2].replace(";125000000;", ";125000001;");             // P2A's amount no longer repeats, nor adds up
        lines[5] = lines[5].replace(";svf_inclusion;", ";svf_inklusion;");      // an unknown metric
        lines[6] = lines[6].replace(";2026H1;", ";2026H7;");                     // an unknown period
        Path broken = Files.writeString(folder.resolve("broken.csv"), String.join("\n", lines) + "\n");
        LoadOutcome outcome = load("agreement-rules", broken);
        assertEquals(LoadOutcome.Status.REJECTED, outcome.status(), "rules must be complete: the file is rejected");
        Map<String, List<Long>> byRule = outcome.firstProblems().stream().collect(Collectors.groupingBy(Problem::rule,
                Collectors.mapping(Problem::line, Collectors.toList())));
        assertEquals(List.of(4L, 5L), byRule.get("inconsistent_payment"), "the part's later lines differ from its first, line 3: "
                + outcome.firstProblems());
        assertTrue(byRule.get("amounts_do_not_add_up").size() == 1, outcome.firstProblems().toString());
        assertEquals(List.of(6L), byRule.get("unknown_metric"));
        assertEquals(List.of(7L), byRule.get("unknown_period"));
        assertEquals(List.of("0"), query("SELECT count(*) FROM fact_agreement_rule"), "nothing of a rejected file is loaded");
    }

    @Test
    void scbPeriodCodesAndTotalsKeepTheirDatesAndCoexist() throws Exception {
        Path yearEnd = Files.writeString(folder.resolve("year-end.csv"), "region;kön;ålder;år;folkmängd\n"
                + "01 Stockholms län;män;0-49;2024;700000\n01 Stockholms län;kvinnor;0-49;2024;690000\n"
                + "01 Stockholms län;män;50+;2024;500000\n01 Stockholms län;kvinnor;50+;2024;520000\n");
        Path months = Files.writeString(folder.resolve("months.csv"), "region;kön;ålder;månad;folkmängd\n"
                + "01 Stockholms län;totalt;totalt;2025M09;2415000\n03 Uppsala län;totalt;totalt;2025K3;400000\n");
        assertEquals(LoadOutcome.Status.LOADED, load("population", yearEnd).status());
        assertEquals(LoadOutcome.Status.LOADED, load("population", months).status());
        assertEquals(List.of("01|2024-12-31|2410000|by sex and age", "01|2025-09-30|2415000|total", "03|2025-09-30|400000|total"),
                query("SELECT region_code, reference_date, population, delivered_as FROM int_population_total ORDER BY 1, 2"));
        // loading the 2025 September figures did not replace the 2024 year-end ones (each date is its own cell)
        assertEquals(List.of("2024|2410000"), query("SELECT year, sum(population)::BIGINT FROM int_population_year GROUP BY 1"),
                "rates use a year's figures by sex and age (31 December)");

        Path wrong = Files.writeString(folder.resolve("wrong.csv"), "region;kön;ålder;år;folkmängd\n"
                + "01;3;45;2024;10\n"                     // both sexes for one age
                + "01;män;totalt;2024;10\n"               // a total by sex
                + "01;totalt;totalt;2023M13;10\n"         // no 13th month
                + "09;totalt;totalt;2024;59000\n09;män;0-99;2024;30000\n09;kvinnor;0-99;2024;28000\n"); // total ≠ its parts
        LoadOutcome outcome = load("population", wrong);
        assertEquals(LoadOutcome.Status.REJECTED, outcome.status());
        Map<Long, String> ruleByLine = outcome.firstProblems().stream().collect(Collectors.toMap(Problem::line, Problem::rule, (a, b) -> a + "," + b));
        assertEquals("invalid_sex", ruleByLine.get(2L));
        assertEquals("invalid_sex", ruleByLine.get(3L));
        assertEquals("invalid_value", ruleByLine.get(4L), outcome.firstProblems().toString());
        assertEquals("total_disagrees", ruleByLine.get(5L));
    }

    @Test
    void aQualifyingPartWithoutConditionsIsRefusedNamingIt() throws Exception {
        String rules = AgreementRules.text(2026);
        // drop every condition row of P2B: the part would pay nobody
        List<String> lines = new java.util.ArrayList<>(List.of(rules.split("\n")));
        List<String> kept = new java.util.ArrayList<>();
        int dropped = 0;
        for (String line : lines) {
            if (line.contains(";P2B;") && dropped++ > 0) {
                continue;
            }
            kept.add(line.contains(";P2B;") ? blankCondition(lines.get(0), line) : line);
        }
        LoadOutcome outcome = load("agreement-rules", Files.writeString(folder.resolve("no-conditions.csv"), String.join("\n", kept) + "\n"));
        assertEquals(LoadOutcome.Status.REJECTED, outcome.status(), outcome.firstProblems().toString());
        Problem p = outcome.firstProblems().stream().filter(x -> x.rule().equals("part_without_conditions")).findFirst().orElseThrow(
                () -> new AssertionError(outcome.firstProblems().toString()));
        assertTrue(p.message().startsWith("the part P2B of 2026 is shared among the qualifying regions but has no condition"), p.message());
    }

    /** The line with its condition's columns emptied. */
    private static String blankCondition(String header, String line) {
        List<String> names = List.of(header.split(";"));
        String[] cells = line.split(";", -1);
        for (String column : List.of("condition_code", "metric", "svf_scope", "icd10_scope", "period", "threshold", "comparison", "description")) {
            int i = names.indexOf(column);
            if (i >= 0) {
                cells[i] = "";
            }
        }
        return String.join(";", cells);
    }

    @Test
    void scbsTotalForAllAgesIsRead() throws Exception {
        Path scb = Files.writeString(folder.resolve("scb.csv"), "region;kön;ålder;år;folkmängd\n"
                + "01 Stockholms län;totalt;totalt ålder;2024;2410000\n03 Uppsala län;totalt;\"totalt, ålder\";2024;400000\n");
        LoadOutcome outcome = load("population", scb);
        assertEquals(LoadOutcome.Status.LOADED, outcome.status(), outcome.firstProblems().toString());
        assertEquals(List.of("01|2410000", "03|400000"), query("SELECT region_code, population FROM int_population_total ORDER BY 1"));
    }
}
