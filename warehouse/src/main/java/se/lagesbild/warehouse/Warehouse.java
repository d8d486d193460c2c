package se.lagesbild.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.schema.SchemaMigrator;
import se.lagesbild.warehouse.schema.SchemaVersion;

/**
 * An open Lägesbild warehouse: one DuckDB database file and a jOOQ context on it.
 *
 * <p>{@link #openReadOnly} never changes the file and fails if it does not exist, is in use by a
 * writer, or has a schema other than the one this build knows. {@link #openForWriting} creates
 * the file (and its folders) if needed and brings the schema up to date first. Close it to
 * release DuckDB's file lock.
 */
public final class Warehouse implements AutoCloseable {
    /** The default database file, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("data", "lagesbild.duckdb");

    private final Path file;
    private final Connection connection;
    private final DSLContext dsl;
    private SchemaMigrator.MigrationOutcome migration;

    private Warehouse(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.DUCKDB);
    }

    /**
     * Opens an existing warehouse without changing it.
     *
     * @throws WarehouseException if the file is missing, locked by a writer, not migrated to this
     *                            build's schema version, or of a newer version
     */
    public static Warehouse openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new WarehouseException("No warehouse at " + absolute + ". Run `lagesbild init` (with the same --db)"
                    + " to create it, or choose an existing file with --db.");
        }
        Warehouse warehouse = connect(absolute, true);
        try {
            SchemaVersion.requireCurrent(warehouse.dsl(), absolute);
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    /**
     * Opens a warehouse for loading, creating the file and its folders when missing and applying
     * any pending migrations first.
     *
     * @throws WarehouseException if the folder cannot be created, the file is in use, or its
     *                            schema is newer than this build knows
     */
    public static Warehouse openForWriting(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isRegularFile(absolute)) {
            // Look before writing: a file from a newer build, or one in use, stays untouched.
            try (Warehouse existing = connect(absolute, true)) {
                SchemaVersion.requireNotNewer(existing.dsl(), absolute);
            }
        }
        Warehouse warehouse = connect(prepareFolder(absolute), false);
        try {
            warehouse.migration = SchemaMigrator.migrate(warehouse.connection, absolute);
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    private static Path prepareFolder(Path file) {
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            throw new WarehouseException(file + " is a folder, not a database file. Give a file name with --db, for example "
                    + file.resolve("lagesbild.duckdb") + ".");
        }
        try {
            Files.createDirectories(folder);
        } catch (Exception e) {
            throw new WarehouseException("Cannot create the folder " + folder + " for the warehouse " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Choose a writable place with --db.", e);
        }
        if (!Files.isWritable(folder)) {
            throw new WarehouseException("The folder " + folder + " is not writable, so the warehouse " + file
                    + " cannot be created there. Choose a writable place with --db.");
        }
        return file;
    }

    /**
     * DuckDB's memory limit for every warehouse connection: {@code LAGESBILD_MEMORY_LIMIT} (a DuckDB
     * size such as "2GB"), else 4 GB. Beyond it DuckDB spills to a temporary folder beside the file or
     * stops the statement with an out-of-memory error, so no input grows the process without bound.
     */
    public static String memoryLimit() {
        String given = System.getenv("LAGESBILD_MEMORY_LIMIT");
        return given == null || !given.strip().matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)") ? "4GB" : given.strip();
    }

    private static Warehouse connect(Path file, boolean readOnly) {
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        java.sql.Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
        } catch (SQLException e) {
            throw DuckDbErrors.onOpen(file, e);
        }
        // a setting of the open database, not of the connection: Flyway's own connection must match the configuration
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET memory_limit = '" + memoryLimit() + "'");
        } catch (SQLException e) {
            throw new WarehouseException("Cannot set DuckDB's memory limit to " + memoryLimit() + " (LAGESBILD_MEMORY_LIMIT): "
                    + e.getMessage(), e);
        }
        return new Warehouse(file, connection);
    }

    /**
     * A second connection to the same open database, for another thread: DuckDB connections are
     * not shared between threads, and a snapshot chosen with {@code Snapshots.asOf} holds for one
     * connection only. Close it as any warehouse; the database stays open while any connection is.
     */
    public Warehouse duplicate() {
        try {
            return new Warehouse(file, connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate());
        } catch (SQLException e) {
            throw new WarehouseException("Cannot open another connection to " + file + ": " + e.getMessage(), e);
        }
    }

    /** What opening for writing migrated; null for a read-only warehouse. */
    public SchemaMigrator.MigrationOutcome migration() {
        return migration;
    }

    public Path file() {
        return file;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The JDBC connection, for DuckDB-specific work such as the Appender or table functions. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Closing " + file + " failed: " + e.getMessage(), e);
        }
    }
}
