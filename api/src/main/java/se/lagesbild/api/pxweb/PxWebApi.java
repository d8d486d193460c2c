package se.lagesbild.api.pxweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.ApiSettings;
import se.lagesbild.api.Catalog;
import se.lagesbild.api.Query;
import se.lagesbild.api.ServedWarehouse;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.tables.format.CsvTables;
import se.lagesbild.warehouse.tables.format.Format;
import se.lagesbild.warehouse.tables.format.JsonTables;
import se.lagesbild.warehouse.tables.format.ParquetTables;
import se.lagesbild.warehouse.tables.format.TableWriter;
import se.lagesbild.warehouse.tables.format.XlsxTables;
import se.lagesbild.warehouse.text.Language;

/**
 * The agencies' API in the shape of SCB's PxWebApi 2 under {@code /api/v2}: {@code /config},
 * {@code /tables} (one table per indicator, paged, searchable), {@code /tables/{id}},
 * {@code /tables/{id}/metadata} (JSON-stat 2.0) and {@code /tables/{id}/data} (GET with
 * {@code valueCodes[VAR]}, {@code codelist[VAR]}, {@code lang}, {@code outputFormat}; or POST with a
 * selection body), answered from the {@link ReleasedStore}: released values only.
 */
public final class PxWebApi {
    public static final String BASE = "/api/v2";
    public static final List<String> FORMATS = List.of("json-stat2", "csv", "xlsx", "px", "arrow", "parquet");
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final ServedWarehouse served;
    private final ReleasedStore store;
    private final ApiSettings settings;
    private final String version;

    public PxWebApi(ServedWarehouse served, ReleasedStore store, ApiSettings settings, String version) {
        this.served = served;
        this.store = store;
        this.settings = settings;
        this.version = version;
    }

    /** {@code /api/v2/config}: languages, limits, licence, source and formats, in SCB's field names. */
    public Map<String, Object> config() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "2.0.0");
        doc.put("appVersion", version);
        doc.put("languages", List.of(Map.of("id", "sv", "label", "Svenska"), Map.of("id", "en", "label", "English")));
        doc.put("defaultLanguage", "sv");
        doc.put("maxDataCells", settings.maxCells());
        doc.put("maxCallsPerTimeWindow", settings.rateLimit());
        doc.put("timeWindow", 60);
        doc.put("license", "https://creativecommons.org/publicdomain/zero/1.0/");
        doc.put("sourceReferences", List.of(Map.of("language", "sv", "text", Language.SV.text("px.source")), Map.of("language", "en",
                "text", Language.EN.text("px.source"))));
        doc.put("defaultDataFormat", "json-stat2");
        doc.put("dataFormats", FORMATS);
        doc.put("features", List.of(Map.of("id", "CORS", "params", List.of(Map.of("key", "enabled", "value",
                String.valueOf(!settings.corsOrigins().isEmpty()))))));
        return doc;
    }

    /** {@code /api/v2/tables}: one table per indicator, with paging and a search on id and label. */
    public Map<String, Object> tables(Context ctx) {
        Language lang = language(ctx);
        String query = ctx.queryParam("query");
        int pageNumber = positive(ctx, "pageNumber", 1);
        int pageSize = positive(ctx, "pageSize", DEFAULT_PAGE_SIZE);
        Catalog catalog = served.catalog();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Indicator i : catalog.indicators().values()) {
            Map<String, Object> t = table(i, catalog, lang);
            String text = (i.code() + " " + t.get("label") + " " + t.get("description")).toLowerCase(Locale.ROOT);
            if (query == null || query.isBlank() || java.util.Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
                    .allMatch(text::contains)) {
                all.add(t);
            }
        }
        int totalPages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        List<Map<String, Object>> page = all.subList(Math.min(all.size(), (pageNumber - 1) * pageSize), Math.min(all.size(),
                pageNumber * pageSize));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("language", lang.code());
        doc.put("tables", page);
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("pageNumber", pageNumber);
        paging.put("pageSize", pageSize);
        paging.put("totalElements", all.size());
        paging.put("totalPages", totalPages);
        List<Map<String, String>> links = new ArrayList<>();
        if (pageNumber < totalPages) {
            links.add(link("next", lang, BASE + "/tables?pageNumber=" + (pageNumber + 1) + "&pageSize=" + pageSize + "&lang=" + lang.code()));
        }
        if (pageNumber > 1) {
            links.add(link("previous", lang, BASE + "/tables?pageNumber=" + (pageNumber - 1) + "&pageSize=" + pageSize + "&lang="
                    + lang.code()));
        }
        paging.put("links", links);
        doc.put("page", paging);
        doc.put("links", List.of(link("self", lang, BASE + "/tables?pageNumber=" + pageNumber + "&pageSize=" + pageSize + "&lang="
                + lang.code())));
        return doc;
    }

    /** {@code /api/v2/tables/{id}}: one table's listing. */
    public Map<String, Object> table(Context ctx) {
        Catalog catalog = served.catalog();
        return table(indicator(catalog, ctx.pathParam("id")), catalog, language(ctx));
    }

    private Map<String, Object> table(Indicator i, Catalog catalog, Language lang) {
        PxTable px = table(store.cube(i), catalog, lang);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "Table");
        t.put("id", i.code());
        t.put("label", lang.title(i));
        t.put("description", lang == Language.SV ? i.descriptionSv() : i.descriptionEn());
        t.put("updated", updated(catalog));
        List<String> periods = new ArrayList<>(px.variables().get("Tid").values().keySet());
        t.put("firstPeriod", periods.isEmpty() ? null : periods.get(0));
        t.put("lastPeriod", periods.isEmpty() ? null : periods.get(periods.size() - 1));
        t.put("category", "public");
        t.put("variableNames", px.variables().values().stream().map(Variable::label).toList());
        t.put("discontinued", false);
        t.put("source", lang.text("px.source"));
        t.put("subjectCode", "goal" + i.goal());
        t.put("timeUnit", "Other");
        t.put("paths", List.of(List.of(Map.of("id", "goal" + i.goal(), "label", lang.text("section.goal", i.goal(), "")
                .replaceAll(":\\s*$", "")))));
        String base = BASE + "/tables/" + i.code();
        t.put("links", List.of(link("self", lang, base + "?lang=" + lang.code()), link("metadata", lang, base + "/metadata?lang="
                + lang.code()), link("data", lang, base + "/data?lang=" + lang.code())));
        return t;
    }

    /** {@code /api/v2/tables/{id}/metadata}: JSON-stat 2.0 with every variable and the values that have data. */
    public Map<String, Object> metadata(Context ctx) {
        Catalog catalog = served.catalog();
        Language lang = language(ctx);
        PxTable table = table(store.cube(indicator(catalog, ctx.pathParam("id"))), catalog, lang);
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        table.variables().forEach((id, v) -> {
            all.put(id, List.copyOf(v.values().keySet()));
            labels.put(id, v.values());
        });
        Map<String, Object> doc = new PxData(table, all, labels).jsonStat(false, updated(catalog));
        doc.remove("value");
        return doc;
    }

    /** {@code /api/v2/tables/{id}/data}, GET or POST, in the output format asked for. */
    public void data(Context ctx) {
        Catalog catalog = served.catalog();
        Language lang = language(ctx);
        PxTable table = table(store.cube(indicator(catalog, ctx.pathParam("id"))), catalog, lang);
        Map<String, List<String>> expressions = new LinkedHashMap<>();
        Map<String, String> codelists = new LinkedHashMap<>();
        if (ctx.method().name().equals("POST")) {
            readBody(ctx, expressions, codelists);
        }
        for (var p : ctx.queryParamMap().entrySet()) {
            String name = p.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("valuecodes[") && name.endsWith("]")) {
                List<String> values = new ArrayList<>();
                p.getValue().forEach(v -> values.addAll(split(v)));
                expressions.put(variable(table, name.substring(11, name.length() - 1), name), values);
            } else if (lower.startsWith("codelist[") && name.endsWith("]")) {
                codelists.put(variable(table, name.substring(9, name.length() - 1), name), p.getValue().get(0));
            } else if (!List.of("lang", "outputformat", "outputformatparams", "heading", "stub").contains(lower)) {
                throw ApiProblem.badParameter(name, p.getValue().get(0), "Unknown parameter '" + Query.printable(name) + "'. This route takes"
                        + " valueCodes[VARIABLE], codelist[VARIABLE], lang, outputFormat and outputFormatParams (SCB's PxWebApi 2).",
                        List.of("valueCodes[VARIABLE]", "codelist[VARIABLE]", "lang", "outputFormat", "outputFormatParams"));
            }
        }
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (String id : PxTable.ORDER) {
            Variable v = table.variables().get(id);
            chosen.put(id, v.select(expressions.get(id), codelists.get(id)));
            labels.put(id, v.values(codelists.get(id)));
        }
        PxData data = new PxData(table, chosen, labels);
        if (data.cells() > settings.maxCells()) {
            throw ApiProblem.tooManyCells(data.cells(), settings.maxCells(), "Select fewer values with valueCodes[VARIABLE] (see "
                    + BASE + "/tables/" + table.indicator().code() + "/metadata and " + BASE + "/config).");
        }
        String format = ctx.queryParam("outputFormat") != null ? ctx.queryParam("outputFormat") : ctx.queryParam("outputformat");
        format = format == null ? "json-stat2" : format.toLowerCase(Locale.ROOT);
        String name = table.indicator().code();
        String updated = updated(catalog);
        switch (format) {
            case "json-stat2" -> ctx.contentType("application/json; charset=utf-8").result(json(data.jsonStat(true, updated)));
            case "csv" -> {
                String params = String.valueOf(ctx.queryParam("outputFormatParams")).toLowerCase(Locale.ROOT);
                CsvTables.Dialect dialect = params.contains("separatorsemicolon") ? CsvTables.Dialect.EXCEL_SV : CsvTables.Dialect.RFC4180;
                attach(ctx, name + ".csv").contentType("text/csv; charset=utf-8").result(CsvTables.write(data.longTable(), dialect));
            }
            case "xlsx" -> attach(ctx, name + ".xlsx").contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .result(XlsxTables.write(Map.of(name, data.longTable()), se.lagesbild.warehouse.text.Labels.none(lang)));
            case "px" -> attach(ctx, name + ".px").contentType("text/plain; charset=utf-8").result(data.px(updated));
            case "arrow" -> attach(ctx, name + ".arrows").contentType(Format.ARROW.contentType())
                    .result(TableWriter.write(data.longTable(), Format.ARROW));
            case "parquet" -> attach(ctx, name + ".parquet").contentType("application/vnd.apache.parquet")
                    .result(ParquetTables.write(data.longTable()));
            default -> throw ApiProblem.badParameter("outputFormat", format, "Unknown output format '" + Query.printable(format)
                    + "'. Formats: " + String.join(", ", FORMATS) + ".", FORMATS);
        }
    }

    /** The table of a cube in a language, made once per cube (per vintage). */
    private static PxTable table(ReleasedStore.Cube cube, Catalog catalog, Language lang) {
        return cube.view(lang, () -> new PxTable(cube, catalog, lang));
    }

    private static Context attach(Context ctx, String file) {
        return ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    /** A POST body as SCB's: {@code {"selection":[{"variableCode":"Region","valueCodes":["01"],"codelist":"..."}]}}. */
    private static void readBody(Context ctx, Map<String, List<String>> expressions, Map<String, String> codelists) {
        JsonNode body;
        try {
            body = JsonTables.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ApiProblem.badParameter("body", null, "The body is not JSON: " + e.getMessage() + ". Send {\"selection\":"
                    + " [{\"variableCode\": \"Region\", \"valueCodes\": [\"01\"]}]}.", List.of());
        }
        if (body == null || !body.path("selection").isArray()) {
            throw ApiProblem.badParameter("body", null, "The body needs a selection: {\"selection\": [{\"variableCode\": \"Region\","
                    + " \"valueCodes\": [\"01\"]}]}.", List.of());
        }
        for (JsonNode s : body.path("selection")) {
            String id = s.path("variableCode").asText(null);
            if (id == null) {
                throw ApiProblem.badParameter("selection.variableCode", null, "Each selection needs a variableCode.", PxTable.ORDER);
            }
            List<String> values = new ArrayList<>();
            s.path("valueCodes").forEach(v -> values.add(v.asText()));
            expressions.put(id, values);
            if (s.hasNonNull("codelist")) {
                codelists.put(id, s.get("codelist").asText());
            }
        }
        for (String id : expressions.keySet()) {
            if (!PxTable.ORDER.contains(id)) {
                throw ApiProblem.badParameter("selection.variableCode", id, "No variable '" + Query.printable(id) + "'. Variables: "
                        + String.join(", ", PxTable.ORDER) + ".", PxTable.ORDER);
            }
        }
    }

    /** Splits a valueCodes list at commas outside brackets (range(a,b) stays whole). */
    static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (c == ',' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            part.append(c);
        }
        parts.add(part.toString());
        return parts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String variable(PxTable table, String id, String parameter) {
        if (!table.variables().containsKey(id)) {
            throw ApiProblem.badParameter(parameter, id, "No variable '" + Query.printable(id) + "' in " + table.indicator().code()
                    + ". Variables: " + String.join(", ", PxTable.ORDER) + ".", PxTable.ORDER);
        }
        return id;
    }

    private static Indicator indicator(Catalog catalog, String id) {
        Indicator i = catalog.indicators().get(id);
        if (i == null) {
            throw ApiProblem.notFound("There is no table '" + Query.printable(id) + "'. Tables: " + String.join(", ",
                    catalog.indicators().keySet()) + " (see " + BASE + "/tables).");
        }
        return i;
    }

    /** The language of {@code lang}: sv (the default) or en. */
    static Language language(Context ctx) {
        String lang = ctx.queryParam("lang");
        try {
            return Language.parse(lang, "lang");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("lang", lang, e.getMessage(), List.of("sv", "en"));
        }
    }

    private static int positive(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the problem below
        }
        throw ApiProblem.badParameter(name, value, name + " must be a whole number from 1.", List.of());
    }

    private static Map<String, String> link(String rel, Language lang, String href) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("hreflang", lang.code());
        link.put("href", href);
        return link;
    }

    /** When the served vintage was loaded (its newest batch), ISO 8601 in UTC. */
    private static String updated(Catalog catalog) {
        var batches = catalog.batches();
        if (batches.isEmpty() || batches.get(batches.size() - 1).loadedAt() == null) {
            return "1970-01-01T00:00:00Z";
        }
        return batches.get(batches.size() - 1).loadedAt().atOffset(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
    }

    /** JSON with Jackson's fast double writer: a large selection is mostly numbers. */
    private static final com.fasterxml.jackson.databind.ObjectMapper FAST = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    static byte[] json(Object doc) {
        try {
            return FAST.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
