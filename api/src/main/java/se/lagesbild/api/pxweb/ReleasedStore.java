package se.lagesbild.api.pxweb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import se.lagesbild.api.Catalog;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * Every released value of every indicator, computed once per served vintage and then looked up:
 * the PxWebApi 2 routes answer any selection from memory, so a question never asked before costs a
 * lookup, not a run of the engine and disclosure control. When the server starts or serves a new
 * vintage, every indicator is computed in the background, one at a time (on the demo data 23–27 s
 * for all 21, 372 000 cells); a request for an indicator not yet computed computes it on its own
 * thread at once, not behind the others. Only released values are held: disclosure control is applied over each
 * indicator's whole family before anything is stored ({@link Released#values}).
 */
public final class ReleasedStore implements ReleasedValues {
    /** Intervals of the released values. */
    public static final Confidence CONFIDENCE = Confidence.NINETY_FIVE;

    private final ServedWarehouse served;
    private final Consumer<String> log;
    private final ExecutorService builder;
    /** The vintage served now: its cubes, computed or being computed. */
    private volatile Generation current;
    /** The newest generation with every cube computed, answered from while a newer one is computed; null until one is. */
    private volatile Generation complete;

    private record Generation(int number, Map<String, FutureTask<Cube>> cubes) {
    }

    public ReleasedStore(ServedWarehouse served, Consumer<String> log) {
        this.served = served;
        this.log = log;
        // tables computed at once: one per core, each on a connection leased from the served copy, leaving one for requests
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), served.connections() - 1));
        this.builder = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lagesbild-released-store");
            t.setDaemon(true);
            return t;
        });
        this.current = new Generation(served.view().generation(), new ConcurrentHashMap<>());
    }

    /**
     * Every table of the served vintage as (indicator code, population dimension or null): each
     * indicator, then each indicator whose sources carry population groups once per dimension
     * ({@link PxTableId}).
     */
    public static List<PxTableId> tableIds(Catalog catalog) {
        List<PxTableId> ids = new ArrayList<>();
        catalog.indicators().values().forEach(i -> ids.add(new PxTableId(i, null)));
        for (String code : catalog.groupedIndicators()) {
            catalog.populationDimensions().forEach(d -> ids.add(new PxTableId(catalog.indicators().get(code), d)));
        }
        return ids;
    }

    @Override
    public Catalog catalog() {
        return served.catalog();
    }

    @Override
    public String describe() {
        return served.source().toString();
    }

    /** How the log line that says every table is computed begins (benchmark-report waits for it). */
    public static final String READY = "PxWebApi 2: every released value of";

    /**
     * Starts computing every table of the vintage served now, in the background, one per core; the
     * line that says all are ready is written by a task queued after them all.
     */
    @Override
    public void warm() {
        Generation g = generation();
        long start = System.nanoTime();
        List<FutureTask<Cube>> tasks = new ArrayList<>();
        for (PxTableId id : tableIds(served.view().catalog())) {
            FutureTask<Cube> task = task(g, id);
            tasks.add(task);
            builder.execute(task);
        }
        builder.execute(() -> {
            for (FutureTask<Cube> t : tasks) {
                try {
                    t.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    log.accept("PxWebApi 2: an indicator could not be precomputed: " + e.getCause());
                }
            }
            synchronized (this) {
                if (complete == null || complete.number() < g.number()) {
                    complete = g; // answers move to this vintage; the one before is let go
                }
            }
            log.accept(String.format(java.util.Locale.ROOT, READY + " %d tables ready in %.1f s (vintage %d)",
                    tasks.size(), (System.nanoTime() - start) / 1e9, served.view().catalog().maxBatchId()));
        });
    }

    /** Whether every table of the vintage served now is computed. */
    @Override
    public boolean ready() {
        Generation g = generation();
        return g.cubes().size() == tableIds(served.view().catalog()).size() && g.cubes().values().stream().allMatch(FutureTask::isDone);
    }

    /**
     * The released values of a table in the vintage served now. One not yet computed is computed on
     * the asking thread (not behind the others waiting in the background); one being computed is
     * waited for.
     */
    @Override
    public Cube cube(PxTableId id) {
        Generation g = generation();
        FutureTask<Cube> task = task(g, id);
        Cube previous = task.isDone() ? null : previous(g, id.id());
        if (previous != null) {
            return previous; // the vintage before, until this one's values are all computed in the background
        }
        task.run(); // does nothing when it has run or is running
        return await(task, "the released values of " + id.id() + " were computed");
    }

    /** The cube of the last complete generation when it is older than {@code g} and has {@code code}, else null. */
    private Cube previous(Generation g, String code) {
        Generation done = complete;
        if (done == null || done.number() == g.number()) {
            return null;
        }
        return finished(done.cubes().get(code));
    }

    /** The cube of a task that has finished, or null (none, still running, or failed); never waits. */
    private static Cube finished(FutureTask<Cube> task) {
        if (task == null || !task.isDone()) {
            return null;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /**
     * The table's cube when it is already computed for vintage {@code batch} (the newest batch of
     * the copy being answered from), else null: never computed or waited for here.
     */
    public Cube computed(PxTableId id, long batch) {
        Cube cube = finished(current.cubes().get(id.id()));
        return cube != null && cube.batch() == batch ? cube : null;
    }

    @Override
    public boolean newerBeingComputed(Cube cube) {
        return cube.batch() < served.view().catalog().maxBatchId();
    }

    private FutureTask<Cube> task(Generation g, PxTableId id) {
        return g.cubes().computeIfAbsent(id.id(), c -> new FutureTask<>(() -> build(id)));
    }

    /** The generation served now; a new vintage starts an empty one (and warms it). */
    private Generation generation() {
        Generation g = current;
        int now = served.view().generation();
        if (g.number() != now) {
            synchronized (this) {
                if (current.number() != now) {
                    current = new Generation(now, new ConcurrentHashMap<>());
                    builder.execute(this::warm);
                }
                g = current;
            }
        }
        return g;
    }

    private Cube build(PxTableId id) {
        try (ServedWarehouse.Lease lease = served.lease(null)) {
            return cube(id, values(lease.warehouse(), lease.catalog(), id), lease.catalog());
        }
    }

    /**
     * Every released value of one table, computed from {@code warehouse} (as of the snapshot its
     * connection is pinned to): an indicator's own table all of its cells; a group table the cells of
     * the dimension's groups and the cells they add up to (all ages; adults for survival), released in
     * one pattern.
     */
    public static List<ReleasedValue> values(se.lagesbild.warehouse.Warehouse warehouse, Catalog catalog, PxTableId id) {
        return Released.values(warehouse, id.indicator().code(), filter(catalog, id), CONFIDENCE);
    }

    /**
     * Keeps every table's released values in the warehouse ({@code marts}), so a server's store and
     * a release read them instead of computing them, one table per core; {@code progress} hears each
     * table computed.
     */
    public static void keep(se.lagesbild.warehouse.Warehouse warehouse, java.util.function.BiConsumer<String, Double> progress) {
        Catalog catalog = Catalog.read(warehouse);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lagesbild-keep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> tables = new ArrayList<>();
            for (PxTableId id : tableIds(catalog)) {
                tables.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    try (var connection = warehouse.duplicate()) { // one table per core, each on a connection of its own
                        if (Released.keep(connection, id.indicator().code(), filter(catalog, id), CONFIDENCE)) {
                            synchronized (progress) {
                                progress.accept("released values of " + id.id(), (System.nanoTime() - start) / 1e9);
                            }
                        }
                    }
                }));
            }
            for (var table : tables) {
                await(table, "the released values were kept");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a table computed on another thread; its failure is the caller's, as if it had been computed on this one. */
    private static <T> T await(java.util.concurrent.Future<T> task, String happening) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + happening, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The cells of a table: an indicator's own, every cell; a group table's, the dimension's groups and the totals they add up to. */
    private static CellFilter filter(Catalog catalog, PxTableId id) {
        if (id.dimension() == null) {
            return CellFilter.all();
        }
        List<String> ages = new ArrayList<>(catalog.populationGroups().stream()
                .filter(m -> id.dimension().equals(m.detail().get("dimension"))).map(m -> m.code()).toList());
        ages.addAll(Cube.TOTALS);
        return CellFilter.all().ageGroups(ages.toArray(String[]::new));
    }

    /** The cube of one table from its released values ({@link #values}), of the vintage of {@code catalog}. */
    public static Cube cube(PxTableId id, List<ReleasedValue> values, Catalog catalog) {
        Indicator indicator = catalog.indicators().get(id.indicator().code());
        return id.dimension() == null ? Cube.of(indicator, values, catalog.maxBatchId(), catalog.newestLoad())
                : Cube.byGroup(indicator, id.dimension(), values, catalog.maxBatchId(), catalog.newestLoad());
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
