package se.lagesbild.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.api.release.ReleaseWriter;

/**
 * {@code lagesbild release --snapshot NAME [--out FILE]}: every released value of every table as of
 * a snapshot, in one Parquet file that a public server answers from ({@code serve --release}).
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Write every released value of every table (disclosure control applied, hidden cells with their reason, labels in"
                + " Swedish and English, units, codelists, the snapshot and vintage) as of a snapshot, as one Parquet file with a"
                + " SHA-256 beside it (FILE.sha256). Copy both to the public server and serve them with `lagesbild serve --release FILE`:"
                + " it needs no warehouse. The same snapshot always gives the same bytes. Analysts read the file with DuckDB"
                + " (SELECT * FROM read_parquet('FILE')) or any Parquet reader.")
final class ReleaseCommand extends Verb {
    @Option(names = "--snapshot", required = true, paramLabel = "NAME", description = "The snapshot to release (see `lagesbild snapshot`).")
    String snapshot;

    @Option(names = "--out", paramLabel = "FILE", description = "The release file (default: out/release-NAME.parquet).")
    Path out;

    @Override
    public void run() {
        Path file = out != null ? out : Path.of("out", "release-" + snapshot + ".parquet");
        String version = ReleaseCommand.class.getPackage().getImplementationVersion();
        long start = System.nanoTime();
        out().println("Releasing snapshot " + snapshot + " of " + db() + ": every table, disclosure control applied.");
        out().flush();
        ReleaseWriter.Written w = ReleaseWriter.write(db(), snapshot, file, version == null ? "dev" : version, line -> {
            out().println("  " + line);
            out().flush();
        });
        out().printf(java.util.Locale.ROOT, "Wrote %s: %d tables, %d cells (%d hidden for confidentiality), snapshot %s (batches 1–%d), in %.1f s.%n",
                w.file(), w.tables(), w.cells(), w.hidden(), w.snapshot(), w.maxBatchId(), (System.nanoTime() - start) / 1e9);
        out().printf("SHA-256 %s (in %s.sha256). Serve it with: lagesbild serve --release %s%n", w.sha256(), w.file().getFileName(), w.file());
    }
}
