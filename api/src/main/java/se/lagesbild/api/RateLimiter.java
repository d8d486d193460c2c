package se.lagesbild.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code perMinute} requests a minute on average, with bursts of
 * up to as many. 0 turns the limit off. Buckets idle for over a minute are forgotten.
 */
public final class RateLimiter {
    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one request from {@code client}'s bucket; 0 when allowed, else the seconds until the next is. */
    public long take(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(b -> now - b.updated > 60_000_000_000L);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perNano = perMinute / 60e9;
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
