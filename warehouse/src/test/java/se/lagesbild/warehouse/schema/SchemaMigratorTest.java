package se.lagesbild.warehouse.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.DIM_REGION;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

class SchemaMigratorTest {
    @TempDir
    Path folder;

    @Test
    void migratesAnEmptyFileToTheLatestVersion() {
        Path file = folder.resolve("new/deeper/warehouse.duckdb");
        try (Warehouse warehouse = Warehouse.openForWriting(file)) {
            assertEquals("0", warehouse.migration().fromVersion());
            assertEquals(SchemaVersion.latestKnown(), warehouse.migration().toVersion());
            assertTrue(warehouse.migration().executed() >= 7, "all versioned migrations and the views ran");
            assertEquals(SchemaVersion.latestKnown(), SchemaVersion.applied(warehouse.dsl()));
        }
        assertTrue(Files.isRegularFile(file), "the missing folders were created");
    }

    @Test
    void migratingTwiceIsANoOp() {
        Path file = TestWarehouses.migrated(folder);
        try (Warehouse warehouse = Warehouse.openForWriting(file)) {
            assertEquals(0, warehouse.migration().executed());
            assertFalse(warehouse.migration().changed());
            assertEquals(22, warehouse.dsl().fetchCount(DIM_REGION), "reference data not inserted twice");
        }
    }

    @Test
    void aWarehouseWithOlderViewsIsSentToInitThenReadsAgain() {
        Path file = TestWarehouses.migrated(folder);
        try (Warehouse warehouse = Warehouse.openForWriting(file)) {
            warehouse.dsl().execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE script = 'R__200_mart_agreement.sql'");
        }
        WarehouseException stale = assertThrows(WarehouseException.class, () -> Warehouse.openReadOnly(file));
        assertTrue(stale.getMessage().contains("R__200_mart_agreement.sql") && stale.getMessage().contains("Run `lagesbild init`"),
                stale.getMessage());
        try (Warehouse warehouse = Warehouse.openForWriting(file)) {
            assertEquals(1, warehouse.migration().executed(), "init re-creates exactly the changed views");
        }
        try (Warehouse warehouse = Warehouse.openReadOnly(file)) {
            assertEquals(0, warehouse.dsl().fetchCount(DSL.table("mart_agreement_condition")),
                    "the re-created view reads; no agreement rules are loaded in a new warehouse (they are a source since V15)");
        }
    }

    @Test
    void refusesAFileFromANewerBuildAndLeavesItUntouched() throws Exception {
        Path file = TestWarehouses.migrated(folder);
        try (Warehouse warehouse = Warehouse.openForWriting(file)) {
            warehouse.dsl().insertInto(DSL.table(DSL.name("flyway_schema_history")))
                    .columns(DSL.field(DSL.name("installed_rank")), DSL.field(DSL.name("version")),
                            DSL.field(DSL.name("description")), DSL.field(DSL.name("type")), DSL.field(DSL.name("script")),
                            DSL.field(DSL.name("installed_by")), DSL.field(DSL.name("execution_time")),
                            DSL.field(DSL.name("success")))
                    .values(999, "999", "from the future", "SQL", "V999__future.sql", "test", 0, true)
                    .execute();
        }
        byte[] before = Files.readAllBytes(file);

        WarehouseException writing = assertThrows(WarehouseException.class, () -> Warehouse.openForWriting(file));
        assertTrue(writing.getMessage().contains(file.toString()), writing.getMessage());
        assertTrue(writing.getMessage().contains("schema version 999"), writing.getMessage());
        assertTrue(writing.getMessage().contains("newer Lägesbild"), writing.getMessage());
        WarehouseException reading = assertThrows(WarehouseException.class, () -> Warehouse.openReadOnly(file));
        assertTrue(reading.getMessage().contains("schema version 999"), reading.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file), "the file was not changed");
    }

    @Test
    void readOnlyOpenOfAMissingFileSaysToInitAndCreatesNothing() {
        Path file = folder.resolve("missing/warehouse.duckdb");
        WarehouseException e = assertThrows(WarehouseException.class, () -> Warehouse.openReadOnly(file));
        assertTrue(e.getMessage().contains("No warehouse at " + file), e.getMessage());
        assertTrue(e.getMessage().contains("lagesbild init"), e.getMessage());
        assertFalse(Files.exists(file.getParent()), "nothing was created");
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws Exception {
        Path blocker = Files.writeString(folder.resolve("plain-file"), "not a folder");
        Path file = blocker.resolve("sub/warehouse.duckdb");
        WarehouseException e = assertThrows(WarehouseException.class, () -> Warehouse.openForWriting(file));
        assertTrue(e.getMessage().contains("Cannot create the folder " + file.getParent()), e.getMessage());
        assertTrue(e.getMessage().contains("--db"), e.getMessage());
    }

    @Test
    void aFileThatIsNotADatabaseIsNamed() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.duckdb"), "just some text, not DuckDB");
        WarehouseException e = assertThrows(WarehouseException.class, () -> Warehouse.openForWriting(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("just some text, not DuckDB", Files.readString(file), "the file was not changed");
    }
}
