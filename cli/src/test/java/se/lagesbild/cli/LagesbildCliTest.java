package se.lagesbild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LagesbildCliTest {
    @TempDir
    Path folder;

    @Test
    void initThenStatusShowsSchemaAndReferenceCounts() {
        String db = folder.resolve("w/lagesbild.duckdb").toString();
        CliRun init = CliRun.of("--db", db, "init");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("from schema version 0 to " + se.lagesbild.warehouse.schema.SchemaVersion.latestKnown()), init.out());

        CliRun again = CliRun.of("init", "--db", db);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("is up to date (schema version " + se.lagesbild.warehouse.schema.SchemaVersion.latestKnown() + "); nothing changed"), again.out());

        CliRun status = CliRun.of("--db", db, "status");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("Schema version  " + se.lagesbild.warehouse.schema.SchemaVersion.latestKnown()), status.out());
        assertTrue(status.out().contains("regions                22 (Riket and 21 regions)"), status.out());
        assertTrue(status.out().contains("healthcare regions     6 (Halland mapped to 2)"), status.out());
        assertTrue(status.out().contains("SVF pathways           32"), status.out());
        assertTrue(status.out().contains("periods                1950–2100"), status.out());
        assertTrue(status.out().contains("fact_svf_pathway"), status.out());
    }

    @Test
    void statusOfAMissingWarehouseIsRejectedAndCreatesNothing() {
        Path db = folder.resolve("nothing-here/lagesbild.duckdb");
        CliRun status = CliRun.of("--db", db.toString(), "status");
        assertEquals(LagesbildCli.REJECTED, status.exitCode());
        assertTrue(status.err().contains("No warehouse at " + db), status.err());
        assertTrue(status.err().contains("lagesbild init"), status.err());
        assertFalse(Files.exists(db.getParent()));
    }

    @Test
    void releaseRefusesAnUnknownSnapshotAndServeAMissingReleaseNamingThem() {
        String db = folder.resolve("r/lagesbild.duckdb").toString();
        assertEquals(0, CliRun.of("--db", db, "init").exitCode());
        Path out = folder.resolve("r/release.parquet");
        CliRun release = CliRun.of("--db", db, "release", "--snapshot", "baseline-2026", "--out", out.toString());
        assertEquals(LagesbildCli.REJECTED, release.exitCode());
        assertTrue(release.err().contains("There is no snapshot 'baseline-2026'") && release.err().contains("lagesbild snapshot NAME"), release.err());
        assertFalse(Files.exists(out), "nothing written");
        CliRun noSnapshot = CliRun.of("--db", db, "release");
        assertEquals(LagesbildCli.USAGE, noSnapshot.exitCode());
        assertTrue(noSnapshot.err().contains("--snapshot"), noSnapshot.err());
        CliRun serve = CliRun.of("serve", "--release", out.toString(), "--port", "0");
        assertEquals(LagesbildCli.REJECTED, serve.exitCode());
        assertTrue(serve.err().contains("No release file at " + out) && serve.err().contains("lagesbild release --snapshot"), serve.err());
    }

    @Test
    void aPathThatCannotBeCreatedIsRejectedWithItsName() throws Exception {
        Path blocker = Files.writeString(folder.resolve("a-file"), "x");
        CliRun init = CliRun.of("--db", blocker.resolve("w.duckdb").toString(), "init");
        assertEquals(LagesbildCli.REJECTED, init.exitCode());
        assertTrue(init.err().contains("Cannot create the folder " + blocker), init.err());
    }

    @Test
    void usageErrorsExitWithOne() {
        CliRun unknown = CliRun.of("--no-such-option");
        assertEquals(LagesbildCli.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--no-such-option'"), unknown.err());
        assertEquals(LagesbildCli.USAGE, CliRun.of().exitCode(), "no verb");
        assertEquals(LagesbildCli.USAGE, CliRun.of("frobnicate").exitCode(), "unknown verb");
        CliRun typo = CliRun.of("lod");
        assertEquals(LagesbildCli.USAGE, typo.exitCode());
        assertTrue(typo.err().startsWith("lagesbild: there is no verb 'lod'. Did you mean `lagesbild load`"), typo.err());
        assertFalse(typo.err().contains("Unmatched arguments"), typo.err());
    }

    @Test
    void feedbackForAYearWithoutDeliveriesIsRefused() {
        String db = folder.resolve("w.duckdb").toString();
        assertEquals(0, CliRun.of("--db", db, "init").exitCode());
        CliRun future = CliRun.of("--db", db, "feedback", "--year", "2031", "--out", folder.resolve("fb").toString());
        assertEquals(LagesbildCli.REJECTED, future.exitCode(), future.out() + future.err());
        assertTrue(future.err().contains("2031 has not begun"), future.err());
        CliRun none = CliRun.of("--db", db, "feedback", "--year", "2024", "--out", folder.resolve("fb").toString());
        assertEquals(LagesbildCli.REJECTED, none.exitCode(), none.out() + none.err());
        assertTrue(none.err().contains("No region has delivered anything for 2024") && none.err().contains("Nothing is loaded yet"), none.err());
        assertFalse(Files.exists(folder.resolve("fb")), "no letters written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "status", "load", "validate", "batches", "unload", "feedback", "reconcile", "agreement", "benchmark-load", "generate", "snapshot", "marts", "benchmark-engine", "demo", "serve", "report", "notebook", "benchmark-api", "disclosure-audit", "benchmark-disclosure", "benchmark-survival", "kernel", "release", "benchmark-release", "benchmark-report"})
    void everyVerbHasHelp(String verb) {
        CliRun help = CliRun.of(verb, "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: lagesbild " + verb), help.out());
        assertTrue(help.out().contains("--db=FILE"), help.out());
    }

    @Test
    void theAuditsRefuseANegativeLimitNamingTheOption() {
        CliRun audit = CliRun.of("disclosure-audit", "--lp-limit", "-1");
        assertEquals(LagesbildCli.USAGE, audit.exitCode(), audit.err());
        assertTrue(audit.err().contains("--lp-limit must be 0 or more (0: propagation only); it was -1."), audit.err());
        CliRun bench = CliRun.of("benchmark-disclosure", "--seconds", "0");
        assertEquals(LagesbildCli.USAGE, bench.exitCode(), bench.err());
        assertTrue(bench.err().contains("--seconds must be at least 1; it was 0."), bench.err());
        CliRun measure = CliRun.of("benchmark-disclosure", "--measure", "cells");
        assertEquals(LagesbildCli.USAGE, measure.exitCode(), measure.err());
        assertTrue(measure.err().contains("--measure must be complements or cost; it was 'cells'."), measure.err());
    }

    /** The whole follow-up twice, about 8 minutes: tagged, so it runs with mvn -Pbenchmark, not in ./lagesbild test. */
    @Test
    @org.junit.jupiter.api.Tag("benchmark")
    void benchmarkReportTimesEveryStepOfTheFollowUpAtBothScales() throws Exception {
        System.setProperty("lagesbild.home", repository().toString());
        Path dir = folder.resolve("benchmark-report");
        CliRun run = CliRun.of("benchmark-report", "--demo-scale", "0.005", "--scale", "0.01", "--dir", dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<String> rows = run.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| step")).toList();
        List<String> steps = rows.stream().map(l -> l.split(" \\| ")[0].substring(2)).toList();
        assertEquals(List.of("generate", "load (one ./lagesbild load per source)", "marts", "snapshot", "report: tables, workbook and files", "report: notebook",
                "report: PDF", "report (whole, with PDF)", "release", "v2 store (serve until every table is ready)"), steps, run.out());
        for (String row : rows) {
            String[] f = row.split(" \\| ");
            for (int i = 1; i <= 6; i++) {
                assertTrue(Double.parseDouble(f[i]) > 0, "every figure is measured: " + row);
            }
        }
        // the report's phases add up to the whole, and its CPU time includes Jupyter's kernel and Chromium, which run as children
        String[] whole = rows.get(7).split(" \\| ");
        double phases = 0;
        for (int r = 4; r <= 6; r++) {
            phases += Double.parseDouble(rows.get(r).split(" \\| ")[4]);
        }
        assertTrue(phases <= Double.parseDouble(whole[4]) + 0.5, run.out());
        assertTrue(Double.parseDouble(rows.get(5).split(" \\| ")[5]) > 5, "the notebook's CPU time counts the kernel: " + rows.get(5));
        assertTrue(run.out().contains("load average"), run.out());
        for (String scale : List.of("0.005", "0.01")) {
            assertTrue(Files.size(dir.resolve("scale-" + scale + "/report/report-2027.pdf")) > 10_000, scale);
            assertTrue(Files.exists(dir.resolve("scale-" + scale + "/release.parquet")), scale);
        }
    }

    @Test
    void benchmarkReportRefusesAReportYearOutsideTheYearsNamingTheOptions() {
        CliRun run = CliRun.of("benchmark-report", "--years", "2025-2026", "--year", "2027", "--dir", folder.resolve("b").toString());
        assertEquals(LagesbildCli.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--year 2027 and --baseline 2026 must lie in --years 2025-2026"), run.err());
        assertFalse(Files.exists(folder.resolve("b")), "nothing started, nothing written");
        CliRun scale = CliRun.of("benchmark-report", "--demo-scale", "0");
        assertEquals(LagesbildCli.USAGE, scale.exitCode(), scale.err());
        assertTrue(scale.err().contains("--demo-scale must be above 0"), scale.err());
    }

    static Path repository() {
        return Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void demoBuildsTheWarehouseFromTheBundledFilesAndCanRunAgain() throws Exception {
        System.setProperty("lagesbild.home", repository().toString());
        try {
            String db = folder.resolve("demo.duckdb").toString();
            CliRun first = CliRun.of("--db", db, "demo");
            assertEquals(0, first.exitCode(), first.err());
            assertTrue(first.out().contains("Halland mapped to 2"), first.out());
            assertTrue(first.out().contains("svf-pathways-2026.csv: loaded as batch 12"), first.out());
            assertTrue(first.out().contains("0 quarantined"), first.out());
            assertTrue(first.out().contains("Region 24 Västerbotten: months without records 2026-03, 2026-04"), first.out());
            assertTrue(first.out().contains("Region 17 Värmland: report received 2026-10-06, after 2026-09-30"), first.out());
            assertTrue(first.out().contains("Region 20 Dalarna: no PREM"), first.out());
            assertTrue(first.out().contains("Agreement 2026, P1: 250 000 000 kr to 21 regions by population"), first.out());
            assertTrue(first.out().contains("&sex=3&age=ALL&format=csv → 200") && first.out().contains("2026,country,00,ALL,3,ALL,"), first.out());
            assertTrue(first.out().contains("net_survival_5y/values?period=2027&region=00&diagnosis=MALIGNANT&sex=1,2,3&format=csv → 200")
                    && first.out().contains("2027,country,00,MALIGNANT,3,18+,0.68"), "goal 2: five-year net survival, all sites: " + first.out());
            assertTrue(first.out().contains("cancer-register.csv: loaded as batch 8") && first.out().contains("deaths.csv: loaded as batch 9"),
                    first.out());
            assertTrue(first.out().contains("outputFormat=csv&lang=en → 200") && first.out().contains("00,Sweden,ALL,All diagnoses,ALL,All ages,1,Men,2026"),
                    "the demo asks PxWebApi 2 the obvious question: " + first.out());
            assertTrue(first.out().contains("Report: " + folder.resolve("report-2027/report-2027.html")), first.out());
            assertTrue(Files.readString(folder.resolve("report-2027/report-2027.html")).contains("data:image/png;base64,"));
            assertTrue(Files.exists(folder.resolve("report-2027/tables/indicators.arrow")));
            assertTrue(first.out().contains("snapshot baseline-2026 taken") && first.out().contains(
                    "Stockholm's corrected 2026 delivery: svf-pathways-2026-01-revised.csv: loaded as batch 26, vintage 2026-revised"),
                    first.out());
            assertTrue(Files.readString(folder.resolve("report-2027/tables/baseline_revisions.csv"))
                    .contains("svf_within_lead_time,2026,country,00,ALL,3,ALL,revised,"), "Riket's baseline revised by Stockholm's delivery");
            java.util.Map<Path, byte[]> report = reportFiles(folder.resolve("report-2027"));
            CliRun agreement = CliRun.of("--db", db, "agreement", "--year", "2026", "--out", folder.resolve("agreement").toString());
            assertEquals(0, agreement.exitCode(), agreement.err());
            assertTrue(agreement.out().contains("late report: submitted 2026-10-06, 6 days after the deadline 2026-09-30"), agreement.out());
            assertTrue(agreement.out().contains("P2B Andra utbetalningen, del 2: 125 000 000 kr shared among qualifying regions\n"
                    + "  not apportioned: no region qualifies yet"), agreement.out());
            long p1 = Files.readAllLines(folder.resolve("agreement/agreement-2026-payments.csv")).stream()
                    .filter(line -> line.startsWith("2026,P1,")).mapToLong(line -> Long.parseLong(line.split(",")[7])).sum();
            assertEquals(250_000_000L, p1, "the first payment's amounts in the CSV add up to the part");
            assertTrue(Files.readAllLines(folder.resolve("agreement/agreement-2026-conditions.csv")).contains(
                    "2026,P2B,LEAD_TIME_RECTUM,01,Stockholm,lead_time_within_max,,>=,,not_evaluable,"
                            + "threshold not set; value hidden for confidentiality,,Krav på ledtid för ändtarmscancer,"
                            + "svf-pathways (lead times),,"),
                    "a share of fewer than 5 patients (demo scale) never leaves in the export");
            String tables = Files.readString(folder.resolve("agreement/agreement-2026.md"));
            assertTrue(tables.contains("## Ledtider som inte uppfylls (2026, riket)") && tables.contains("| 17 Värmland | P2A | Redovisning enligt mallen")
                    && tables.contains("## Särskilda satsningar 2026") && tables.contains("| Särskild satsning på primärvården | ej angivet | 60\u00a0000\u00a0000 |"), tables);
            assertTrue(Files.exists(folder.resolve("agreement/agreement-2026-lead-times-not-met.csv")));
            // as an agency reads it: decisions and pathways by name, the patients behind every share, a real minus sign
            assertTrue(tables.contains("| 08 Kalmar | P2A | Inklusionsmålet om 70 % uppnått") && tables.contains("(9 av 13 patienter)")
                    && tables.contains("| 01 Stockholm | uppfyllt |") && tables.contains("| Prostatacancer |") && !tables.contains("not_met")
                    && !tables.contains("| PROST |") && tables.matches("(?s).*\u2212\\d+,\\d \\(\u2212\\d+,\\d till .*"), tables);
            CliRun excel = CliRun.of("--db", db, "agreement", "--year", "2026", "--csv", "excel-sv", "--out", folder.resolve("agreement-sv").toString());
            assertEquals(0, excel.exitCode(), excel.err());
            String conditionsSv = Files.readString(folder.resolve("agreement-sv/agreement-2026-conditions.csv"));
            assertTrue(conditionsSv.startsWith("\uFEFFagreement_year;payment_code;") && conditionsSv.contains(";0,7000;>=;"),
                    "Swedish Excel's CSV: BOM, semicolons, decimal comma: " + conditionsSv.substring(0, 300));
            assertTrue(agreement.out().contains("  01  Stockholm            (all regions)        49 017"), "grouped by spaces: " + agreement.out());
            CliRun unwritable = CliRun.of("--db", db, "agreement", "--year", "2026", "--out", folder.resolve("demo.duckdb/tables").toString());
            assertEquals(LagesbildCli.REJECTED, unwritable.exitCode(), unwritable.err());
            assertTrue(unwritable.err().contains("Cannot write " + folder.resolve("demo.duckdb/tables")) && unwritable.err()
                    .contains("Choose a folder you can write to with --out."), unwritable.err());
            CliRun noRules = CliRun.of("--db", db, "agreement", "--year", "2031");
            assertEquals(LagesbildCli.REJECTED, noRules.exitCode());
            assertTrue(noRules.err().contains("No agreement rules for 2031"), noRules.err());
            CliRun audit = CliRun.of("--db", db, "disclosure-audit", "--family", "svf-inclusion", "--year", "2026");
            assertEquals(0, audit.exitCode(), audit.out() + audit.err());
            assertTrue(audit.out().contains("svf-inclusion     2026") && audit.out().contains(
                    "no hidden count can be recovered or narrowed below the threshold"), audit.out());
            // the fewest complements any pattern needs, found by the 0-1 programme with the attack's cuts: the
            // care-quality table's pattern (8 secondaries) is the optimum
            CliRun optimum = CliRun.of("--db", db, "benchmark-disclosure", "--family", "care-quality", "--year", "2026", "--seconds", "60");
            assertEquals(0, optimum.exitCode(), optimum.out() + optimum.err());
            assertTrue(optimum.out().matches("(?s).*care-quality +2026 +whole table +84 +58 +8 +8 optimal +1\\.00 .*"), optimum.out());
            assertTrue(optimum.out().contains("where the optimum is found: 1 of 1 rows, largest ratio 1.00 (care-quality 2026, whole table)")
                    && optimum.out().contains("against a lower bound only (the true ratio lies below): 0 of 1 rows\n"), optimum.out());
            // a table with population groups in the heuristic's two steps: the groups' complements (90) beside the fewest with the
            // figures without groups held as decided (85, found)
            CliRun steps = CliRun.of("--db", db, "benchmark-disclosure", "--family", "survival-adults-cohort", "--year", "2026", "--seconds",
                    "5", "--lp-seconds", "2", "--steps");
            assertEquals(0, steps.exitCode(), steps.out() + steps.err());
            assertTrue(steps.out().matches("(?s).*survival-adults-cohort +2026 +without groups +1,260 +831 +84 .*")
                    && steps.out().matches("(?s).*survival-adults-cohort +2026 +groups +919 +514 +90 +85 optimal +1\\.06 .*"), steps.out());
            // the summary keeps the found optima apart from the bounds: a ratio against a bound is only an upper limit
            assertTrue(steps.out().contains("where the optimum is found: 1 of 2 rows, largest ratio 1.06 (survival-adults-cohort 2026, groups)")
                    && steps.out().matches("(?s).*against a lower bound only \\(the true ratio lies below\\): 1 of 2 rows, largest ratio"
                    + " \\d\\.\\d\\d \\(survival-adults-cohort 2026, without groups\\).*"), steps.out());
            CliRun unknownFamily = CliRun.of("--db", db, "disclosure-audit", "--family", "nope");
            assertEquals(LagesbildCli.REJECTED, unknownFamily.exitCode());
            assertTrue(unknownFamily.err().contains("Unknown disclosure family 'nope'. Families: care-quality, deaths, hpv, new-cases, prem"), unknownFamily.err());
            CliRun second = CliRun.of("--db", db, "demo");
            assertEquals(0, second.exitCode(), second.err());
            assertTrue(second.out().contains("(0 migrations applied now)"), second.out());
            assertTrue(second.out().contains("svf-pathways-2026.csv: already loaded as batch 12"), second.out());
            assertTrue(second.out().contains("svf-pathways-2026-01-revised.csv: already loaded as batch 26")
                    && !second.out().contains("snapshot baseline-2026 taken"), second.out());
            // the yearly report comes out the same when re-run: every table (CSV and Arrow), the page, the workbook and the manifest,
            // byte for byte
            java.util.Map<Path, byte[]> again = reportFiles(folder.resolve("report-2027"));
            assertEquals(report.keySet(), again.keySet());
            assertTrue(report.size() >= 23, "twenty tables, the page, the workbook and the manifest: " + report.keySet());
            for (Path file : report.keySet()) {
                assertTrue(java.util.Arrays.equals(report.get(file), again.get(file)), file + " differs when the demo runs again");
            }
        } finally {
            System.clearProperty("lagesbild.home");
        }
    }

    /** The report's tables, page, workbook and manifest, by path within the report's folder. */
    private static java.util.Map<Path, byte[]> reportFiles(Path report) throws java.io.IOException {
        java.util.Map<Path, byte[]> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> all = Files.walk(report)) {
            for (Path file : all.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(csv|arrow|html|xlsx|json)")).toList()) {
                files.put(report.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void generateWritesTheSyntheticDataAndSaysHowToLoadIt() {
        CliRun run = CliRun.of("generate", "--out", folder.resolve("gen").toString(), "--years", "2026-2026", "--scale", "0.01");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(folder.resolve("gen/svf-pathways-2026.csv")));
        assertTrue(run.out().contains("--today 2027-03-31"), run.out());
        CliRun bad = CliRun.of("generate", "--out", folder.resolve("x").toString(), "--years", "2030-2020");
        assertEquals(LagesbildCli.USAGE, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--years must be a range within 2015–2035"), bad.err());
        CliRun encoding = CliRun.of("--db", folder.resolve("w.duckdb").toString(), "validate", "prem",
                repository().resolve("docs/formats/examples/prem.csv").toString(), "--encoding", "ebcdic");
        assertEquals(LagesbildCli.USAGE, encoding.exitCode(), encoding.err());
        assertTrue(encoding.err().contains("--encoding must be utf-8 or latin-1"), encoding.err());
    }

    @Test
    void loadValidateBatchesUnloadThroughTheCommandLine() throws Exception {
        String db = folder.resolve("w.duckdb").toString();
        Path examples = repository().resolve("docs/formats/examples");
        assertEquals(0, CliRun.of("--db", db, "init").exitCode());

        CliRun valid = CliRun.of("--db", db, "validate", "prem", examples.resolve("prem.csv").toString());
        assertEquals(0, valid.exitCode(), valid.err());
        assertTrue(valid.out().contains("prem.csv: 5 rows read; 5 would load, 0 have problems."), valid.out());

        Path broken = Files.writeString(folder.resolve("population.csv"), "region;kön;ålder;år;folkmängd\n01;1;45;2025;100\n01;3;46;2025;100\n");
        CliRun rejected = CliRun.of("--db", db, "load", "population", broken.toString(), "--problems", folder.resolve("problems").toString());
        assertEquals(LagesbildCli.REJECTED, rejected.exitCode());
        assertTrue(rejected.out().contains("population.csv: REJECTED, nothing loaded: 1 of 2 rows have problems"), rejected.out());
        assertTrue(rejected.out().contains("population.csv:3: column sex = '3':"), rejected.out());
        assertTrue(Files.readString(folder.resolve("problems/population.csv.problems.csv")).contains("population.csv,3,sex,3,invalid_sex"));

        CliRun loaded = CliRun.of("--db", db, "load", "prem", examples.resolve("prem.csv").toString(), "--vintage", "2026-08");
        assertEquals(0, loaded.exitCode(), loaded.err());
        assertTrue(loaded.out().contains("prem.csv: loaded as batch 1, vintage 2026-08: 5 rows read = 5 loaded + 0 quarantined."), loaded.out());
        CliRun snapshot = CliRun.of("--db", db, "snapshot", "baseline-2026", "--description", "as published");
        assertEquals(0, snapshot.exitCode(), snapshot.err());
        assertTrue(snapshot.out().contains("Snapshot baseline-2026 taken: batches 1–1"), snapshot.out());
        assertEquals(LagesbildCli.REJECTED, CliRun.of("--db", db, "snapshot", "baseline-2026").exitCode(), "snapshots never change");
        CliRun badName = CliRun.of("--db", db, "snapshot", "no spaces!");
        assertEquals(LagesbildCli.REJECTED, badName.exitCode());
        assertTrue(badName.err().contains("A snapshot name is letters, digits"), badName.err());
        assertTrue(CliRun.of("--db", db, "snapshot").out().contains("baseline-2026"));
        CliRun pinned = CliRun.of("--db", db, "unload", "1");
        assertEquals(LagesbildCli.REJECTED, pinned.exitCode());
        assertTrue(pinned.err().contains("part of the snapshot baseline-2026"), pinned.err());
        CliRun batches = CliRun.of("--db", db, "batches");
        assertTrue(batches.out().contains("prem") && batches.out().contains("2026-08"), batches.out());
        CliRun reload = CliRun.of("--db", db, "load", "prem", examples.resolve("prem.csv").toString(), "--vintage", "again");
        assertTrue(reload.out().contains("already loaded as batch 1"), reload.out());
        Path revised = Files.writeString(folder.resolve("prem-revised.csv"), Files.readString(examples.resolve("prem.csv")).replace("338", "339"));
        assertEquals(0, CliRun.of("--db", db, "load", "prem", revised.toString()).exitCode());
        CliRun unload = CliRun.of("--db", db, "unload", "2");
        assertEquals(0, unload.exitCode(), unload.err());
        assertTrue(unload.out().contains("5 fact rows and 0 quarantined rows removed"), unload.out());
        assertEquals(LagesbildCli.REJECTED, CliRun.of("--db", db, "unload", "2").exitCode(), "gone already");
        assertEquals(LagesbildCli.USAGE, CliRun.of("--db", db, "load", "prem").exitCode(), "no file");
        CliRun unknown = CliRun.of("--db", db, "load", "patients", examples.resolve("prem.csv").toString());
        assertEquals(LagesbildCli.REJECTED, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown source 'patients'"), unknown.err());
    }
}
