package se.lagesbild.warehouse.snapshots;

import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.SNAPSHOT;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;

/**
 * Named, immutable snapshots: a published figure is computed "as of" one, so it comes out the
 * same however many vintages are loaded later. A snapshot is the highest batch id it includes;
 * {@link #asOf} makes every staging view (and so every mart and indicator) answer as the
 * warehouse stood then, {@link #current} makes them answer with the newest data again. Both work
 * on a read-only warehouse; they hold for that connection only.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * A fingerprint of the batches visible now (count, largest id and sum of ids, respecting an
     * as-of snapshot): results computed from the warehouse are the same for the same fingerprint,
     * so they can be kept (disclosure patterns, survival cells).
     */
    public static String stateKey(Warehouse warehouse) {
        return stateKey(warehouse, null);
    }

    /**
     * The same fingerprint over the batches of {@code sources} only (every source when null): a result
     * computed from those sources alone stays the same when a batch of another source is loaded,
     * unloaded or left out by a snapshot (the baseline as published differs from this year's data by
     * the pathways delivered again, not by the registers behind survival).
     */
    public static String stateKey(Warehouse warehouse, java.util.Collection<String> sources) {
        var visible = LOAD_BATCH.BATCH_ID.le(DSL.coalesce(DSL.field("getvariable('lagesbild_max_batch')", Long.class),
                DSL.inline(Long.MAX_VALUE)));
        var condition = sources == null ? visible : visible.and(LOAD_BATCH.SOURCE.in(sources));
        var r = warehouse.dsl().select(DSL.count(), DSL.max(LOAD_BATCH.BATCH_ID), DSL.sum(LOAD_BATCH.BATCH_ID))
                .from(LOAD_BATCH).where(condition).fetchOne();
        return r.value1() + ":" + r.value2() + ":" + r.value3() + (sources == null ? "" : ":" + new java.util.TreeSet<>(sources));
    }

    /** Creates snapshot {@code name} of everything loaded now; a name can be used once. */
    public static SnapshotRecord create(Warehouse warehouse, String name, String description) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new WarehouseException("A snapshot name is letters, digits, '.', '_' or '-' (at most 64), such as baseline-2026; not '"
                    + name + "'.");
        }
        if (warehouse.dsl().fetchExists(SNAPSHOT, SNAPSHOT.SNAPSHOT_NAME.eq(name))) {
            throw new WarehouseException("The snapshot " + name + " exists already; snapshots never change. Choose another name.");
        }
        Long max = warehouse.dsl().select(DSL.max(LOAD_BATCH.BATCH_ID)).from(LOAD_BATCH).fetchOne().value1();
        if (max == null) {
            throw new WarehouseException("Nothing is loaded yet, so there is nothing to snapshot. Load data first.");
        }
        return warehouse.dsl().insertInto(SNAPSHOT).set(SNAPSHOT.SNAPSHOT_NAME, name).set(SNAPSHOT.DESCRIPTION, description)
                .set(SNAPSHOT.MAX_BATCH_ID, max).returning().fetchOne();
    }

    public static List<SnapshotRecord> list(Warehouse warehouse) {
        return warehouse.dsl().selectFrom(SNAPSHOT).orderBy(SNAPSHOT.CREATED_AT, SNAPSHOT.SNAPSHOT_NAME).fetch();
    }

    /** The snapshot called {@code name}; refused with the names there are when there is none. */
    public static SnapshotRecord named(Warehouse warehouse, String name) {
        SnapshotRecord snapshot = warehouse.dsl().fetchOne(SNAPSHOT, SNAPSHOT.SNAPSHOT_NAME.eq(name));
        if (snapshot == null) {
            List<String> names = list(warehouse).stream().map(SnapshotRecord::getSnapshotName).toList();
            throw new WarehouseException("There is no snapshot '" + name + "'. " + (names.isEmpty()
                    ? "None has been taken yet (lagesbild snapshot NAME takes one)." : "Snapshots: " + String.join(", ", names) + "."));
        }
        return snapshot;
    }

    /** Makes this connection answer as of snapshot {@code name}. */
    public static SnapshotRecord asOf(Warehouse warehouse, String name) {
        SnapshotRecord snapshot = named(warehouse, name);
        pin(warehouse, snapshot.getMaxBatchId());
        return snapshot;
    }

    /** Makes this connection answer with the newest vintages again. */
    public static void current(Warehouse warehouse) {
        pin(warehouse, null);
    }

    /** The highest batch this connection answers as of now: a snapshot's, or null for the newest vintages. */
    public static Long pinned(Warehouse warehouse) {
        try (Statement statement = warehouse.connection().createStatement();
             var rs = statement.executeQuery("SELECT getvariable('lagesbild_max_batch')")) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? null : max;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read which snapshot the connection answers as of: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} as of snapshot {@code name} and then makes the connection answer as it did
     * before (as of the snapshot it was pinned to, or with the newest vintages), even when the work fails.
     */
    public static <T> T during(Warehouse warehouse, String name, java.util.function.Supplier<T> work) {
        Long before = pinned(warehouse);
        asOf(warehouse, name);
        try {
            return work.get();
        } finally {
            pin(warehouse, before);
        }
    }

    /** The snapshot that includes batch {@code batchId}, if any (such a batch must stay). */
    public static SnapshotRecord including(Warehouse warehouse, long batchId) {
        return warehouse.dsl().selectFrom(SNAPSHOT).where(SNAPSHOT.MAX_BATCH_ID.ge(batchId)).orderBy(SNAPSHOT.MAX_BATCH_ID).limit(1).fetchOne();
    }

    /** Makes this connection answer as of batch {@code maxBatch} (null: the newest vintages); {@link #pinned} reads it back. */
    private static void pin(Warehouse warehouse, Long maxBatch) {
        execute(warehouse, maxBatch == null ? "RESET VARIABLE lagesbild_max_batch" : "SET VARIABLE lagesbild_max_batch = " + maxBatch);
    }

    private static void execute(Warehouse warehouse, String sql) {
        try (Statement statement = warehouse.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
