package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** --rate-limit N means at most N requests from one address in any 60 seconds, as the README says. */
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void atMostNInAnySixtySecondsWithABurstAllowed() {
        RateLimiter limiter = new RateLimiter(3);
        long t0 = 1_000 * SECOND;
        assertEquals(0, limiter.take("a", t0));
        assertEquals(0, limiter.take("a", t0 + SECOND));
        assertEquals(0, limiter.take("a", t0 + 2 * SECOND), "a burst of 3");
        assertEquals(57, limiter.take("a", t0 + 3 * SECOND), "the 4th waits until the first is 60 s old");
        assertEquals(0, limiter.take("b", t0 + 3 * SECOND), "another address has its own window");
        assertEquals(30, limiter.take("a", t0 + 30 * SECOND));
        assertEquals(0, limiter.take("a", t0 + 60 * SECOND), "the first has left the window");
        assertEquals(1, limiter.take("a", t0 + 60 * SECOND + 1), "the second (at 1 s) is still in it");
        // over any 60 s no more than 3: count what one client gets if it asks every 100 ms for two minutes
        RateLimiter steady = new RateLimiter(3);
        int allowedInFirstMinute = 0;
        for (long t = 0; t < 120 * SECOND; t += SECOND / 10) {
            if (steady.take("c", t0 + t) == 0 && t < 60 * SECOND) {
                allowedInFirstMinute++;
            }
        }
        assertEquals(3, allowedInFirstMinute, "never 2N in the first minute, as a refilling bucket would allow");
        assertEquals(0, new RateLimiter(0).take("d"), "0 turns the limit off");
    }
}
