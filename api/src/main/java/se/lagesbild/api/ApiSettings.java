package se.lagesbild.api;

import java.io.PrintStream;
import java.util.List;

/**
 * How the server runs.
 *
 * @param host             address to listen on (127.0.0.1 by default; 0.0.0.0 for every interface)
 * @param port             0 for any free port
 * @param maxCells         the largest result (rows) answered; larger ones are a 403
 * @param rateLimit        requests a minute per client address; 0 for no limit
 * @param corsOrigins      origins allowed to read from browsers; "*" for any, empty for none
 * @param connections      connections to the warehouse (requests computed at once)
 * @param watchSeconds     how often the original file is checked for a new vintage
 * @param cacheBytes       memory for rendered answers
 * @param maxAgeSeconds    Cache-Control max-age of answers from the newest vintage
 * @param accessLog        where each request is logged (null for nowhere)
 * @param ui               a folder with a PxWeb 2 build to serve at / (null for none)
 */
public record ApiSettings(String host, int port, int maxCells, int rateLimit, List<String> corsOrigins, int connections,
                          double watchSeconds, long cacheBytes, int maxAgeSeconds, PrintStream accessLog, java.nio.file.Path ui) {

    public static ApiSettings defaults() {
        return new ApiSettings("127.0.0.1", 7070, 100_000, 600, List.of("*"), Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                5, 64L << 20, 60, System.out, null);
    }

    public ApiSettings withPort(int port) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withHost(String host) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withMaxCells(int maxCells) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withRateLimit(int rateLimit) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withCorsOrigins(List<String> corsOrigins) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withWatchSeconds(double watchSeconds) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withCacheBytes(long cacheBytes) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    public ApiSettings withAccessLog(PrintStream accessLog) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog, ui);
    }

    /** Serve the PxWeb 2 build in {@code folder} at / (its config pointed at this server). */
    public ApiSettings withUi(java.nio.file.Path folder) {
        return new ApiSettings(host, port, maxCells, rateLimit, corsOrigins, connections, watchSeconds, cacheBytes, maxAgeSeconds, accessLog,
                folder);
    }
}
