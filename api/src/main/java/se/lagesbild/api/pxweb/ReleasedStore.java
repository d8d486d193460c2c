package se.lagesbild.api.pxweb;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * vintage, every indicator is computed in the background, one at a time (on the demo data about
 * 50 s for all 21, 372 000 cells); a request for an indicator not yet computed computes it first
 * and waits for it. Only released values are held: disclosure control is applied over each
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
    private volatile Generation current;

    private record Generation(int number, Map<String, CompletableFuture<Cube>> cubes) {
    }

    public ReleasedStore(ServedWarehouse served, Consumer<String> log) {
        this.served = served;
        this.log = log;
        this.current = new Generation(served.view().generation(), new ConcurrentHashMap<>());
    }

    /** Starts computing every indicator of the vintage served now, in the background. */
    public void warm() {
        Generation g = generation();
        long start = System.nanoTime();
        for (String code : served.view().catalog().indicators().keySet()) {
            future(g, code);
        }
        CompletableFuture.allOf(g.cubes().values().toArray(CompletableFuture[]::new)).thenRun(() -> log.accept(String.format(
                java.util.Locale.ROOT, "PxWebApi 2: every released value of %d indicators ready in %.1f s (vintage %d)", g.cubes().size(),
                (System.nanoTime() - start) / 1e9, served.view().catalog().maxBatchId())));
    }

    /** Whether every indicator of the vintage served now is computed. */
    public boolean ready() {
        Generation g = generation();
        return g.cubes().size() == served.view().catalog().indicators().size() && g.cubes().values().stream().allMatch(f -> f.isDone());
    }

    /** The released values of {@code indicator} in the vintage served now, computing them first if needed. */
    public Cube cube(Indicator indicator) {
        try {
            return future(generation(), indicator.code()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private CompletableFuture<Cube> future(Generation g, String code) {
        return g.cubes().computeIfAbsent(code, c -> CompletableFuture.supplyAsync(() -> build(c), builder));
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

    private Cube build(String code) {
        try (ServedWarehouse.Lease lease = served.lease(null)) {
            Indicator indicator = lease.catalog().indicators().get(code);
            return Cube.of(indicator, Released.values(lease.warehouse(), code, CellFilter.all(), CONFIDENCE));
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }

    /** One indicator's released values by cell. */
    public static final class Cube {
        private final Indicator indicator;
        private final Map<String, ReleasedValue> cells;
        private final java.util.Set<String> periods = new java.util.TreeSet<>();
        private final java.util.Set<String> geos = new java.util.HashSet<>();
        private final java.util.Set<String> diagnoses = new java.util.HashSet<>();
        private final java.util.Set<String> ages = new java.util.HashSet<>();
        private final java.util.Set<String> sexes = new java.util.HashSet<>();

        private Cube(Indicator indicator, Map<String, ReleasedValue> cells) {
            this.indicator = indicator;
            this.cells = cells;
        }

        static Cube of(Indicator indicator, java.util.List<ReleasedValue> values) {
            Map<String, ReleasedValue> cells = new java.util.HashMap<>(values.size() * 2);
            Cube cube = new Cube(indicator, cells);
            for (ReleasedValue v : values) {
                var c = v.cell();
                cells.put(key(c.periodCode(), c.geoCode(), c.diagnosisCode(), String.valueOf(c.sexCode()), c.ageGroupCode()), v);
                cube.periods.add(c.periodCode());
                cube.geos.add(c.geoCode());
                cube.diagnoses.add(c.diagnosisCode());
                cube.ages.add(c.ageGroupCode());
                cube.sexes.add(String.valueOf(c.sexCode()));
            }
            return cube;
        }

        static String key(String period, String geo, String diagnosis, String sex, String age) {
            return period + '|' + geo + '|' + diagnosis + '|' + sex + '|' + age;
        }

        public Indicator indicator() {
            return indicator;
        }

        /** The released value of one cell, or null when the indicator has none there. */
        public ReleasedValue get(String period, String geo, String diagnosis, String sex, String age) {
            return cells.get(key(period, geo, diagnosis, sex, age));
        }

        public java.util.Set<String> periods() {
            return periods;
        }

        public java.util.Set<String> geos() {
            return geos;
        }

        public java.util.Set<String> diagnoses() {
            return diagnoses;
        }

        public java.util.Set<String> ages() {
            return ages;
        }

        public java.util.Set<String> sexes() {
            return sexes;
        }

        public int size() {
            return cells.size();
        }
    }
}
