package se.lagesbild.api.release;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import se.lagesbild.api.Catalog;
import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.api.pxweb.ReleasedValues;

/**
 * A release file being opened on a thread of its own, so the server starts listening meanwhile (the
 * file's checksum and DuckDB's start take most of a second): a request that comes before the file is
 * open waits for it. {@link #file()} gives the open file, or throws why it could not be opened.
 */
public final class Opening implements ReleasedValues {
    private final CompletableFuture<ReleaseFile> file;

    private Opening(CompletableFuture<ReleaseFile> file) {
        this.file = file;
    }

    /** Starts opening {@code path} ({@link ReleaseFile#open}). */
    public static Opening start(Path path) {
        return new Opening(CompletableFuture.supplyAsync(() -> ReleaseFile.open(path)));
    }

    /** The open file, once opened; the refusal ({@link se.lagesbild.warehouse.WarehouseException}) when it cannot be. */
    public ReleaseFile file() {
        try {
            return file.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public Catalog catalog() {
        return file().catalog();
    }

    @Override
    public Cube cube(PxTableId id) {
        return file().cube(id);
    }

    @Override
    public boolean newerBeingComputed(Cube cube) {
        return false;
    }

    @Override
    public boolean ready() {
        return file.isDone() && !file.isCompletedExceptionally() && file().ready();
    }

    /**
     * Reads every table in the background, starting {@value #WARM_DELAY_SECONDS} s after the file is
     * open: the first requests (which read their own tables at once) have the two cores meanwhile.
     */
    @Override
    public void warm() {
        file.thenAcceptAsync(ReleaseFile::warm, CompletableFuture.delayedExecutor(WARM_DELAY_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
    }

    private static final long WARM_DELAY_SECONDS = 2;

    @Override
    public String describe() {
        return file().describe();
    }

    /** The release's snapshot (what {@code ?snapshot=} may name). */
    public String snapshot() {
        return file().snapshot();
    }

    @Override
    public void close() {
        file.thenAccept(ReleaseFile::close);
    }
}
