package se.lagesbild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.fixtures.DemoData;
import se.lagesbild.fixtures.damage.DamagedFiles;

/**
 * The fuzz corpus: every source's demo file damaged in two dozen ways ({@link DamagedFiles}) and
 * loaded with the real command line. For every case: never an internal error (exit 3) or a stack
 * trace; the file is loaded with rows read = loaded + quarantined and every data line of the file
 * read (nothing merged or lost), or refused with exit 2 naming the file; the damaged line is named
 * in what is printed; and no printed line is longer than a short excerpt allows.
 */
class DamagedFilesTest {
    private static final Pattern LOADED = Pattern.compile("([\\d,]+) rows read = ([\\d,]+) loaded \\+ ([\\d,]+) quarantined");

    @Test
    void everyDamagedFileIsLoadedWhollyOrRefusedByName(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("fuzz.duckdb");
        assertEquals(0, CliRun.of("--db", db.toString(), "init").exitCode());
        Map<String, String> firstFileOfSource = new LinkedHashMap<>();
        DemoData.files().forEach(f -> firstFileOfSource.putIfAbsent(f[0], f[1]));
        List<DamagedFiles.Case> cases = new ArrayList<>();
        // more rounds (other seeds) for a manual run: -Dlagesbild.fuzz.rounds=15
        int rounds = Integer.getInteger("lagesbild.fuzz.rounds", 1);
        for (int round = 0; round < rounds; round++) {
            int seed = 20261201 + round;
            firstFileOfSource.forEach((source, file) -> cases.addAll(DamagedFiles.write(dir.resolve("damaged-" + seed), source,
                    DemoData.folder().resolve(file), 120, seed)));
        }
        assertTrue(cases.size() > 150, "a corpus of " + cases.size());
        int loaded = 0;
        int refused = 0;
        for (DamagedFiles.Case c : cases) {
            List<String> args = new ArrayList<>(List.of("--db", db.toString(), "load", c.source(), c.file().toString(), "--today", "2028-01-01",
                    "--policy", "quarantine", "--problems", dir.resolve("problems").toString()));
            if (c.source().equals("deaths")) {
                args.addAll(List.of("--follow-up-until", "2027-12-31"));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String said = run.out() + run.err();
            assertTrue(run.exitCode() == 0 || run.exitCode() == 2, c + ": exit " + run.exitCode() + "\n" + said);
            assertFalse(said.contains("Exception") || said.contains("\tat ") || said.contains("internal error"), c + ": " + said);
            for (String line : said.split("\n")) {
                assertTrue(line.length() < 1200, c + ": a printed line of " + line.length() + " characters");
            }
            if (run.exitCode() == 0) {
                loaded++;
                Matcher m = LOADED.matcher(said);
                if (m.find()) {
                    long read = number(m.group(1));
                    assertEquals(read, number(m.group(2)) + number(m.group(3)), c + ": " + said);
                    assertEquals(dataLines(c.file()), read, c + ": every data line is a row read, none merged or lost: " + said);
                } else {
                    assertTrue(said.contains("already loaded"), c + ": " + said);
                }
            } else {
                refused++;
                assertTrue(said.contains(c.file().getFileName().toString()), c + ": the message names the file: " + said);
            }
            if (c.invalid() && !said.contains("already loaded")) { // an identical file from an earlier round (-Dlagesbild.fuzz.rounds)
                assertTrue(said.contains(":" + c.line() + ":") || said.contains("line " + c.line()),
                        c + ": the message names line " + c.line() + ": " + said);
            }
        }
        assertTrue(loaded > 50 && refused > 20, "both outcomes seen: " + loaded + " loaded, " + refused + " refused");
    }

    /** Non-blank lines after the header, whatever the line ends. */
    private static long dataLines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        long count = 0;
        for (int i = 1; i < lines.length; i++) {
            count += lines[i].isEmpty() ? 0 : 1;
        }
        return count;
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}
