package se.lagesbild.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.fixtures.synthetic.SyntheticNationalData;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.IndicatorEngine;
import se.lagesbild.warehouse.indicators.Marts;
import se.lagesbild.warehouse.stats.Confidence;

/** {@code lagesbild benchmark-engine}: writing the marts next to the same aggregation written by hand, and a query from them. */
@Command(name = "benchmark-engine", mixinStandardHelpOptions = true,
        description = "Generate and load synthetic data, write every mart (all indicators at every grain), and report the"
                + " time next to the lead-time marts written as one hand-tuned DuckDB statement in the same run (checked to give"
                + " the same numbers); then the time to answer one indicator × all regions × one year from the marts.")
final class BenchmarkEngineCommand extends Verb {
    @Mixin
    SyntheticOptions options;

    @Option(names = "--dir", defaultValue = "out/benchmark-engine", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public void run() {
        Settings settings = options.settings();
        try {
            Path data = SyntheticOptions.generated(dir, settings, out());
            Path db = dir.resolve("engine.duckdb");
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + ".wal"));
            try (Warehouse warehouse = Warehouse.openForWriting(db)) {
                long start = System.nanoTime();
                SyntheticNationalData.load(warehouse, data, settings, SyntheticNationalData.plannedFiles(settings), outcome -> { });
                double load = seconds(start);
                long pathways = warehouse.dsl().fetchCount(se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY);
                start = System.nanoTime();
                var marts = Marts.refresh(warehouse);
                double all = seconds(start);
                double leadTime = marts.stream().filter(m -> m.view().equals("int_svf_lead_time_counts")
                        || m.view().startsWith("mart_svf_within") || m.view().startsWith("mart_svf_exceeding"))
                        .mapToDouble(Marts.Refreshed::seconds).sum();
                start = System.nanoTime();
                try (Statement s = warehouse.connection().createStatement()) {
                    s.execute(sql("lead_time_cube_by_hand.sql"));
                }
                double hand = seconds(start);
                long mismatches;
                try (Statement s = warehouse.connection().createStatement();
                     var rs = s.executeQuery(sql("lead_time_cube_compare.sql"))) {
                    rs.next();
                    mismatches = rs.getLong(1);
                }
                double[] query = new double[21];
                for (int i = 0; i < query.length; i++) {
                    start = System.nanoTime();
                    IndicatorEngine.values(warehouse, "svf_within_lead_time", CellFilter.all().periods(String.valueOf(settings.lastYear() - 1))
                            .level("region").diagnoses("ALL").sexes(3), Confidence.NINETY_FIVE);
                    query[i] = seconds(start) * 1000;
                }
                Arrays.sort(query);
                out().printf("%nEngine benchmark, %s, %d cores; %,d pathways (%s), loaded in %.1f s%n", LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(), pathways, settings, load);
                out().printf("%-62s %9s%n", "run", "seconds");
                out().printf("%-62s %9.2f%n", "write every mart (all indicators, every grain)", all);
                out().printf("%-62s %9.2f%n", "  of which the two lead-time marts (and their shared counts)", leadTime);
                out().printf("%-62s %9.2f%n", "baseline: the lead-time marts as one hand-tuned statement", hand);
                out().printf("ratio lead-time marts / hand-tuned: %.2f (target ≤ 1.5); cells that differ: %d%n", leadTime / hand, mismatches);
                out().printf("%nthe marts by disclosure family (the indicators that count the same people; an intermediate two marts share,"
                        + " computed once, under its own line)%n");
                out().printf("%-50s %6s %12s %9s%n", "family", "marts", "rows", "seconds");
                byFamily(warehouse, marts).forEach((family, f) -> out().printf("%-50s %6d %,12d %9.2f%n", family, (long) f[0], (long) f[1], f[2]));
                out().printf("one indicator × all regions × one year from the marts: median %.1f ms, 95th percentile %.1f ms, max %.1f ms"
                        + " (the first call warms the JVM) over %d runs (target < 50 ms)%n", query[query.length / 2],
                        query[(int) Math.ceil(query.length * 0.95) - 1], query[query.length - 1], query.length);
            }
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("The benchmark failed: " + e.getMessage(), e);
        }
    }

    /** Marts, rows and seconds by the disclosure family of the indicators each mart serves, in the order written. */
    private static java.util.Map<String, double[]> byFamily(Warehouse warehouse, java.util.List<Marts.Refreshed> marts) {
        java.util.Map<String, String> family = new java.util.HashMap<>();
        se.lagesbild.warehouse.indicators.Catalogue.all(warehouse).forEach(i -> family.putIfAbsent(i.martView(), i.disclosureFamily()));
        java.util.Map<String, double[]> sums = new java.util.LinkedHashMap<>();
        for (Marts.Refreshed m : marts) {
            String name = m.table().equals("temp") ? "shared intermediate " + m.view() : family.getOrDefault(m.view(), m.view());
            double[] f = sums.computeIfAbsent(name, k -> new double[3]);
            f[0]++;
            f[1] += Math.max(0, m.rows());
            f[2] += m.seconds();
        }
        return sums;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String sql(String name) throws IOException {
        try (InputStream in = BenchmarkEngineCommand.class.getClassLoader().getResourceAsStream("lagesbild/sql/benchmark/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
