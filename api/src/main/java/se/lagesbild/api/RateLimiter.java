package se.lagesbild.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests from one client address in any 60 seconds (a sliding window):
 * a client may spend them in a burst, and each request counts against it until 60 s after it was
 * made. The answer to a request over the limit says how many seconds until the oldest request in
 * the window leaves it (Retry-After). 0 turns the limit off. Clients idle for over a minute are
 * forgotten when many are held.
 */
public final class RateLimiter {
    static final long WINDOW_NANOS = 60_000_000_000L;
    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Counts one request from {@code client}; 0 when allowed, else the whole seconds until one is. */
    public long take(String client) {
        return take(client, System.nanoTime());
    }

    long take(String client, long now) {
        if (perMinute <= 0) {
            return 0;
        }
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> now - w.newest() > WINDOW_NANOS);
        }
        Window window = windows.computeIfAbsent(client, c -> new Window(perMinute));
        synchronized (window) {
            long oldest = window.oldest();
            if (window.full() && now - oldest < WINDOW_NANOS) {
                return Math.max(1, (long) Math.ceil((oldest + WINDOW_NANOS - now) / 1e9));
            }
            window.add(now);
            return 0;
        }
    }

    /** The times of the last {@code perMinute} requests, in a ring. */
    private static final class Window {
        private final long[] times;
        private int next;
        private int size;

        Window(int capacity) {
            times = new long[capacity];
        }

        boolean full() {
            return size == times.length;
        }

        long oldest() {
            return size < times.length ? times[0] : times[next];
        }

        long newest() {
            return size == 0 ? Long.MIN_VALUE : times[(next - 1 + times.length) % times.length];
        }

        void add(long time) {
            times[next] = time;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }
    }
}
