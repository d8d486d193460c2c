package se.lagesbild.api.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiSettings;
import se.lagesbild.publishing.tables.format.Format;
import se.lagesbild.warehouse.disclosure.Disclosure;

/** Every GET route under /api/v1 but the spec itself. */
public final class Routes {
    private Routes() {
    }

    public static List<Route> all(ApiSettings settings, String version) {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("/health", List.of(), (lease, query, params) -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "ok");
            doc.put("current_batch", lease.catalog().maxBatchId());
            doc.put("current_vintage", lease.catalog().currentVintage());
            return new Answer.Document(doc);
        }));
        routes.add(new Route("/config", List.of(), (lease, query, params) -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("api_version", "v1");
            doc.put("version", version);
            doc.put("current_batch", lease.catalog().maxBatchId());
            doc.put("current_vintage", lease.catalog().currentVintage());
            doc.put("suppression_thresholds", lease.catalog().disclosureThresholds());
            doc.put("suppression_rules", lease.catalog().disclosureRules());
            doc.put("secondary_suppression", Disclosure.SECONDARY_METHOD);
            doc.put("max_cells", settings.maxCells());
            doc.put("rate_limit_per_minute", settings.rateLimit());
            doc.put("rate_limit_window_seconds", 60);
            doc.put("formats", Format.parameterValues());
            doc.put("confidence_level", IndicatorRoutes.CONFIDENCE.level());
            doc.put("cache_max_age_seconds", settings.maxAgeSeconds());
            doc.put("cors_origins", settings.corsOrigins());
            doc.put("snapshots", lease.catalog().snapshots().stream().map(s -> s.getSnapshotName()).toList());
            return new Answer.Document(doc);
        }));
        routes.addAll(DimensionRoutes.all());
        routes.addAll(IndicatorRoutes.all());
        routes.addAll(GoalRoutes.all());
        routes.addAll(AgreementRoutes.all());
        routes.addAll(VintageRoutes.all());
        return routes;
    }
}
