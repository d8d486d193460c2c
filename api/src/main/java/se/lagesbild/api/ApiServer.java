package se.lagesbild.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import se.lagesbild.api.pxweb.PxWebApi;
import se.lagesbild.api.pxweb.ReleasedStore;
import se.lagesbild.api.pxweb.ReleasedValues;
import se.lagesbild.api.release.ReleaseSource;
import se.lagesbild.api.release.Releases;
import se.lagesbild.api.routes.Answer;
import se.lagesbild.api.routes.Route;
import se.lagesbild.api.routes.Routes;
import se.lagesbild.publishing.tables.format.Format;
import se.lagesbild.publishing.tables.format.JsonTables;
import se.lagesbild.publishing.tables.format.TableWriter;
import se.lagesbild.warehouse.WarehouseException;

/**
 * The read-only HTTP API on Javalin 7. Every GET route under {@code /api/v1} goes the same way:
 * rate limit, parameters checked ({@link Query}), format chosen ({@code format} parameter, else
 * the Accept header), ETag by vintage (an unchanged answer is a 304), the answer computed on a
 * leased connection (as of {@code snapshot} if given) or taken from the cache, the cell limit,
 * and the answer written. Errors are RFC 9457 problem documents; only a fault of the server
 * itself is a 500.
 */
public final class ApiServer implements AutoCloseable {
    public static final String BASE = "/api/v1";
    private static final String TRIVIAL = "{\"status\":\"ok\"}";
    /** How long {@link #close()} waits for requests in flight to be answered before it cuts them off. */
    static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);

    private final ServedWarehouse served;
    private final ApiSettings settings;
    private final RateLimiter limiter;
    private final ResponseCache cache;
    private final List<Route> routes;
    private final String version;
    private final byte[] spec;
    private final byte[] specV2;
    /** The docs page, rendered from both specs on first request (parsing them takes a few tenths of a second at start). */
    private volatile byte[] docs;
    /** The release answered from (a {@link ReleaseFile} or one being opened), or null when serving the warehouse. */
    private final ReleasedValues release;
    private final ReleasedValues store;
    private final PxWebApi pxweb;
    private Javalin app;

    /** A server on a warehouse (for analysts on their own machine): v2 precomputed in the background, v1 computed per request. */
    public ApiServer(ServedWarehouse served, ApiSettings settings) {
        this(served, null, settings);
    }

    /**
     * A server on a release file ({@link se.lagesbild.api.release.ReleaseFile}) alone (the public one): every answer from the file's released values,
     * no warehouse (v1's equity and baseline computed from the released values, as on a warehouse); v1 routes that need the
     * warehouse answer 404.
     */
    public ApiServer(ReleasedValues release, ApiSettings settings) {
        this(null, java.util.Objects.requireNonNull(release), settings);
    }

    private ApiServer(ServedWarehouse served, ReleasedValues release, ApiSettings settings) {
        this.served = served;
        this.release = release;
        this.settings = settings;
        this.limiter = new RateLimiter(settings.rateLimit());
        this.cache = new ResponseCache(settings.cacheBytes());
        String v = ApiServer.class.getPackage().getImplementationVersion();
        this.version = v == null ? "dev" : v;
        this.routes = Routes.all(settings, version);
        this.spec = resource("api/openapi.yaml");
        this.specV2 = resource("api/v2/openapi.yaml");
        this.store = served != null ? new ReleasedStore(served, message -> System.err.println("lagesbild serve: " + message)) : release;
        this.pxweb = new PxWebApi(store, settings, version);
    }

    private byte[] docs() {
        byte[] page = docs;
        if (page == null) {
            page = DocsPage.render(new String(spec, StandardCharsets.UTF_8), new String(specV2, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            docs = page;
        }
        return page;
    }

    /** The precomputed released values the PxWebApi 2 routes answer from. */
    public ReleasedValues store() {
        return store;
    }

    /** The routes under /api/v1 (paths relative to it), for the spec check. */
    public List<Route> routes() {
        return routes;
    }

    /** Starts listening; returns the port (useful with port 0). */
    public int start() {
        UiFiles ui = settings.ui() == null ? null : new UiFiles(settings.ui(), settings.maxCells());
        app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            // a few threads per core: answers are CPU work on memory (no waiting on I/O), so more threads only switch more
            int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
            config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(threads, Math.min(threads, 8));
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.http.generateEtags = false;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                // a graceful stop: no new connections, requests in flight answered (for up to STOP_GRACE), new requests on open
                // connections a 503; Javalin attaches its handlers inside this wrapper
                server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ProblemErrorHandler()));
            if (!settings.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    if (settings.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(settings.corsOrigins().get(0), settings.corsOrigins().subList(1, settings.corsOrigins().size())
                                .toArray(String[]::new));
                    }
                    rule.exposeHeader("ETag");
                    rule.exposeHeader("Retry-After");
                    rule.exposeHeader(PxWebApi.VINTAGE_HEADER);
                    rule.exposeHeader(PxWebApi.NEWER_VINTAGE_HEADER);
                }));
            }
            if (settings.accessLog() != null) {
                config.requestLogger.http((ctx, ms) -> accessLog(ctx, ms));
            }
            config.routes.before(ctx -> {
                String method = ctx.method().name();
                boolean selection = method.equals("POST") && ctx.path().startsWith(PxWebApi.BASE + "/tables/") && ctx.path().endsWith("/data");
                if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && !selection) {
                    throw ApiProblem.methodNotAllowed(method);
                }
                if (ctx.path().startsWith("/api/") && !ctx.path().equals("/api/trivial")) {
                    long wait = limiter.take(ctx.ip());
                    if (wait > 0) {
                        throw ApiProblem.rateLimited(wait, limiter.perMinute());
                    }
                }
            });
            // every GET route answers HEAD too, with the same status and headers and no body
            java.util.function.BiConsumer<String, io.javalin.http.Handler> getAndHead = (path, handler) -> {
                config.routes.get(path, handler);
                config.routes.head(path, handler);
            };
            getAndHead.accept("/api/trivial", ctx -> ctx.contentType("application/json").result(TRIVIAL));
            getAndHead.accept(BASE + "/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8")
                    .header("Cache-Control", "public, max-age=" + settings.maxAgeSeconds()).result(spec));
            getAndHead.accept(PxWebApi.BASE + "/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8")
                    .header("Cache-Control", "public, max-age=" + settings.maxAgeSeconds()).result(specV2));
            getAndHead.accept(PxWebApi.BASE + "/config", ctx -> json(ctx, pxweb.config()));
            getAndHead.accept(PxWebApi.BASE + "/tables", ctx -> json(ctx, pxweb.tables(ctx)));
            getAndHead.accept(PxWebApi.BASE + "/tables/{id}", ctx -> json(ctx, pxweb.table(ctx)));
            getAndHead.accept(PxWebApi.BASE + "/tables/{id}/metadata", ctx -> json(ctx, pxweb.metadata(ctx)));
            getAndHead.accept(PxWebApi.BASE + "/tables/{id}/defaultselection", ctx -> json(ctx, pxweb.defaultSelection(ctx)));
            getAndHead.accept(PxWebApi.BASE + "/codelists/{id}", ctx -> json(ctx, pxweb.codelist(ctx)));
            getAndHead.accept(PxWebApi.BASE + "/tables/{id}/data", pxweb::data);
            config.routes.post(PxWebApi.BASE + "/tables/{id}/data", pxweb::data);
            getAndHead.accept("/api/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docs()));
            getAndHead.accept("/", ctx -> {
                if (ui != null) {
                    ui.serve(ctx, "/");
                } else {
                    ctx.redirect("/api/docs");
                }
            });
            for (Route route : routes) {
                getAndHead.accept(BASE + route.path(), ctx -> serve(ctx, route));
            }
            getAndHead.accept("/*", ctx -> {
                if (ui != null && !ctx.path().startsWith("/api/")) {
                    ui.serve(ctx, ctx.path());
                    return;
                }
                boolean v2 = ctx.path().startsWith(PxWebApi.BASE + "/") || ctx.path().equals(PxWebApi.BASE);
                throw ApiProblem.notFound("No route " + Query.printable(ctx.path()) + ". The routes are listed at /api/docs" + (v2 ? "#v2" : "")
                        + " and in " + (v2 ? PxWebApi.BASE : BASE) + "/openapi.yaml.");
            });
            // a POST to a path no route takes (an empty segment: /api/v2/tables//data) is a 404 problem like a GET's
            config.routes.post("/*", ctx -> {
                throw ApiProblem.notFound("No route " + Query.printable(ctx.path()) + " takes POST; a selection is POSTed to "
                        + PxWebApi.BASE + "/tables/{id}/data (see /api/docs#v2 and " + PxWebApi.BASE + "/openapi.yaml).");
            });
            config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
            // Javalin's own refusals (a body over its size limit: 413) as problem documents, not plain text
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> problem(ctx, ApiProblem.refused(e.getStatus(),
                    e.getStatus() == 413 ? "The body is larger than this server takes (" + (config.http.maxRequestSize >> 10)
                            + " KiB); a selection is a few kilobytes: send valueCodes for each variable (see " + PxWebApi.BASE + "/openapi.yaml)."
                            : e.getMessage() + ".")));
            config.routes.exception(WarehouseException.class, (e, ctx) -> problem(ctx, ApiProblem.notAnswerable(e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                System.err.println("lagesbild serve: internal error " + reference + " on " + ctx.method() + " " + ctx.path() + ": " + e);
                e.printStackTrace();
                problem(ctx, ApiProblem.internal(reference));
            });
        });
        app.start(settings.port());
        store.warm();
        return app.port();
    }

    private void json(Context ctx, Object doc) {
        ctx.header("Cache-Control", "public, max-age=" + settings.maxAgeSeconds());
        try {
            ctx.contentType("application/json; charset=utf-8").result(JsonTables.MAPPER.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(Context ctx, Route route) {
        Query query = new Query(ctx.queryParamMap(), route.parameters());
        Format format = format(ctx, query);
        String snapshot = query.raw("snapshot");
        ReleasedValues answering = release == null ? null : snapshot == null ? release : releaseOf(snapshot);
        if (snapshot != null && (release != null ? answering == null : store.catalog().snapshot(snapshot) == null)) {
            List<String> names = release instanceof Releases several ? several.snapshots()
                    : store.catalog().snapshots().stream().map(s -> s.getSnapshotName()).toList();
            throw ApiProblem.badParameter("snapshot", snapshot, "There is no snapshot '" + Query.printable(snapshot) + "'"
                    + (release != null ? " among the releases served" : "") + ". Snapshots: "
                    + (names.isEmpty() ? "none yet" : String.join(", ", names)) + " (see " + BASE + "/snapshots).", names);
        }
        String resource = route.path() + " " + new TreeMap<>(ctx.pathParamMap()) + " " + new TreeMap<>(ctx.queryParamMap()) + " " + format;
        ServedWarehouse.View view = served != null ? served.view() : new ServedWarehouse.View(0, answering.catalog());
        String etag = etag(view.catalog(), snapshot, resource);
        ctx.header("Cache-Control", "public, max-age=" + (snapshot == null ? settings.maxAgeSeconds() : 86_400));
        ctx.header("Vary", "Accept, Accept-Encoding");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.header("ETag", etag);
            ctx.status(304);
            return;
        }
        ResponseCache.Entry entry = cache.get(view.generation() + " " + resource);
        if (entry == null) {
            String asOf = snapshot;
            entry = cache.computeOnce(view.generation() + " " + resource, () -> {
                if (answering != null) {
                    return render(new ReleaseSource(answering, BASE + route.path()), route, query, ctx.pathParamMap(), format,
                            etag(answering.catalog(), asOf, resource));
                }
                try (ServedWarehouse.Lease lease = served.lease(asOf)) {
                    Source source = asOf != null ? lease : new Computed(lease, (ReleasedStore) store);
                    return render(source, route, query, ctx.pathParamMap(), format, etag(lease.catalog(), asOf, resource));
                }
            });
        }
        ctx.header("ETag", entry.etag());
        entry.headers().forEach(ctx::header);
        ctx.contentType(entry.contentType()).result(entry.body());
    }

    /**
     * A warehouse lease for a request without a snapshot, with the tables this server has already
     * computed for the vintage it serves: v1's values, equity and baseline are then looked up instead of
     * computed (the same released values); a table not yet computed answers from the lease as before.
     */
    private record Computed(ServedWarehouse.Lease lease, ReleasedStore store) implements Source {
        @Override
        public Catalog catalog() {
            return lease.catalog();
        }

        @Override
        public se.lagesbild.warehouse.Warehouse warehouse() {
            return lease.warehouse();
        }

        @Override
        public ReleasedValues release() {
            return null;
        }

        @Override
        public se.lagesbild.api.pxweb.Cube precomputed(se.lagesbild.api.pxweb.PxTableId id) {
            return store.computed(id, lease.catalog().maxBatchId());
        }
    }

    /** The release of snapshot {@code name} among those served, or null. */
    private ReleasedValues releaseOf(String name) {
        if (release instanceof Releases several) {
            return several.asOf(name);
        }
        return release.catalog().snapshot(name) != null ? release : null;
    }

    /** A weak ETag by vintage (the newest batch), snapshot, request and build. */
    private String etag(Catalog catalog, String snapshot, String resource) {
        CRC32 crc = new CRC32();
        crc.update(resource.getBytes(StandardCharsets.UTF_8));
        return "W/\"v" + catalog.maxBatchId() + (snapshot == null ? "" : "-" + Integer.toHexString(snapshot.hashCode())) + "-"
                + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(version.hashCode()) + "\"";
    }

    private ResponseCache.Entry render(Source lease, Route route, Query query, Map<String, String> params, Format format,
                                       String etag) {
        Answer answer = route.handler().answer(lease, query, params);
        if (answer instanceof Answer.Document document) {
            if (format != Format.JSON) {
                throw ApiProblem.badParameter("format", format.parameter(), "This route answers JSON only; leave out format"
                        + " or give format=json.", List.of("json"));
            }
            try {
                return new ResponseCache.Entry(JsonTables.MAPPER.writeValueAsBytes(document.json()), "application/json", etag, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var table = ((Answer.Table) answer).table();
        if (table.rows().size() > settings.maxCells()) {
            throw ApiProblem.tooLarge(table.rows().size(), settings.maxCells());
        }
        Map<String, String> headers = format == Format.CSV || format == Format.ARROW
                ? Map.of("Content-Disposition", "inline; filename=\"" + fileName(route, params) + "." + (format == Format.CSV ? "csv" : "arrows") + "\"")
                : Map.of();
        return new ResponseCache.Entry(TableWriter.write(table, format), format.contentType(), etag, headers);
    }

    private static String fileName(Route route, Map<String, String> params) {
        String name = route.path();
        for (var p : params.entrySet()) {
            name = name.replace("{" + p.getKey() + "}", p.getValue());
        }
        return name.substring(1).replaceAll("[^A-Za-z0-9_-]+", "-");
    }

    private static Format format(Context ctx, Query query) {
        String requested = query.raw("format");
        if (requested == null) {
            return Format.byAccept(ctx.header("Accept"));
        }
        Format format = Format.byParameter(requested);
        if (format == null) {
            throw ApiProblem.badParameter("format", requested, "Unknown format '" + Query.printable(requested) + "'. Formats: "
                    + String.join(", ", Format.parameterValues()) + ".", Format.parameterValues());
        }
        return format;
    }

    private static void problem(Context ctx, ApiProblem problem) {
        problem.headers().forEach(ctx::header);
        ctx.removeHeader("ETag");
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.status(problem.status()).contentType("application/problem+json")
                    .result(JsonTables.MAPPER.writeValueAsBytes(problem.document(ctx.path())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accessLog(Context ctx, Float ms) {
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        settings.accessLog().printf(Locale.ROOT, "%s - - [%s] \"%s %s%s\" %d %.1fms%n", ctx.ip(),
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)), ctx.method().name(),
                ctx.path(), Query.printable(query), ctx.statusCode(), ms);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the api module's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops gracefully: the listening socket is closed first (a new connection is refused, which a
     * balancer retries on another replica), requests already taken are answered, for up to
     * {@link #STOP_GRACE}, and a further request on an open connection gets a 503.
     */
    @Override
    public void close() {
        if (app != null) {
            for (org.eclipse.jetty.server.Connector connector : app.jettyServer().server().getConnectors()) {
                if (connector instanceof org.eclipse.jetty.server.NetworkConnector listening) {
                    listening.close();
                }
            }
            app.stop();
        }
        store.close();
    }
}
