package se.lagesbild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import se.lagesbild.api.pxweb.ReleasedStore;
import se.lagesbild.fixtures.DemoData;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.fixtures.synthetic.SyntheticNationalData;
import se.lagesbild.notebooks.YearlyReportRun;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.WarehouseException;

/**
 * {@code lagesbild benchmark-report}: the whole yearly follow-up as a user runs it, one command
 * after the other through {@code ./lagesbild}, at the demo's scale and at a larger one in the same
 * run: each step's wall time, CPU time and peak resident memory, and how each grows with the volume.
 */
@Command(name = "benchmark-report", mixinStandardHelpOptions = true,
        description = "Generate synthetic data, load it, write the marts, take a snapshot, write the yearly report as of it with a PDF,"
                + " write its release and start a server until PxWebApi 2's values are ready, each step as its own ./lagesbild process,"
                + " at the demo's scale and at --scale in one run. Prints each step's wall time, CPU time (the process and everything it"
                + " starts: Jupyter, the Java kernel, Chromium) and peak resident memory of that process tree, the ratio of the two"
                + " scales, and the targets at scale 1.")
final class BenchmarkReportCommand extends Verb {
    private static final String SNAPSHOT = "benchmark";

    @Option(names = "--scale", defaultValue = "1", paramLabel = "F",
            description = "The larger volume relative to Sweden (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--demo-scale", defaultValue = "0.02", paramLabel = "F",
            description = "The smaller volume, measured first in the same run (default: ${DEFAULT-VALUE}, the demo's).")
    double demoScale;

    @Option(names = "--years", defaultValue = "2025-2027", paramLabel = "FROM-TO", description = "Years generated (default: ${DEFAULT-VALUE}).")
    String years;

    @Option(names = "--year", defaultValue = "2027", paramLabel = "YEAR", description = "The report's year (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--baseline", defaultValue = "2026", paramLabel = "YEAR", description = "The report's baseline (default: ${DEFAULT-VALUE}).")
    int baseline;

    @Option(names = "--seed", defaultValue = "2026", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "out/benchmark-report", paramLabel = "DIR",
            description = "Scratch folder, emptied per scale at the start (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** A step's figures: wall, CPU (seconds) and peak RSS (GB). */
    private record Figures(double wall, double cpu, double rss) {
        Figures plus(Figures o) {
            return new Figures(wall + o.wall, cpu + o.cpu, Math.max(rss, o.rss));
        }
    }

    /** What scale 1 must meet on this machine (issue 32), by step. */
    private static final Map<String, String> TARGETS = Map.of("report: tables, workbook and files", "≤ 60 s (the tables)",
            "report (whole, with PDF)", "≤ 180 s, ≤ 3 GB", "v2 store (serve until every table is ready)", "≤ 30 s");

    @Override
    public void run() {
        Settings small;
        Settings large;
        try {
            int[] range = Settings.years(years);
            large = new Settings(seed, range[0], range[1], scale);
            try {
                small = new Settings(seed, range[0], range[1], demoScale);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("--scale", "--demo-scale"), e);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (year < small.firstYear() || year > small.lastYear() || baseline < small.firstYear() || baseline > year) {
            throw new ParameterException(spec.commandLine(), "--year " + year + " and --baseline " + baseline + " must lie in --years " + years
                    + ", the baseline not after the year.");
        }
        List<String> launcher = launcher();
        out().println("Each step runs as: " + MeasuredProcess.shown(launcher) + " VERB ...");
        String started = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = loadAverage();
        Map<String, Figures> smallFigures = pass(launcher, small);
        Map<String, Figures> largeFigures = pass(launcher, large);
        out().println();
        out().printf(Locale.ROOT, "The yearly follow-up, %d against %d, at scale %s and %s (%s, seed %d); started %s on %d cores, %.0f GB,"
                + " %s; load average %s before, %s after%n", year, baseline, fmt(demoScale), fmt(scale), years, seed, started,
                Runtime.getRuntime().availableProcessors(), ProcessMemory.machineGb(), cpuModel(), loadBefore, loadAverage());
        out().printf(Locale.ROOT, "| step | scale %s wall s | CPU s | peak RSS GB | scale %s wall s | CPU s | peak RSS GB | wall ratio | target at scale 1 |%n",
                fmt(demoScale), fmt(scale));
        out().println("|---|---|---|---|---|---|---|---|---|");
        for (String step : largeFigures.keySet()) {
            Figures a = smallFigures.get(step);
            Figures b = largeFigures.get(step);
            out().printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %.1f | %s |%n", step, a.wall, a.cpu, a.rss, b.wall, b.cpu,
                    b.rss, b.wall / a.wall, TARGETS.getOrDefault(step, ""));
        }
        out().println("Peak RSS is the process tree's resident memory summed over its processes, sampled every 0.1 s; CPU time includes"
                + " every process a step starts. Each step's output is in its log under " + dir.toAbsolutePath() + ".");
    }

    /** Every step at one scale, each as its own process, in a folder emptied first; the figures by step, in order. */
    private Map<String, Figures> pass(List<String> launcher, Settings settings) {
        Path folder = dir.resolve("scale-" + fmt(settings.scale()));
        empty(folder);
        Path data = folder.resolve("data");
        String db = folder.resolve("warehouse.duckdb").toString();
        Map<String, Figures> figures = new LinkedHashMap<>();
        measure(figures, settings, "generate", folder, command(launcher, "generate", "--out", data.toString(), "--seed", String.valueOf(seed),
                "--years", years, "--scale", String.valueOf(settings.scale())));
        // the planned files in load order, by source (a source's files are consecutive): one `load SOURCE FILE...` each
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (String[] file : SyntheticNationalData.plannedFiles(settings)) {
            bySource.computeIfAbsent(file[0], k -> new ArrayList<>()).add(data.resolve(file[1]).toString());
        }
        Figures load = new Figures(0, 0, 0);
        for (var source : bySource.entrySet()) {
            List<String> command = command(launcher, "--db", db, "load", source.getKey());
            command.addAll(source.getValue());
            command.addAll(List.of("--today", settings.asOf().toString()));
            if (source.getKey().equals("deaths")) {
                command.addAll(List.of("--follow-up-until", SyntheticNationalData.followUpUntil(settings).toString()));
            }
            load = load.plus(figures(MeasuredProcess.run(command, folder.resolve("load-" + source.getKey() + ".log"), "load", null, null)));
        }
        record(figures, settings, "load (one ./lagesbild load per source)", load);
        measure(figures, settings, "marts", folder, command(launcher, "--db", db, "marts"));
        measure(figures, settings, "snapshot", folder, command(launcher, "--db", db, "snapshot", SNAPSHOT, "--description", "benchmark-report"));
        String tablesStart = Language.SV.text("progress.tables", year, baseline);
        String notebookStart = Language.SV.text("progress.notebook", YearlyReportRun.NOTEBOOK);
        String done = Language.SV.text("progress.done", "", "", "", 0, "").lines().findFirst().orElseThrow();
        String pdfStart = Language.SV.text("progress.pdf");
        String tables = "report: tables, workbook and files";
        MeasuredProcess.Result report = MeasuredProcess.run(command(launcher, "--db", db, "report", "--year", String.valueOf(year), "--baseline",
                String.valueOf(baseline), "--snapshot", SNAPSHOT, "--out", folder.resolve("report").toString(), "--pdf"), folder.resolve("report.log"),
                tables, line -> line.contains(tablesStart) ? tables : line.contains(notebookStart)
                ? "report: notebook" : line.startsWith(done.strip()) ? "report: workbook and files done, PDF pending"
                : line.contains(pdfStart) ? "report: PDF" : null, null);
        for (MeasuredProcess.Phase phase : report.phases()) {
            if (!phase.name().startsWith("report: workbook")) {
                Figures f = new Figures(phase.wallSeconds(), phase.cpuSeconds(), phase.peakRssGb());
                record(figures, settings, phase.name(), f);
            }
        }
        record(figures, settings, "report (whole, with PDF)", figures(report));
        measure(figures, settings, "release", folder, command(launcher, "--db", db, "release", "--snapshot", SNAPSHOT, "--out",
                folder.resolve("release.parquet").toString()));
        Figures store = figures(MeasuredProcess.run(command(launcher, "--db", db, "serve", "--port", "0", "--rate-limit", "0", "--access-log",
                "none"), folder.resolve("serve.log"), "serve", null, line -> line.contains(ReleasedStore.READY)));
        record(figures, settings, "v2 store (serve until every table is ready)", store);
        return figures;
    }

    private void measure(Map<String, Figures> figures, Settings settings, String step, Path folder, List<String> command) {
        Figures f = figures(MeasuredProcess.run(command, folder.resolve(step + ".log"), step, null, null));
        record(figures, settings, step, f);
    }

    /**
     * How a step is started: with the checkout's {@code ./lagesbild}, as a user starts it, when this
     * process runs from the checkout's jar; otherwise (the tests, an IDE) with this JVM's class path
     * and the flags {@code ./lagesbild} gives (the server's 4 GB heap is given by {@link #command}).
     */
    private static List<String> launcher() {
        Path jar = DemoCommand.home().resolve("cli/target/lagesbild-cli.jar").toAbsolutePath().normalize();
        String classPath = System.getProperty("java.class.path");
        if (Path.of(classPath).toAbsolutePath().normalize().equals(jar)) {
            return List.of(BenchmarkReleaseCommand.launcher());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dlagesbild.home=" + DemoCommand.home().toAbsolutePath(), "-cp", classPath, LagesbildCli.class.getName());
    }

    /** The command line of one step: the launcher, then the verb and its arguments; a server on java directly gets the launcher's heap. */
    private static List<String> command(List<String> launcher, String... arguments) {
        List<String> command = new ArrayList<>(launcher);
        if (launcher.size() > 1 && List.of(arguments).contains("serve")) {
            command.add(1, "-Xmx4g");
        }
        command.addAll(List.of(arguments));
        return command;
    }

    private static Figures figures(MeasuredProcess.Result r) {
        return new Figures(r.wallSeconds(), r.cpuSeconds(), r.peakRssGb());
    }


    /** Prints a step's figures as soon as they are measured and keeps them for the table. */
    private void record(Map<String, Figures> figures, Settings settings, String step, Figures f) {
        out().printf(Locale.ROOT, "scale %s, %s: %.1f s wall, %.1f s CPU, peak RSS %.2f GB%n", fmt(settings.scale()), step, f.wall, f.cpu, f.rss);
        out().flush();
        figures.put(step, f);
    }

    private static void empty(Path folder) {
        if (Files.exists(folder)) {
            YearlyReportRun.deleteQuietly(folder);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new WarehouseException("Cannot create the benchmark's folder " + folder.toAbsolutePath() + ": " + e.getMessage()
                    + ". Choose a writable one with --dir.", e);
        }
    }

    private static String fmt(double scale) {
        return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("CPU unknown");
        } catch (IOException e) {
            return "CPU unknown";
        }
    }
}
