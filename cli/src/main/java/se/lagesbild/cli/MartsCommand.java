package se.lagesbild.cli;

import picocli.CommandLine.Command;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Marts;

/** {@code lagesbild marts}: write every indicator at every grain into the mart tables. */
@Command(name = "marts", mixinStandardHelpOptions = true,
        description = "Write every catalogued mart (every indicator at every grain) into a table, so queries answer fast."
                + " The tables are used while they are current; after a load, or as of a snapshot, the views answer.")
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
        }
    }
}
