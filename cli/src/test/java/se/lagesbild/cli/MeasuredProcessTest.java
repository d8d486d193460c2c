package se.lagesbild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.WarehouseException;

/** What benchmark-report measures of a step, on real processes: CPU time with the children's, phases, memory, a stopped server. */
class MeasuredProcessTest {
    @TempDir
    Path folder;

    /** A shell loop that keeps one core busy for about a second. */
    private static final String BUSY = "i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done";

    @Test
    void cpuTimeCountsTheChildrenAStepStartsAndPhasesSplitTheRunByItsOutput() throws Exception {
        Path log = folder.resolve("steps/run.log");
        MeasuredProcess.Result r = MeasuredProcess.run(List.of("bash", "-c", "echo starting; sh -c '" + BUSY + "'; echo second half; sh -c '"
                + BUSY + "'; echo done"), log, "first", line -> line.equals("second half") ? "second" : null, null);
        assertTrue(r.cpuSeconds() > 0.5, "the grandchildren's loops count: " + r);
        assertTrue(r.cpuSeconds() <= r.wallSeconds() * Runtime.getRuntime().availableProcessors() + 0.1, r.toString());
        assertEquals(List.of("first", "second"), r.phases().stream().map(MeasuredProcess.Phase::name).toList());
        double phases = r.phases().stream().mapToDouble(MeasuredProcess.Phase::wallSeconds).sum();
        assertEquals(r.wallSeconds(), phases, 1e-6, "the phases add up to the run");
        assertTrue(r.phases().stream().allMatch(p -> p.cpuSeconds() > 0.2), "each phase ran one loop: " + r.phases());
        assertTrue(r.peakRssGb() > 0 && r.peakRssGb() < 1, "a shell's few MB: " + r);
        assertEquals(List.of("starting", "second half", "done"), Files.readAllLines(log), "the output is kept in the log, whose folder is made");
    }

    @Test
    void aServerIsStoppedOnceItSaysItIsReady() {
        long start = System.nanoTime();
        MeasuredProcess.Result r = MeasuredProcess.run(List.of("bash", "-c", "echo listening; sleep 0.3; echo ready; sleep 600"),
                folder.resolve("serve.log"), "serve", null, line -> line.equals("ready"));
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "not the 600 s sleep: " + r);
        assertTrue(r.wallSeconds() >= 0.3, r.toString());
    }

    @Test
    void aFailingStepIsReportedWithItsLogAndLastLines() {
        WarehouseException e = assertThrows(WarehouseException.class, () -> MeasuredProcess.run(List.of("java", "-cp", "/a/long/class/path",
                "NoSuchMain"), folder.resolve("fail.log"), "step", null, null));
        assertTrue(e.getMessage().contains("java -cp CLASSPATH NoSuchMain failed (exit 1)"), e.getMessage());
        assertTrue(e.getMessage().contains(folder.resolve("fail.log").toString()) && e.getMessage().contains("NoSuchMain"), e.getMessage());
        WarehouseException ended = assertThrows(WarehouseException.class, () -> MeasuredProcess.run(List.of("bash", "-c", "echo never ready"),
                folder.resolve("early.log"), "serve", null, line -> line.equals("ready")));
        assertTrue(ended.getMessage().contains("ended before it was ready"), ended.getMessage());
    }
}
