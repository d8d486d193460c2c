package se.lagesbild.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import se.lagesbild.warehouse.WarehouseException;

/**
 * A command run as a child process, as a user runs it, with what it cost: wall time, CPU time of
 * the process and everything it started (a report's Jupyter, Java kernel and Chromium included),
 * and the peak resident memory of that process tree.
 *
 * <p>CPU time is exact: the children's CPU time Linux adds to this process when it reaps a child
 * ({@code cutime + cstime} of /proc/self/stat), before and after. Memory is sampled every 100 ms
 * as the sum of VmRSS over the tree, so a peak shorter than that may be missed; a phase's CPU time
 * is sampled at its start over the live tree. Linux only: elsewhere the CPU and memory figures are
 * NaN.
 */
final class MeasuredProcess {
    private static final long SAMPLE_MILLIS = 100;
    /** Clock ticks per second of /proc's CPU figures ({@code getconf CLK_TCK}), 100 on Linux. */
    private static final double TICKS = 100.0;

    /** One phase of a run: from the line that started it to the next phase or the end. */
    record Phase(String name, double wallSeconds, double cpuSeconds, double peakRssGb) {
    }

    /** What the run cost, with its phases when the output marked any. */
    record Result(double wallSeconds, double cpuSeconds, double peakRssGb, List<Phase> phases) {
    }

    /** A phase as the run goes: its name, start, the live tree's CPU seconds then, and the peak memory sampled in it so far. */
    private static final class Mark {
        final String name;
        final double startSeconds;
        final double cpuAtStart;
        double peakRssGb;

        Mark(String name, double startSeconds, double cpuAtStart, double peakRssGb) {
            this.name = name;
            this.startSeconds = startSeconds;
            this.cpuAtStart = cpuAtStart;
            this.peakRssGb = peakRssGb;
        }
    }

    private MeasuredProcess() {
    }

    /**
     * Runs {@code command} to its end, writing its output to {@code log}.
     *
     * @param phaseOf names the phase a line of output starts, or null when it starts none; the run
     *                is in the phase {@code first} until a line names another (null: one phase)
     * @param enough  a line after which the process has done what is measured and is stopped (a
     *                server once it is ready); null to wait for it to exit
     * @throws WarehouseException when the command fails (its log's last lines in the message)
     */
    static Result run(List<String> command, Path log, String first, Function<String, String> phaseOf, Predicate<String> enough) {
        double cpuBefore = childrenCpuSeconds();
        long start = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new WarehouseException("Cannot start " + shown(command) + ": " + e.getMessage(), e);
        }
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(first, 0, 0, 0));
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                double rss = treeRssGb(process.toHandle());
                synchronized (marks) {
                    Mark current = marks.get(marks.size() - 1);
                    current.peakRssGb = Math.max(current.peakRssGb, rss);
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        boolean stopped = false;
        List<String> tail = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                out.flush();
                tail.add(line);
                if (tail.size() > 20) {
                    tail.remove(0);
                }
                String phase = phaseOf == null ? null : phaseOf.apply(line);
                if (phase != null && !phase.equals(marks.get(marks.size() - 1).name)) {
                    Mark next = new Mark(phase, (System.nanoTime() - start) / 1e9, treeCpuSeconds(process.toHandle()),
                            treeRssGb(process.toHandle()));
                    synchronized (marks) {
                        marks.add(next);
                    }
                }
                if (enough != null && enough.test(line)) {
                    stopped = true;
                    process.destroy();
                    break;
                }
            }
            int exit = process.waitFor();
            if (!stopped && exit != 0) {
                throw new WarehouseException(shown(command) + " failed (exit " + exit + "); its output is in " + log
                        + ", ending:\n" + String.join("\n", tail));
            }
            if (enough != null && !stopped) {
                throw new WarehouseException(shown(command) + " ended before it was ready; its output is in " + log);
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new WarehouseException("Reading the output of " + shown(command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted", e);
        }
        sampler.interrupt();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = childrenCpuSeconds() - cpuBefore;
        List<Phase> phases = new ArrayList<>();
        double peak = 0;
        synchronized (marks) {
            for (int i = 0; i < marks.size(); i++) {
                Mark m = marks.get(i);
                double end = i + 1 < marks.size() ? marks.get(i + 1).startSeconds : wall;
                double cpuEnd = i + 1 < marks.size() ? marks.get(i + 1).cpuAtStart : cpu;
                phases.add(new Phase(m.name, end - m.startSeconds, cpuEnd - m.cpuAtStart, m.peakRssGb));
                peak = Math.max(peak, m.peakRssGb);
            }
        }
        return new Result(wall, cpu, peak, phases);
    }

    /** A command line as a message shows it: a class path given with -cp as "CLASSPATH". */
    static String shown(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            shown.set(cp + 1, "CLASSPATH");
        }
        return String.join(" ", shown);
    }

    /** The CPU seconds of every child this process has reaped, and of theirs (cutime + cstime). */
    static double childrenCpuSeconds() {
        String[] f = stat(ProcessHandle.current().pid());
        return f == null ? Double.NaN : (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
    }

    /** The CPU seconds of a live process tree so far: each process's own and its reaped children's. */
    static double treeCpuSeconds(ProcessHandle root) {
        double sum = 0;
        for (ProcessHandle p : tree(root)) {
            String[] f = stat(p.pid());
            if (f != null) {
                sum += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
            }
        }
        return sum;
    }

    /** The resident memory of a process tree now: VmRSS summed over it, in GB. */
    static double treeRssGb(ProcessHandle root) {
        double sum = 0;
        for (ProcessHandle p : tree(root)) {
            double rss = ProcessMemory.rssGb(p.pid());
            if (!Double.isNaN(rss)) {
                sum += rss;
            }
        }
        return sum;
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** The fields of /proc/PID/stat after the command name (field 3, the state, first); null when unreadable. */
    private static String[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
