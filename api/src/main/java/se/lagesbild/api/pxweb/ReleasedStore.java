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
public final class ReleasedStore implements AutoCloseable {
    /** Intervals of the released values. */
    public static final Confidence CONFIDENCE = Confidence.NINETY_FIVE;

    private final ServedWarehouse served;
    private final Consumer<String> log;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lagesbild-released-store");
        t.setDaemon(true);
        return t;
    });
    /** The vintage served now: its cubes, computed or being computed. */
    private volatile Generation current;
    /** The newest generation with every cube computed, answered from while a newer one is computed; null until one is. */
    private volatile Generation complete;

    private record Generation(int number, Map<String, FutureTask<Cube>> cubes) {
    }

    public ReleasedStore(ServedWarehouse served, Consumer<String> log) {
        this.served = served;
        this.log = log;
        this.current = new Generation(served.view().generation(), new ConcurrentHashMap<>());
    }

    /**
     * Every table of the served vintage as (indicator code, population dimension or null): each
     * indicator, then each indicator whose sources carry population groups once per dimension
     * ({@link PxTableId}).
     */
    static List<PxTableId> tableIds(se.lagesbild.api.Catalog catalog) {
        List<PxTableId> ids = new ArrayList<>();
        catalog.indicators().values().forEach(i -> ids.add(new PxTableId(i, null)));
        for (String code : catalog.groupedIndicators()) {
            catalog.populationDimensions().forEach(d -> ids.add(new PxTableId(catalog.indicators().get(code), d)));
        }
        return ids;
    }

    /** Starts computing every table of the vintage served now, in the background, one after the other. */
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
            log.accept(String.format(java.util.Locale.ROOT, "PxWebApi 2: every released value of %d tables ready in %.1f s (vintage %d)",
                    tasks.size(), (System.nanoTime() - start) / 1e9, served.view().catalog().maxBatchId()));
        });
    }

    /** Whether every table of the vintage served now is computed. */
    public boolean ready() {
        Generation g = generation();
        return g.cubes().size() == tableIds(served.view().catalog()).size() && g.cubes().values().stream().allMatch(FutureTask::isDone);
    }

    /** The released values of {@code indicator}'s own table (by age group) in the vintage served now ({@link #cube(PxTableId)}). */
    public Cube cube(Indicator indicator) {
        return cube(new PxTableId(indicator, null));
    }

    /**
     * The released values of a table in the vintage served now. One not yet computed is computed on
     * the asking thread (not behind the others waiting in the background); one being computed is
     * waited for.
     */
    public Cube cube(PxTableId id) {
        Generation g = generation();
        FutureTask<Cube> task = task(g, id);
        Cube previous = task.isDone() ? null : previous(g, id.id());
        if (previous != null) {
            return previous; // the vintage before, until this one's values are all computed in the background
        }
        task.run(); // does nothing when it has run or is running
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the released values of " + id.id() + " were computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The cube of the last complete generation when it is older than {@code g} and has {@code code}, else null. */
    private Cube previous(Generation g, String code) {
        Generation done = complete;
        if (done == null || done.number() == g.number()) {
            return null;
        }
        FutureTask<Cube> old = done.cubes().get(code);
        if (old == null || !old.isDone()) {
            return null;
        }
        try {
            return old.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Whether a newer vintage than {@code cube}'s is being computed (answers still come from the cube's). */
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
            Indicator indicator = lease.catalog().indicators().get(id.indicator().code());
            if (id.dimension() == null) {
                return Cube.of(indicator, Released.values(lease.warehouse(), indicator.code(), CellFilter.all(), CONFIDENCE),
                        lease.catalog().maxBatchId(), lease.catalog().newestLoad());
            }
            // the dimension's groups and the cells they add up to (all ages; adults for survival), released in one pattern
            List<String> ages = new ArrayList<>(lease.catalog().populationGroups().stream()
                    .filter(m -> id.dimension().equals(m.detail().get("dimension"))).map(m -> m.code()).toList());
            ages.addAll(Cube.TOTALS);
            List<ReleasedValue> values = Released.values(lease.warehouse(), indicator.code(), CellFilter.all().ageGroups(ages.toArray(String[]::new)),
                    CONFIDENCE);
            return Cube.byGroup(indicator, id.dimension(), values, lease.catalog().maxBatchId(), lease.catalog().newestLoad());
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }

    /**
     * One indicator's released values by cell. Each dimension's codes are numbered, and a cell is
     * found by one lookup of a number made of its five codes' numbers: a selection numbers its codes
     * once ({@link #code}), then each cell costs a multiplication and a hash lookup ({@link #at}).
     */
    public static final class Cube {
        public static final int PERIOD = 0;
        public static final int GEO = 1;
        public static final int DIAGNOSIS = 2;
        public static final int SEX = 3;
        public static final int AGE = 4;

        /** A group table's code for the cell its groups add up to (the variable's elimination value). */
        public static final String TOTAL = "TOT";
        /** The cells a dimension's groups add up to, in the order one is chosen: all ages, else adults, else children. */
        static final List<String> TOTALS = List.of("ALL", "18+", "0-17");

        private final Indicator indicator;
        /** The population dimension of a group table (its AGE codes are the groups' codes and TOTAL), or null. */
        private final String dimension;
        private final long batch;
        private final java.time.Instant loaded;
        private final List<Map<String, Integer>> codes = new ArrayList<>();
        private final Map<Long, ReleasedValue> cells;
        private final Map<Object, Object> views = new ConcurrentHashMap<>();
        /** Periods with at least one value shown (not hidden, computed), and those with one for Riket. */
        private final Set<String> shown = new java.util.HashSet<>();
        private final Set<String> shownForRiket = new java.util.HashSet<>();

        private Cube(Indicator indicator, String dimension, int size, long batch, java.time.Instant loaded) {
            this.indicator = indicator;
            this.dimension = dimension;
            this.batch = batch;
            this.loaded = loaded;
            this.cells = new HashMap<>(size * 2);
            for (int d = 0; d <= AGE; d++) {
                codes.add(new HashMap<>());
            }
        }

        static Cube of(Indicator indicator, List<ReleasedValue> values, long batch, java.time.Instant loaded) {
            Cube cube = new Cube(indicator, null, values.size(), batch, loaded);
            values.forEach(v -> cube.put(v, v.cell().ageGroupCode()));
            return cube;
        }

        /**
         * A group table: the cells of {@code dimension}'s groups under the groups' own codes (FGY, SE,
         * Q1, ...), and the cell they add up to (the first of {@link #TOTALS} the values have) as
         * {@link #TOTAL}. Empty when the indicator's sources do not carry the dimension.
         */
        static Cube byGroup(Indicator indicator, String dimension, List<ReleasedValue> values, long batch, java.time.Instant loaded) {
            Cube cube = new Cube(indicator, dimension, values.size(), batch, loaded);
            String prefix = dimension + se.lagesbild.warehouse.indicators.EquityGroups.SEPARATOR;
            if (values.stream().noneMatch(v -> v.cell().ageGroupCode().startsWith(prefix))) {
                return cube;
            }
            java.util.Set<String> ages = new java.util.HashSet<>();
            values.forEach(v -> ages.add(v.cell().ageGroupCode()));
            String total = TOTALS.stream().filter(ages::contains).findFirst().orElse(null);
            for (ReleasedValue v : values) {
                String age = v.cell().ageGroupCode();
                if (age.startsWith(prefix)) {
                    cube.put(v, age.substring(prefix.length()));
                } else if (age.equals(total)) {
                    cube.put(v, TOTAL);
                }
            }
            return cube;
        }

        private void put(ReleasedValue v, String ageCode) {
            var c = v.cell();
            int p = number(PERIOD, c.periodCode());
            int g = number(GEO, c.geoCode());
            int d = number(DIAGNOSIS, c.diagnosisCode());
            int s = number(SEX, String.valueOf(c.sexCode()));
            int a = number(AGE, ageCode);
            cells.put(key(p, g, d, s, a), v);
            if (!v.suppressed() && !Double.isNaN(v.estimate().value())) {
                shown.add(c.periodCode());
                if (c.geoCode().equals("00")) {
                    shownForRiket.add(c.periodCode());
                }
            }
        }

        /** The population dimension of a group table, or null for the indicator's own table. */
        public String dimension() {
            return dimension;
        }

        /** The vintage the values are of: the newest load batch then. */
        public long batch() {
            return batch;
        }

        /** When that batch was loaded (UTC). */
        public java.time.Instant loaded() {
            return loaded;
        }

        /** Whether any value of {@code period} is shown (a period of only hidden or uncomputed cells is not offered). */
        public boolean shown(String period) {
            return shown.contains(period);
        }

        /** Whether Riket has a value shown in {@code period}. */
        public boolean shownForRiket(String period) {
            return shownForRiket.contains(period);
        }

        private int number(int dimension, String code) {
            return codes.get(dimension).computeIfAbsent(code, k -> codes.get(dimension).size());
        }

        /** Every dimension has fewer than 2^12 codes: five numbers fit one long. */
        private long key(int p, int g, int d, int s, int a) {
            return ((((long) p << 12 | g) << 12 | d) << 12 | s) << 12 | a;
        }

        public Indicator indicator() {
            return indicator;
        }

        /** The number of {@code code} in {@code dimension}, or -1 when the indicator has no cell with it. */
        public int code(int dimension, String code) {
            Integer n = codes.get(dimension).get(code);
            return n == null ? -1 : n;
        }

        /** The released value at the numbered codes, or null (also when any is -1). */
        public ReleasedValue at(int period, int geo, int diagnosis, int sex, int age) {
            if (period < 0 || geo < 0 || diagnosis < 0 || sex < 0 || age < 0) {
                return null;
            }
            return cells.get(key(period, geo, diagnosis, sex, age));
        }

        /** The codes of a dimension that have a cell. */
        public Set<String> codes(int dimension) {
            return codes.get(dimension).keySet();
        }

        public int size() {
            return cells.size();
        }

        /** A view of this cube made once and kept as long as the cube (a table's variables in one language, say). */
        @SuppressWarnings("unchecked")
        public <T> T view(Object key, java.util.function.Supplier<T> make) {
            return (T) views.computeIfAbsent(key, k -> make.get());
        }
    }
}
