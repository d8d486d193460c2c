package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The follow-up structure as a loaded source (issue 25): the shipped file places today's indicators
 * under placeholder sub-goals; a different file moves an indicator, adds a sub-goal and changes a
 * target with no code change, while a snapshot keeps the structure it was taken with; a broken file
 * is refused by line and rule and nothing of it is loaded.
 */
class FollowUpStructureTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @TempDir
    Path folder;
    Path db;

    @BeforeEach
    void warehouse() {
        db = TestWarehouses.migrated(folder);
    }

    private LoadOutcome load(Path file) {
        try (Warehouse warehouse = Warehouse.openForWriting(db)) {
            return FileLoader.load(warehouse, LoadRequest.of("follow-up-structure", file).withToday(TODAY), LoadListener.SILENT);
        }
    }

    private static Indicator indicator(List<Indicator> all, String code) {
        return all.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void withoutAStructureTheCatalogueHolds() {
        try (Warehouse w = Warehouse.openReadOnly(db)) {
            Indicator inclusion = indicator(Catalogue.all(w), "svf_inclusion");
            assertEquals(1, inclusion.goal());
            assertEquals(0.70, inclusion.target());
            assertEquals(List.of(), inclusion.subgoals());
            assertNull(inclusion.targetYear());
            assertEquals(List.of(), Catalogue.subgoals(w));
        }
    }

    @Test
    void theShippedStructurePlacesEveryIndicatorAndAnotherFileMovesThemWithoutCode() throws Exception {
        LoadOutcome shipped = load(FollowUpStructure.write(folder));
        assertEquals(LoadOutcome.Status.LOADED, shipped.status(), shipped.firstProblems().toString());
        try (Warehouse w = Warehouse.openForWriting(db)) {
            List<Indicator> all = Catalogue.all(w);
            assertTrue(all.stream().allMatch(i -> !i.subgoals().isEmpty()), "every indicator of today is placed: "
                    + all.stream().filter(i -> i.subgoals().isEmpty()).map(Indicator::code).toList());
            Indicator inclusion = indicator(all, "svf_inclusion");
            assertEquals(List.of("1.1"), inclusion.subgoals());
            assertEquals(0.70, inclusion.target());
            assertEquals(2030, inclusion.targetYear());
            assertEquals("higher_is_better", inclusion.direction(), "an empty direction keeps the catalogue's");
            List<Catalogue.Subgoal> subgoals = Catalogue.subgoals(w);
            assertEquals(List.of("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5"), subgoals.stream().map(Catalogue.Subgoal::code).toList());
            assertTrue(subgoals.stream().allMatch(Catalogue.Subgoal::placeholder), "the shipped sub-goals say they stand in");
            Snapshots.create(w, "shipped-structure", "before Vårdanalys' structure");
        }

        // Vårdanalys' own file: PREM moves to a new sub-goal 3.6 (and stays in 3.1 too), the inclusion target
        // changes, net survival gets a target, and 3.7 has no indicator yet
        String text = FollowUpStructure.text()
                .replace(";svf_inclusion;;0.70;2030;", ";svf_inclusion;;0.75;2028;")
                .replace(";ja;2;net_survival_5y;;;;;", ";ja;2;net_survival_5y;;65 %;2030;500;");
        String goal3 = "3;Bästa möjliga livskvalitet – under och efter cancersjukdom;Best possible quality of life – during and after cancer;";
        text += goal3 + "3.6;Delaktighet i vården;Taking part in one's care;nej;6;prem_positive_share;;;;;PREM-enkäter;\n"
                + goal3 + "3.7;Rehabilitering;Rehabilitation;nej;7;;;;;;;Indikator saknas ännu\n";
        LoadOutcome theirs = load(Files.writeString(folder.resolve("vardanalys.csv"), text));
        assertEquals(LoadOutcome.Status.LOADED, theirs.status(), theirs.firstProblems().toString());
        try (Warehouse w = Warehouse.openReadOnly(db)) {
            List<Indicator> all = Catalogue.all(w);
            assertEquals(0.75, indicator(all, "svf_inclusion").target());
            assertEquals(2028, indicator(all, "svf_inclusion").targetYear());
            assertEquals(0.65, indicator(all, "net_survival_5y").target(), 1e-12, "65 % read as a share");
            assertEquals(500, indicator(all, "net_survival_5y").minBase());
            assertEquals(List.of("3.1", "3.6"), indicator(all, "prem_positive_share").subgoals(), "one indicator may serve several");
            Map<String, Catalogue.Subgoal> subgoals = Catalogue.subgoals(w).stream()
                    .collect(Collectors.toMap(Catalogue.Subgoal::code, s -> s));
            assertEquals(List.of(), subgoals.get("3.7").indicators(), "a sub-goal without an indicator yet is kept");
            assertEquals("Rehabilitering", subgoals.get("3.7").titleSv());
            assertTrue(!subgoals.get("3.6").placeholder());

            Snapshots.asOf(w, "shipped-structure");
            assertEquals(0.70, indicator(Catalogue.all(w), "svf_inclusion").target(), "a snapshot keeps the structure it was taken with");
            assertEquals(11, Catalogue.subgoals(w).size());
        }
    }

    @Test
    void aBrokenStructureIsRefusedByLineAndRule() throws Exception {
        String[] lines = FollowUpStructure.text().split("\n");
        lines[1] = lines[1].replace(";svf_inclusion;;0.70;2030;", ";svf_inklusion;;0.70;2030;");          // not an indicator
        lines[2] = lines[2].replace(";early_stage_share;;;;", ";early_stage_share;;0.5;;");              // a target without its year
        lines[3] = lines[3].replace("Fler cancerfall upptäcks tidigt", "Fler fall upptäcks tidigt");       // the sub-goal's title differs
        lines[4] = lines[4].replace(";new_cancer_cases_rate;;;;", ";new_cancer_cases_rate;uppåt;;;");     // no such direction
        String lead = java.util.Arrays.stream(lines).filter(l -> l.contains(";svf_within_lead_time;")).findFirst().orElseThrow();
        String extra = lead.replace(";svf_within_lead_time;;0.80;2030;", ";svf_within_lead_time;;1.5;2030;"); // a share over 1
        Path broken = Files.writeString(folder.resolve("broken.csv"), String.join("\n", lines) + "\n" + lines[1] + "\n" + extra + "\n");
        LoadOutcome outcome = load(broken);
        assertEquals(LoadOutcome.Status.REJECTED, outcome.status(), "a structure must be whole: the file is rejected");
        Map<String, List<Long>> byRule = outcome.firstProblems().stream().collect(Collectors.groupingBy(Problem::rule,
                Collectors.mapping(Problem::line, Collectors.toList())));
        assertEquals(List.of(2L, (long) lines.length + 1), byRule.get("unknown_indicator"), outcome.firstProblems().toString());
        assertEquals(List.of(3L), byRule.get("target_without_year"));
        assertEquals(List.of(4L), byRule.get("inconsistent_subgoal"));
        assertEquals(List.of(5L), byRule.get("unknown_direction"));
        assertTrue(byRule.get("target_out_of_range").contains((long) lines.length + 2), outcome.firstProblems().toString());
        assertTrue(byRule.containsKey("duplicate"), "the same sub-goal and indicator twice: " + byRule.keySet());
        try (Warehouse w = Warehouse.openReadOnly(db)) {
            assertEquals(List.of(), Catalogue.subgoals(w), "nothing of a rejected file is loaded");
        }
    }
}
