package se.lagesbild.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered answers kept in memory, least recently used first out, up to a number of bytes. A key
 * names the served copy (vintage), so an answer is never given from an older vintage; the data of
 * a copy never changes, so nothing else invalidates an entry.
 */
public final class ResponseCache {
    /** A rendered answer. */
    public record Entry(byte[] body, String contentType, String etag, Map<String, String> headers) {
    }

    private final long maxBytes;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Entry>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();
    private long bytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    public ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized Entry get(String key) {
        return entries.get(key);
    }

    /**
     * The answer for {@code key}, computed by {@code compute} once however many requests ask for it
     * at the same moment (the others wait for that one), then kept.
     */
    public Entry computeOnce(String key, java.util.function.Supplier<Entry> compute) {
        var mine = new java.util.concurrent.CompletableFuture<Entry>();
        var running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Entry entry = compute.get();
            put(key, entry);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    public synchronized void put(String key, Entry entry) {
        if (entry.body().length > maxBytes / 4) {
            return;
        }
        Entry old = entries.put(key, entry);
        bytes += entry.body().length - (old == null ? 0 : old.body().length);
        var it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().body().length;
            it.remove();
        }
    }
}
