package se.lagesbild.warehouse.schema;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Schema versions: the newest one this build's migrations define, and the one a warehouse file
 * has (from Flyway's history table). A file's version can be older (run {@code init} to upgrade),
 * equal, or newer (made by a newer Lägesbild: refused, never downgraded).
 */
public final class SchemaVersion {
    private static final Table<?> HISTORY = DSL.table(DSL.name("flyway_schema_history"));
    private static final Field<String> VERSION = DSL.field(DSL.name("version"), String.class);
    private static final Field<Boolean> SUCCESS = DSL.field(DSL.name("success"), Boolean.class);
    private static final Field<String> SCRIPT = DSL.field(DSL.name("script"), String.class);
    private static final Field<Integer> CHECKSUM = DSL.field(DSL.name("checksum"), Integer.class);
    private static final Field<Integer> RANK = DSL.field(DSL.name("installed_rank"), Integer.class);
    private static volatile String latestKnown;
    private static volatile Map<String, Integer> viewChecksums;

    private SchemaVersion() {
    }

    /** The newest versioned migration in this build, e.g. "7". */
    public static String latestKnown() {
        String known = latestKnown;
        if (known == null) {
            // Flyway resolves this build's migrations against an empty in-memory database.
            MigrationInfo[] pending = SchemaMigrator.flyway("jdbc:duckdb:").info().pending();
            known = Arrays.stream(pending)
                    .map(MigrationInfo::getVersion)
                    .filter(v -> v != null)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElseThrow(() -> new IllegalStateException("No migrations on the classpath (lagesbild-sql missing?)"));
            latestKnown = known;
        }
        return known;
    }

    /** This build's repeatable migrations (the views), script → Flyway checksum. */
    static Map<String, Integer> viewChecksums() {
        Map<String, Integer> known = viewChecksums;
        if (known == null) {
            known = new TreeMap<>();
            for (MigrationInfo info : SchemaMigrator.flyway("jdbc:duckdb:").info().pending()) {
                if (info.getVersion() == null) {
                    known.put(info.getScript(), info.getChecksum());
                }
            }
            viewChecksums = known;
        }
        return known;
    }

    /** The views' scripts whose applied version differs from this build's, or that were never applied. */
    static List<String> staleViews(DSLContext dsl) {
        Map<String, Integer> applied = new TreeMap<>();
        dsl.select(SCRIPT, CHECKSUM).from(HISTORY).where(VERSION.isNull().and(SUCCESS.isTrue())).orderBy(RANK)
                .forEach(r -> applied.put(r.value1(), r.value2()));
        return viewChecksums().entrySet().stream().filter(e -> !e.getValue().equals(applied.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    /** The schema version a warehouse has, or "0" when it has no Lägesbild schema yet. */
    public static String applied(DSLContext dsl) {
        boolean hasHistory = dsl.fetchExists(DSL.selectOne()
                .from(DSL.table(DSL.name("information_schema", "tables")))
                .where(DSL.field(DSL.name("table_name"), String.class).eq("flyway_schema_history")));
        if (!hasHistory) {
            return "0";
        }
        return dsl.select(VERSION).from(HISTORY)
                .where(VERSION.isNotNull().and(SUCCESS.isTrue()))
                .fetch(VERSION).stream()
                .map(MigrationVersion::fromVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("0");
    }

    /** Returns the file's version, or throws if a newer build made it. */
    public static String requireNotNewer(DSLContext dsl, Path file) {
        String applied = applied(dsl);
        String known = latestKnown();
        if (MigrationVersion.fromVersion(applied).isNewerThan(known)) {
            throw new WarehouseException("The warehouse " + file + " has schema version " + applied
                    + ", newer than this Lägesbild knows (" + known + "). Use a newer Lägesbild with it,"
                    + " or choose another file with --db; it was not changed.");
        }
        return applied;
    }

    /** Throws unless the file has exactly this build's schema version. */
    public static void requireCurrent(DSLContext dsl, Path file) {
        String applied = requireNotNewer(dsl, file);
        if (applied.equals("0")) {
            throw new WarehouseException(file + " is not a Lägesbild warehouse (it has no schema history)."
                    + " Run `lagesbild init` to create one, or choose the right file with --db.");
        }
        if (!applied.equals(latestKnown())) {
            throw new WarehouseException("The warehouse " + file + " has schema version " + applied + "; this Lägesbild needs "
                    + latestKnown() + ". Run `lagesbild init` to upgrade it (nothing is lost).");
        }
        List<String> stale = staleViews(dsl);
        if (!stale.isEmpty()) {
            throw new WarehouseException("The warehouse " + file + " lacks the current version of " + stale.size() + " view script(s) of this"
                    + " Lägesbild (" + String.join(", ", stale) + "). Run `lagesbild init` to update them (nothing is lost).");
        }
    }
}
