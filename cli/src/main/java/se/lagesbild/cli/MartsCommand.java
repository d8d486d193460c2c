package se.lagesbild.cli;

import picocli.CommandLine.Command;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.api.pxweb.ReleasedStore;
import se.lagesbild.warehouse.disclosure.KeptResults;
import se.lagesbild.warehouse.indicators.Marts;
import se.lagesbild.warehouse.kept.Kept;

/** {@code lagesbild marts}: write every indicator at every grain into the mart tables. */
@Command(name = "marts", mixinStandardHelpOptions = true,
        description = "Write every catalogued mart (every indicator at every grain) into a table, so queries answer fast,"
                + " and keep every survival indicator's cells and every disclosure family's pattern for the report, the release and the server."
                + " The tables are used while they are current; after a load, or as of a snapshot that sees other batches, the views answer"
                + " and the kept results are computed again where they are needed.")
final class MartsCommand extends Verb {
    @Override
    public void run() {
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            long start = System.nanoTime();
            for (Marts.Refreshed r : Marts.refresh(warehouse)) {
                out().printf("  %-40s %s %6.2f s%n", r.view(), r.rows() < 0 ? "(shared, computed once)        " : String.format("%,12d rows", r.rows()),
                        r.seconds());
            }
            out().printf("Marts written in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            long keeping = System.nanoTime();
            out().println("Keeping survival cells, disclosure patterns and PxWebApi 2's released values for the report, the release and the server:");
            keep(warehouse, (what, seconds) -> {
                out().printf("  %-60s %6.2f s%n", what, seconds);
                out().flush();
            });
            long[] size = Kept.size(warehouse);
            out().printf("Kept %,d results (%,.1f MB) in %.1f s.%n", size[0], size[1] / 1e6, (System.nanoTime() - keeping) / 1e9);
        }
    }

    /**
     * Keeps every survival cell, disclosure pattern and PxWebApi 2 table's released values for the
     * report, the release and the server ({@code progress} hears each result computed): after
     * {@code marts} writes the marts, and in the demo.
     */
    static void keep(Warehouse warehouse, java.util.function.BiConsumer<String, Double> progress) {
        KeptResults.keep(warehouse, s -> progress.accept(s.what(), s.seconds()), w -> ReleasedStore.keep(w, progress));
    }
}
