package se.lagesbild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.fixtures.synthetic.SyntheticNationalData;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.IndicatorEngine;
import se.lagesbild.warehouse.indicators.IndicatorValue;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * {@code lagesbild benchmark-survival}: every survival indicator at every grain from the registers,
 * next to the same estimator computed cell by cell in a plain loop in the same run, checked to give
 * the same numbers.
 */
@Command(name = "benchmark-survival", mixinStandardHelpOptions = true,
        description = "Generate and load the synthetic registers (ten diagnosis years; scale 1 is about 700 000 tumours), compute every"
                + " survival indicator (1- and 5-year net survival, children's 5-year observed survival) at every grain, and report the"
                + " time and peak memory next to the same estimator computed cell by cell in a plain loop in the same run (checked to give"
                + " the same numbers).")
final class BenchmarkSurvivalCommand extends Verb {
    static final List<String> INDICATORS = List.of("net_survival_1y", "net_survival_5y", "child_observed_survival_5y");

    @Mixin
    SyntheticOptions options;

    @Option(names = "--dir", defaultValue = "out/benchmark-survival", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--skip-baseline", description = "Time the engine only (the plain loop takes minutes at scale 1).")
    boolean skipBaseline;

    @Override
    public void run() {
        Settings settings = options.settings();
        try {
            Path data = SyntheticOptions.generated(dir, settings, out());
            Path db = dir.resolve("survival.duckdb");
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + ".wal"));
            try (Warehouse warehouse = Warehouse.openForWriting(db)) {
                long start = System.nanoTime();
                List<String[]> registers = SyntheticNationalData.plannedFiles(settings).stream()
                        .filter(f -> List.of("life-tables", "cancer-register", "deaths").contains(f[0])).toList();
                SyntheticNationalData.load(warehouse, data, settings, registers, outcome -> { });
                double load = seconds(start);
                long tumours = warehouse.dsl().fetchCount(se.lagesbild.warehouse.db.Tables.FACT_TUMOUR);
                out().printf("%nSurvival benchmark, %s, %d cores, max heap %.1f GB; %,d tumours (%s), registers loaded in %.1f s%n",
                        LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9, tumours, settings, load);
                out().printf("%-44s %9s %9s %12s%n", "run", "cells", "seconds", "peak RSS GB");
                Map<String, Map<Cell, Double>> engine = new java.util.LinkedHashMap<>();
                double engineSeconds = 0;
                for (String code : INDICATORS) {
                    start = System.nanoTime();
                    List<IndicatorValue> values = IndicatorEngine.values(warehouse, code, CellFilter.all(), Confidence.NINETY_FIVE);
                    double s = seconds(start);
                    engineSeconds += s;
                    Map<Cell, Double> byCell = new java.util.HashMap<>();
                    values.forEach(v -> byCell.put(v.cell(), v.estimate().value()));
                    engine.put(code, byCell);
                    out().printf("%-44s %,9d %9.2f %12.2f%n", "Lägesbild: " + code, values.size(), s, peakRssGb());
                }
                out().printf("%-44s %9s %9.2f%n", "Lägesbild: all three", "", engineSeconds);
                if (skipBaseline) {
                    return;
                }
                double baselineSeconds = 0;
                double worst = 0;
                long compared = 0;
                for (String code : INDICATORS) {
                    start = System.nanoTime();
                    Map<Cell, Double> plain = PlainLoopSurvival.compute(warehouse, code);
                    double s = seconds(start);
                    baselineSeconds += s;
                    for (var e : plain.entrySet()) {
                        Double mine = engine.get(code).get(e.getKey());
                        if (mine == null || Double.isNaN(mine) != Double.isNaN(e.getValue())) {
                            throw new IllegalStateException("the plain loop and the engine disagree on " + code + " " + e.getKey() + ": "
                                    + e.getValue() + " against " + mine);
                        }
                        if (!Double.isNaN(mine)) {
                            worst = Math.max(worst, Math.abs(mine - e.getValue()));
                            compared++;
                        }
                    }
                    out().printf("%-44s %,9d %9.2f %12.2f%n", "baseline, plain loop per cell: " + code, plain.size(), s, peakRssGb());
                }
                out().printf("%-44s %9s %9.2f%n", "baseline: all three", "", baselineSeconds);
                out().printf("plain loop / Lägesbild: %.1f; %,d estimates compared, largest difference %.1e%n", baselineSeconds / engineSeconds,
                        compared, worst);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The benchmark failed: " + e.getMessage(), e);
        }
    }

    static double peakRssGb() {
        return ProcessMemory.peakRssGb();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
