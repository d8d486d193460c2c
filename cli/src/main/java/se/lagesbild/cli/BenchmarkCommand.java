package se.lagesbild.cli;

import java.nio.file.Path;
import java.time.LocalDate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.loaders.bench.LoadBenchmark;

/** {@code lagesbild benchmark-load}: the loader's speed next to bare DuckDB, measured in one run. */
@Command(name = "benchmark-load", mixinStandardHelpOptions = true,
        description = "Load N synthetic svf-pathways rows from CSV and from Parquet with Lägesbild's loader and with"
                + " DuckDB's bare INSERT … SELECT * FROM read_csv/read_parquet of the same files, in one run; print rows/s,"
                + " the ratio, the JVM's peak heap and the process's peak resident memory.")
final class BenchmarkCommand extends Verb {
    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000", description = "Rows per file (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "out/benchmark",
            description = "Folder for the files and scratch databases (default: ${DEFAULT-VALUE}); files are reused.")
    Path dir;

    @Override
    public void run() {
        try {
            var runs = LoadBenchmark.run(dir, rows, out());
            out().printf("%nLoad benchmark, %s, %d cores, JVM max heap %d MiB%n", LocalDate.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            out().printf("%-48s %12s %9s %14s %14s%n", "run", "rows", "seconds", "rows/s", "peak heap MiB");
            for (var r : runs) {
                out().printf("%-48s %,12d %9.2f %,14.0f %14d%n", r.what(), r.rows(), r.seconds(), r.rowsPerSecond(), r.peakHeapBytes() >> 20);
            }
            out().printf("Process peak resident memory (JVM and DuckDB): %.2f GB%n", ProcessMemory.peakRssGb());
        } catch (Exception e) {
            throw new IllegalStateException("The benchmark failed: " + e.getMessage(), e);
        }
    }
}
