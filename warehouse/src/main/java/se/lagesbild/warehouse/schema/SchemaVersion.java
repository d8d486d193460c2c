package se.lagesbild.warehouse.schema;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
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
    private static volatile Known known;

    private SchemaVersion() {
    }

    /** This build's migrations: the newest versioned one and the repeatable ones (views) by script → checksum. */
    private record Known(String latest, Map<String, Integer> viewChecksums) {
    }

    /**
     * Resolved once per process: Flyway reads this build's migrations against an empty in-memory
     * database, and every open after the first uses the result.
     */
    private static Known known() {
        Known resolved = known;
        if (resolved == null) {
            MigrationInfo[] pending = SchemaMigrator.flyway("jdbc:duckdb:").info().pending();
            String latest = Arrays.stream(pending)
                    .map(MigrationInfo::getVersion)
                    .filter(v -> v != null)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElseThrow(() -> new IllegalStateException("No migrations on the classpath (lagesbild-sql missing?)"));
            TreeMap<String, Integer> views = new TreeMap<>();
            Arrays.stream(pending).filter(info -> info.getVersion() == null).forEach(info -> views.put(info.getScript(), info.getChecksum()));
            resolved = new Known(latest, Collections.unmodifiableSortedMap(views));
            known = resolved;
        }
        return resolved;
    }

    /** The newest versioned migration in this build, e.g. "7". */
    public static String latestKnown() {
        return known().latest();
    }

    /** The views' scripts whose applied version differs from this build's, or that were never applied. */
    static List<String> staleViews(DSLContext dsl) {
        Map<String, Integer> applied = new TreeMap<>();
        dsl.select(SCRIPT, CHECKSUM).from(HISTORY).where(VERSION.isNull().and(SUCCESS.isTrue())).orderBy(RANK)
                .forEach(r -> applied.put(r.value1(), r.value2()));
        return known().viewChecksums().entrySet().stream().filter(e -> !e.getValue().equals(applied.get(e.getKey())))
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
