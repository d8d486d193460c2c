package se.lagesbild.warehouse.schema;

import java.nio.file.Path;
import java.sql.Connection;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Brings a warehouse file's schema up to date with the Flyway migrations in {@code sql/}
 * (versioned tables and reference data in {@code migration/}, repeatable views in {@code views/}).
 * Each migration runs in its own transaction; a failing one leaves the schema as it was before it.
 */
public final class SchemaMigrator {
    static final String[] LOCATIONS = {"classpath:lagesbild/sql/migration", "classpath:lagesbild/sql/views"};

    private SchemaMigrator() {
    }

    /**
     * Migrates the database behind {@code connection} (the file {@code file}). Refuses, and
     * changes nothing, when the file was migrated by a newer build.
     *
     * @return the versions before and after and how many migrations ran (0 when up to date)
     */
    public static MigrationOutcome migrate(Connection connection, Path file) {
        String before = SchemaVersion.requireNotNewer(DSL.using(connection, SQLDialect.DUCKDB), file);
        try {
            MigrateResult result = flyway("jdbc:duckdb:" + file).migrate();
            return new MigrationOutcome(before, SchemaVersion.latestKnown(), result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new WarehouseException("Migrating the warehouse " + file + " failed and was rolled back: "
                    + e.getMessage().lines().findFirst().orElse("") + ". Report this with the file's schema version (lagesbild status).", e);
        }
    }

    static Flyway flyway(String url) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(url, null, null)
                .locations(LOCATIONS)
                .loggers("slf4j")
                .cleanDisabled(true)
                .load();
    }

    /**
     * What a migration did.
     *
     * @param fromVersion schema version before ("0" for a new file)
     * @param toVersion   schema version after
     * @param executed    migrations applied, versioned and repeatable
     */
    public record MigrationOutcome(String fromVersion, String toVersion, int executed) {
        public boolean changed() {
            return executed > 0;
        }
    }
}
