package se.lagesbild.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.snapshots.Snapshots;

/**
 * The warehouse as the API serves it: a private, read-only copy of the database file, so a load in
 * another process can take the file's write lock while the API keeps answering from the vintage it
 * copied. The copy is taken while holding a read-only open of the original (so no writer is
 * half-way), and taken again when the original changes; requests already running finish on the
 * copy they started on, which is closed when the last of them is done.
 *
 * <p>Each copy has a pool of connections, one per request at a time (DuckDB connections are not
 * shared between threads, and a snapshot is chosen per connection).
 */
public final class ServedWarehouse implements AutoCloseable {
    private final Path source;
    private final Path folder;
    private final int connections;
    private final Consumer<String> log;
    private final AtomicInteger generations = new AtomicInteger();
    private volatile Generation current;
    private ScheduledExecutorService watcher;

    /**
     * Opens {@code source} for serving.
     *
     * @throws WarehouseException when the file is missing, in use by a writer, or of another schema
     */
    public ServedWarehouse(Path source, int connections, Consumer<String> log) {
        this.source = source.toAbsolutePath().normalize();
        this.connections = connections;
        this.log = log;
        if (!Files.isRegularFile(this.source)) {
            throw new WarehouseException("No warehouse at " + this.source + ". Run `lagesbild demo` or `lagesbild init` (with the same --db)"
                    + " to create it, or choose an existing file with --db.");
        }
        try {
            this.folder = Files.createTempDirectory("lagesbild-serve-");
            // registered before its files, so an exit (Ctrl-C too) deletes them first and then the folder
            folder.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new WarehouseException("Cannot create a temporary folder for the served copy of " + source + ": " + e.getMessage(), e);
        }
        Generation first = copy(stamp());
        if (first == null) {
            throw new WarehouseException("The warehouse " + this.source + " is being written by another process; serve it when the load"
                    + " has finished.");
        }
        current = first;
    }

    /** Checks the original every {@code seconds} and serves the new vintage once a load has finished. */
    public void watch(double seconds) {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lagesbild-vintage-watch");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, (long) (seconds * 1000));
        watcher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.accept("vintage watch: " + e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Serves the original's newest state if it changed and no writer holds it; returns whether it did. */
    public synchronized boolean refresh() {
        List<Long> stamp = stamp();
        if (stamp.equals(current.stamp)) {
            return false;
        }
        Generation next = copy(stamp);
        if (next == null) {
            return false;
        }
        Generation old = current;
        current = next;
        old.retire();
        log.accept("serving vintage " + next.catalog.currentVintage() + " (batch " + next.catalog.maxBatchId() + ") from " + source);
        return true;
    }

    /** The original file. */
    /** Connections in each copy's pool: requests (and tables being computed) answered at once. */
    public int connections() {
        return connections;
    }

    public Path source() {
        return source;
    }

    /** The catalog of the copy now served. */
    public Catalog catalog() {
        return current.catalog;
    }

    /** The copy now served: its number (a new one for each vintage) and its catalog, read together. */
    public View view() {
        Generation g = current;
        return new View(g.id, g.catalog);
    }

    public record View(int generation, Catalog catalog) {
    }

    /**
     * A connection to the served copy for one request, answering as of {@code snapshot} when not
     * null; close it when done. Waits up to 30 s for a free connection.
     */
    public Lease lease(String snapshot) {
        while (true) {
            Generation g = current;
            if (!g.enter()) {
                continue; // retired between reading and entering: take the new one
            }
            Warehouse w;
            try {
                w = g.pool.poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                g.leave(null);
                throw ApiProblem.unavailable("Interrupted while waiting for a connection.");
            }
            if (w == null) {
                g.leave(null);
                throw ApiProblem.unavailable("Every connection to the warehouse is busy; try again shortly.");
            }
            if (snapshot != null) {
                Snapshots.asOf(w, snapshot);
            }
            return new Lease(g, w, snapshot != null);
        }
    }

    /** One request's connection. */
    public static final class Lease implements AutoCloseable, Source {
        private final Generation generation;
        private final Warehouse warehouse;
        private final boolean snapshot;

        private Lease(Generation generation, Warehouse warehouse, boolean snapshot) {
            this.generation = generation;
            this.warehouse = warehouse;
            this.snapshot = snapshot;
        }

        @Override
        public Warehouse warehouse() {
            return warehouse;
        }

        @Override
        public Catalog catalog() {
            return generation.catalog;
        }

        /** None: a lease computes from the warehouse. */
        @Override
        public se.lagesbild.api.pxweb.ReleasedValues release() {
            return null;
        }

        /** Identifies the copy (a new one for each vintage served). */
        public int generation() {
            return generation.id;
        }

        @Override
        public void close() {
            if (snapshot) {
                Snapshots.current(warehouse);
            }
            generation.leave(warehouse);
        }
    }

    private List<Long> stamp() {
        try {
            Path wal = source.resolveSibling(source.getFileName() + ".wal");
            return List.of(Files.size(source), Files.getLastModifiedTime(source).toMillis(),
                    Files.exists(wal) ? Files.size(wal) : -1L, Files.exists(wal) ? Files.getLastModifiedTime(wal).toMillis() : -1L);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + source + ": " + e.getMessage() + ". Check the path given with --db.", e);
        }
    }

    /** A new copy of the original, or null when a writer holds it now. */
    private Generation copy(List<Long> stamp) {
        int id = generations.incrementAndGet();
        Path copy = folder.resolve("vintage-" + id + ".duckdb");
        copy.toFile().deleteOnExit();
        copy.resolveSibling(copy.getFileName() + ".wal").toFile().deleteOnExit();
        try (Warehouse ignored = Warehouse.openReadOnly(source)) { // held open: no writer can be half-way while copying
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            Path wal = source.resolveSibling(source.getFileName() + ".wal");
            if (Files.exists(wal)) {
                Files.copy(wal, copy.resolveSibling(copy.getFileName() + ".wal"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (WarehouseException e) {
            if (current != null && e.getMessage() != null && e.getMessage().contains("in use")) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw new WarehouseException("Cannot copy " + source + " to " + copy + " for serving: " + e.getMessage(), e);
        }
        return new Generation(id, copy, stamp, connections);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        current.retire(); // the copy and its folder are deleted once no request holds it, else at exit
    }

    /** The folder of the served copies (deleted when closed and no request holds a copy, else when the process exits). */
    Path copies() {
        return folder;
    }

    /** One served copy and its connections. */
    private static final class Generation {
        final int id;
        final Path file;
        final List<Long> stamp;
        final Warehouse base;
        final BlockingQueue<Warehouse> pool;
        final Catalog catalog;
        private int users;
        private boolean retired;
        private boolean closed;

        Generation(int id, Path file, List<Long> stamp, int connections) {
            this.id = id;
            this.file = file;
            this.stamp = stamp;
            this.base = Warehouse.openReadOnly(file);
            this.catalog = Catalog.read(base);
            this.pool = new ArrayBlockingQueue<>(connections);
            for (int i = 0; i < connections; i++) {
                pool.add(base.duplicate());
            }
        }

        synchronized boolean enter() {
            if (retired) {
                return false;
            }
            users++;
            return true;
        }

        synchronized void leave(Warehouse w) {
            if (w != null) {
                pool.add(w);
            }
            users--;
            closeIfDone();
        }

        synchronized void retire() {
            retired = true;
            closeIfDone();
        }

        private void closeIfDone() {
            if (retired && users == 0 && !closed) {
                closed = true;
                pool.forEach(Warehouse::close);
                pool.clear();
                base.close();
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
                    Files.deleteIfExists(file.getParent()); // the last copy: its folder goes too (else it holds the copy served now)
                } catch (IOException e) {
                    // a temporary file; the system cleans it
                }
            }
        }
    }
}
