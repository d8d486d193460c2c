package se.lagesbild.warehouse.status;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a warehouse holds: its schema version, reference data, load batches and facts.
 *
 * @param file           the database file
 * @param schemaVersion  Flyway schema version applied
 * @param reference      counts of the reference data
 * @param batches        every load batch, oldest first
 * @param facts          one entry per fact table, in a fixed order
 */
public record WarehouseStatus(Path file, String schemaVersion, ReferenceCounts reference,
                              List<Batch> batches, List<FactCoverage> facts) {

    /**
     * @param regionRows            rows in dim_region, Riket included (22 expected)
     * @param healthcareRegions     healthcare regions (6)
     * @param hallandHealthcareRegions healthcare regions Halland (13) maps to (2)
     * @param svfPathways           SVF pathways in dim_diagnosis (32)
     * @param siteGroups            incidence site groups that are not SVFs
     * @param firstPeriodYear       first year in dim_period
     * @param lastPeriodYear        last year in dim_period
     * @param periods               rows in dim_period (years, halves, quarters, months)
     * @param leadTimeDefinitions   rows in ref_svf_lead_time
     * @param leadTimeDefinitionsWithDays rows of those with a known maximum
     * @param agreementYears        agreement years with rules
     * @param indicators            indicators in the catalogue
     */
    public record ReferenceCounts(int regionRows, int healthcareRegions, int hallandHealthcareRegions, int svfPathways,
                                  int siteGroups, int firstPeriodYear, int lastPeriodYear, int periods,
                                  int leadTimeDefinitions, int leadTimeDefinitionsWithDays, int agreementYears,
                                  int indicators) {
    }

    /** One loaded file, with the SHA-256 of its bytes. */
    public record Batch(long batchId, String source, String fileName, String vintage, long rowsLoaded,
                        long rowsQuarantined, LocalDateTime loadedAt, String sha256) {
    }

    /**
     * Rows in one fact table and the periods they cover.
     *
     * @param from first period, date or year present (null when empty)
     * @param to   last one (null when empty)
     */
    public record FactCoverage(String table, long rows, String from, String to) {
    }
}
