package se.lagesbild.warehouse.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.schema.SchemaVersion;

class StatusReaderTest {
    @TempDir
    Path folder;

    @Test
    void aNewWarehouseHasTheReferenceDataAndNoFacts() {
        Path file = TestWarehouses.migrated(folder);
        try (Warehouse warehouse = Warehouse.openReadOnly(file)) {
            WarehouseStatus status = StatusReader.read(warehouse);
            WarehouseStatus.ReferenceCounts reference = status.reference();
            assertEquals(SchemaVersion.latestKnown(), status.schemaVersion());
            assertEquals(22, reference.regionRows(), "Riket and 21 regions");
            assertEquals(6, reference.healthcareRegions());
            assertEquals(2, reference.hallandHealthcareRegions(), "Halland belongs to Väst and Syd");
            assertEquals(32, reference.svfPathways());
            assertEquals(1950, reference.firstPeriodYear(), "the cancer register starts in 1958: history is not cut at 2015");
            assertEquals(2100, reference.lastPeriodYear());
            assertEquals(151 * (1 + 2 + 4 + 12), reference.periods());
            assertEquals(90, reference.leadTimeDefinitions(), "88 source rows, AML/ALL shared, breast 2024 revision");
            assertTrue(reference.leadTimeDefinitionsWithDays() < reference.leadTimeDefinitions(), "unknown maxima are explicit rows");
            assertEquals(0, reference.agreementYears(), "agreement rules are loaded like any source, not shipped in the schema");
            assertTrue(status.batches().isEmpty());
            assertEquals(17, status.facts().size());
            status.facts().forEach(fact -> {
                assertEquals(0, fact.rows(), fact.table());
                assertNull(fact.from(), fact.table());
            });
        }
    }
}
