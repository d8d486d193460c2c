package se.lagesbild.loaders.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.Warehouse;

/**
 * Measures loading {@code rows} svf-pathways rows from CSV and from Parquet with Lägesbild's
 * loader (inspection, validation, lineage, fact insert) next to DuckDB's bare
 * {@code INSERT INTO … SELECT * FROM read_csv(…)} (or read_parquet) of the same file, in the same
 * run, each into a fresh warehouse file. Reports rows/s, the ratio to bare, and the JVM's peak heap.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    /** One measured run. */
    public record Run(String what, long rows, double seconds, long peakHeapBytes) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public static List<Run> run(Path folder, long rows, java.io.PrintWriter out) throws IOException, SQLException {
        Files.createDirectories(folder);
        List<Run> runs = new ArrayList<>();
        for (String format : new String[] {"csv", "parquet"}) {
            Path file = folder.resolve("pathways-" + rows + "." + format);
            if (!Files.exists(file)) {
                out.printf("writing %,d rows to %s …%n", rows, file);
                out.flush();
                SyntheticPathways.write(file, rows);
            }
            String reader = format.equals("csv") ? "read_csv('" + file + "', header = true)" : "read_parquet('" + file + "')";
            runs.add(measure("DuckDB bare INSERT … SELECT * FROM " + (format.equals("csv") ? "read_csv" : "read_parquet"),
                    folder.resolve("bare-" + format + ".duckdb"), warehouse -> {
                        try (Statement s = warehouse.connection().createStatement()) {
                            s.execute("CREATE TABLE bare AS SELECT * FROM fact_svf_pathway LIMIT 0");
                            s.execute("INSERT INTO bare SELECT 0, 0, * FROM " + reader);
                        }
                        return rows;
                    }));
            runs.add(measure("Lägesbild load (" + format + ")", folder.resolve("lagesbild-" + format + ".duckdb"), warehouse -> {
                LoadOutcome outcome = FileLoader.load(warehouse, LoadRequest.of("svf-pathways", file), LoadListener.SILENT);
                if (outcome.rowsLoaded() != rows) {
                    throw new IllegalStateException("loaded " + outcome.rowsLoaded() + " of " + rows + ": " + outcome.firstProblems());
                }
                return outcome.rowsLoaded();
            }));
            checkLineNumbers(folder.resolve("lagesbild-" + format + ".duckdb"), format.equals("csv") ? 2 : 1);
            out.printf("%s: Lägesbild at %.0f %% of bare DuckDB%n", format,
                    100 * runs.get(runs.size() - 1).rowsPerSecond() / runs.get(runs.size() - 2).rowsPerSecond());
            out.flush();
        }
        return runs;
    }

    /**
     * Every row's source line is right (after the timing): the synthetic pathway Pn is the file's
     * n-th data row, so its line is n + {@code firstLine}.
     */
    private static void checkLineNumbers(Path db, int firstLine) throws SQLException {
        try (Warehouse warehouse = Warehouse.openReadOnly(db); Statement s = warehouse.connection().createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM fact_svf_pathway WHERE pathway_id <> 'P' || (source_line - "
                     + firstLine + ")")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException(rs.getLong(1) + " rows carry the wrong source line in " + db);
            }
        }
    }

    interface Work {
        long run(Warehouse warehouse) throws SQLException;
    }

    private static Run measure(String what, Path db, Work work) throws IOException, SQLException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
        try (Warehouse warehouse = Warehouse.openForWriting(db)) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long rows = work.run(warehouse);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            return new Run(what, rows, seconds, peak);
        }
    }
}
