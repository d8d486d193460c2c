package se.lagesbild.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.fixtures.synthetic.SyntheticNationalData;

/** {@code lagesbild benchmark-generate}: the generator's speed and memory next to writing the same bytes. */
@Command(name = "benchmark-generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic national data and report seconds, rows, MB/s and the JVM's peak heap, next to"
                + " writing the same number of bytes to disk with a plain buffered stream in the same run (the I/O floor).")
final class BenchmarkGenerateCommand extends Verb {
    @Mixin
    SyntheticOptions options;

    @Option(names = "--dir", defaultValue = "out/benchmark-generate", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public void run() {
        Settings settings = options.settings();
        try {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            var result = SyntheticNationalData.generate(dir.resolve("data"), settings, name -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long bytes = 0;
            long rows = 0;
            for (var file : result.files()) {
                bytes += Files.size(file.file());
                rows += file.rows();
            }
            double floor = writeBytes(dir.resolve("floor.bin"), bytes);
            out().printf("Generate benchmark, %s, %d cores, JVM max heap %d MiB, scale %s, years %s%n", LocalDate.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, settings.scale(), options.years);
            out().printf("%-44s %12s %9s %10s %14s%n", "run", "rows", "seconds", "MB/s", "peak heap MiB");
            out().printf("%-44s %,12d %9.2f %10.0f %14d%n", "Lägesbild generate (all sources)", rows, seconds, bytes / 1e6 / seconds, peak >> 20);
            out().printf("%-44s %12s %9.2f %10.0f %14s%n", "baseline: write the same " + (bytes >> 20) + " MiB", "", floor, bytes / 1e6 / floor, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double writeBytes(Path file, long bytes) throws IOException {
        byte[] block = new byte[1 << 16];
        java.util.Arrays.fill(block, (byte) 'x');
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        return seconds;
    }
}
