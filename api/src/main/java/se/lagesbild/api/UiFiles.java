package se.lagesbild.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;

/**
 * A PxWeb 2 build served from a folder at the server's root ({@code serve --ui DIR}): its files as
 * they are, every other path outside {@code /api} its {@code index.html} (a single-page
 * application routes in the browser), and {@code config/config.js} with {@code apiUrl} pointed at
 * this server's {@code /api/v2} and {@code maxDataCells} at this server's limit, so one command gives
 * a table browser.
 */
final class UiFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("ttf", "font/ttf"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path folder;
    private final int maxCells;

    UiFiles(Path folder, int maxCells) {
        this.folder = folder.toAbsolutePath().normalize();
        this.maxCells = maxCells;
        if (!Files.isRegularFile(this.folder.resolve("index.html"))) {
            throw new se.lagesbild.warehouse.WarehouseException("--ui " + folder + " has no index.html: give the folder of a PxWeb 2 build"
                    + " (its dist/ folder, e.g. ../shared/tools/pxweb2/dist).");
        }
    }

    /** Answers GET or HEAD of {@code path} (not under /api). */
    void serve(Context ctx, String path) throws IOException {
        Path file = folder.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            file = folder.resolve("index.html"); // a page of the application: it routes in the browser
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        ctx.header("Cache-Control", name.equals("index.html") || name.equals("config.js") ? "no-cache" : "public, max-age=3600");
        if (file.equals(folder.resolve("config/config.js"))) {
            ctx.result(config(Files.readString(file, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.result(Files.readAllBytes(file));
        }
    }

    /** PxWeb 2's configuration pointed at this server: its own origin's /api/v2, and this server's cell limit. */
    String config(String js) {
        return js.replaceFirst("apiUrl\\s*:\\s*(['\"]).*?\\1", "apiUrl: globalThis.location.origin + '/api/v2'")
                .replaceFirst("maxDataCells\\s*:\\s*\\d+", "maxDataCells: " + maxCells);
    }
}
