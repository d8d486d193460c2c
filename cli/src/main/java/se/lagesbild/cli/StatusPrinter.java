package se.lagesbild.cli;

import java.io.PrintWriter;

import se.lagesbild.warehouse.status.WarehouseStatus;
import se.lagesbild.warehouse.status.WarehouseStatus.ReferenceCounts;

/** Renders a {@link WarehouseStatus} as aligned plain text for the terminal. */
final class StatusPrinter {
    private StatusPrinter() {
    }

    static void print(WarehouseStatus status, PrintWriter out) {
        ReferenceCounts r = status.reference();
        out.printf("Warehouse       %s%n", status.file());
        out.printf("Schema version  %s%n", status.schemaVersion());
        out.println();
        out.println("Reference data");
        out.printf("  regions                %d (Riket and %d regions)%n", r.regionRows(), r.regionRows() - 1);
        out.printf("  healthcare regions     %d (Halland mapped to %d)%n", r.healthcareRegions(), r.hallandHealthcareRegions());
        out.printf("  SVF pathways           %d, plus %d incidence site groups%n", r.svfPathways(), r.siteGroups());
        out.printf("  periods                %d–%d (%d years, half-years, quarters and months)%n",
                r.firstPeriodYear(), r.lastPeriodYear(), r.periods());
        out.printf("  lead-time definitions  %d (%d with a known maximum)%n", r.leadTimeDefinitions(), r.leadTimeDefinitionsWithDays());
        out.printf("  agreement years        %d%n", r.agreementYears());
        out.printf("  catalogue indicators   %d%n", r.indicators());
        out.println();
        out.printf("Load batches    %d%n", status.batches().size());
        for (WarehouseStatus.Batch b : status.batches()) {
            out.printf("  #%-5d %-18s %-30s vintage %-12s %,d rows loaded, %,d quarantined, %s%n", b.batchId(), b.source(),
                    b.fileName(), b.vintage(), b.rowsLoaded(), b.rowsQuarantined(), b.loadedAt().withNano(0));
        }
        out.println();
        out.println("Facts");
        for (WarehouseStatus.FactCoverage f : status.facts()) {
            String covered = f.rows() == 0 ? "" : "  " + f.from() + " … " + f.to();
            out.printf("  %-28s %,12d rows%s%n", f.table(), f.rows(), covered);
        }
        out.flush();
    }
}
