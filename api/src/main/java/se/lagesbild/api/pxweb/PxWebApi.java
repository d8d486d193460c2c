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
import se.lagesbild.publishing.tables.format.CsvTables;
import se.lagesbild.publishing.tables.format.Format;
import se.lagesbild.publishing.tables.format.JsonTables;
import se.lagesbild.publishing.tables.format.ParquetTables;
import se.lagesbild.publishing.tables.format.TableWriter;
import se.lagesbild.publishing.tables.format.XlsxTables;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * The agencies' API in the shape of SCB's PxWebApi 2 under {@code /api/v2}: {@code /config},
 * {@code /tables} (one table per indicator, paged, searchable), {@code /tables/{id}},
 * {@code /tables/{id}/metadata} (JSON-stat 2.0) and {@code /tables/{id}/data} (GET with
 * {@code valueCodes[VAR]}, {@code codelist[VAR]}, {@code lang}, {@code outputFormat}; or POST with a
 * selection body), answered from the {@link ReleasedStore}: released values only.
 */
public final class PxWebApi {
    public static final String BASE = "/api/v2";
    /** The response header naming the load batch an answer's values are as of. */
    public static final String VINTAGE_HEADER = "Lagesbild-Vintage";
    /** The response header naming a newer batch whose values are still being computed. */
    public static final String NEWER_VINTAGE_HEADER = "Lagesbild-Newer-Vintage";
    public static final List<String> FORMATS = List.of("json-stat2", "csv", "xlsx", "px", "html", "json-px", "arrow", "parquet");
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final ReleasedValues store;
    private final ApiSettings settings;
    private final String version;

    public PxWebApi(ReleasedValues store, ApiSettings settings, String version) {
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

    /**
     * {@code /api/v2/tables}: one table per indicator, with paging, a search on id, label and
     * description ({@code query}), and {@code pastDays} (tables updated that many days back; the
     * warehouse's newest load dates them all). No table is discontinued, so
     * {@code includeDiscontinued} changes nothing.
     */
    public Map<String, Object> tables(Context ctx) {
        PxParams params = new PxParams(ctx.queryParamMap());
        Language lang = language(params);
        String query = params.get("query");
        int pageNumber = params.positive("pageNumber", 1);
        int pageSize = params.positive("pageSize", DEFAULT_PAGE_SIZE);
        params.flag("includeDiscontinued", false);
        Catalog catalog = store.catalog();
        if (params.get("pastDays") != null) {
            int days = params.positive("pastDays", 1);
            java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(days));
            if (updatedAt(catalog).isBefore(since)) {
                return tablesPage(List.of(), lang, pageNumber, pageSize);
            }
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (PxTableId id : ReleasedStore.tableIds(catalog)) {
            Cube cube = store.cube(id);
            if (id.dimension() != null && cube.size() == 0) {
                continue; // the indicator's sources do not carry this dimension: no table of it
            }
            Map<String, Object> t = listing(table(cube, catalog, lang), catalog, lang);
            String text = (id.id() + " " + t.get("label") + " " + t.get("description")).toLowerCase(Locale.ROOT);
            if (query == null || query.isBlank() || java.util.Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
                    .allMatch(text::contains)) {
                all.add(t);
            }
        }
        return tablesPage(all, lang, pageNumber, pageSize);
    }

    private Map<String, Object> tablesPage(List<Map<String, Object>> all, Language lang, int pageNumber, int pageSize) {
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

    /** {@code /api/v2/tables/{id}}: one table's listing, in the language asked for. */
    public Map<String, Object> table(Context ctx) {
        Catalog catalog = store.catalog();
        Language lang = language(new PxParams(ctx.queryParamMap()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("language", lang.code());
        t.putAll(listing(served(ctx, tableId(catalog, ctx.pathParam("id")), catalog, lang), catalog, lang));
        return t;
    }

    private Map<String, Object> listing(PxTable px, Catalog catalog, Language lang) {
        Indicator i = px.indicator();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "Table");
        t.put("id", px.id());
        t.put("label", px.title());
        t.put("description", lang == Language.SV ? i.descriptionSv() : i.descriptionEn());
        // a group table sorts right after its indicator's own table
        t.put("sortCode", String.format(Locale.ROOT, "%d-%04d%s", i.goal(), catalog.indicators().keySet().stream().toList().indexOf(i.code()),
                px.id().substring(i.code().length())));
        t.put("updated", updated(px));
        List<String> periods = new ArrayList<>(px.variables().get("Tid").values().keySet());
        t.put("firstPeriod", periods.isEmpty() ? null : periods.get(0));
        t.put("lastPeriod", periods.isEmpty() ? null : periods.get(periods.size() - 1));
        t.put("category", "public");
        t.put("variableNames", px.variables().values().stream().map(Variable::label).toList());
        t.put("discontinued", false);
        t.put("source", lang.text("px.source"));
        t.put("subjectCode", "goal" + i.goal());
        t.put("timeUnit", px.timeUnit());
        t.put("paths", paths(i, catalog, lang));
        String base = BASE + "/tables/" + px.id();
        t.put("links", List.of(link("self", lang, base + "?lang=" + lang.code()), link("metadata", lang, base + "/metadata?lang="
                + lang.code()), link("data", lang, base + "/data?lang=" + lang.code())));
        return t;
    }

    /**
     * Where the table sits, as PxWeb's folders: its goal, then each sub-goal of the loaded follow-up
     * structure it serves (one path per sub-goal; the goal alone without a structure).
     */
    private static List<List<Map<String, String>>> paths(Indicator i, Catalog catalog, Language lang) {
        Map<String, String> goal = Map.of("id", "goal" + i.goal(), "label", lang.text("section.goal", i.goal(), "").replaceAll(":\\s*$", ""));
        List<List<Map<String, String>>> paths = new ArrayList<>();
        for (var subgoal : catalog.subgoals()) {
            if (i.subgoals().contains(subgoal.code())) {
                paths.add(List.of(goal, Map.of("id", subgoal.code(), "label", lang == Language.SV ? subgoal.titleSv() : subgoal.titleEn())));
            }
        }
        return paths.isEmpty() ? List.of(List.of(goal)) : paths;
    }

    /**
     * {@code /api/v2/tables/{id}/metadata}: JSON-stat 2.0 with every variable and the values that
     * have data; {@code codelist[VAR]} gives a variable a codelist's values, {@code defaultSelection}
     * the codelists the default selection uses (none), {@code savedQuery} is not served.
     */
    public Map<String, Object> metadata(Context ctx) {
        PxParams params = new PxParams(ctx.queryParamMap());
        Catalog catalog = store.catalog();
        Language lang = language(params);
        PxTable table = served(ctx, tableId(catalog, ctx.pathParam("id")), catalog, lang);
        params.flag("defaultSelection", false);
        if (params.get("savedQuery") != null && !params.get("savedQuery").isBlank()) {
            throw ApiProblem.badParameter("savedQuery", params.get("savedQuery"), "Saved queries are not served here (see the README's list"
                    + " of differences from PxWebApi 2); leave savedQuery out.", List.of());
        }
        Map<String, String> codelists = codelists(table, params);
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        table.variables().forEach((id, v) -> {
            Map<String, String> values = v.values(codelists.get(id));
            all.put(id, List.copyOf(values.keySet()));
            labels.put(id, values);
        });
        Map<String, Object> doc = new PxData(table, all, labels, PxTable.HEADING, table.stub(), codelists).jsonStat(false, updated(table));
        doc.put("value", List.of());
        return doc;
    }

    /** {@code /api/v2/tables/{id}/defaultselection}: the selection and placement the data route answers when none is given. */
    public Map<String, Object> defaultSelection(Context ctx) {
        PxParams params = new PxParams(ctx.queryParamMap());
        Catalog catalog = store.catalog();
        Language lang = language(params);
        PxTable table = served(ctx, tableId(catalog, ctx.pathParam("id")), catalog, lang);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("language", lang.code());
        List<Map<String, Object>> selection = new ArrayList<>();
        table.defaultSelection().forEach((id, values) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("variableCode", id);
            s.put("codelist", null);
            s.put("valueCodes", values);
            selection.add(s);
        });
        doc.put("selection", selection);
        List<List<String>> layout = table.layout(table.defaultSelection());
        doc.put("placement", Map.of("heading", layout.get(0), "stub", layout.get(1)));
        String base = BASE + "/tables/" + table.id();
        doc.put("links", List.of(link("self", lang, base + "/defaultselection?lang=" + lang.code()), link("data", lang, base + "/data?lang="
                + lang.code())));
        return doc;
    }

    /**
     * {@code /api/v2/codelists/{id}}: a codelist of any table (healthcare regions, other time units),
     * each value with the codes of the variable's own values it stands for.
     */
    public Map<String, Object> codelist(Context ctx) {
        PxParams params = new PxParams(ctx.queryParamMap());
        Catalog catalog = store.catalog();
        Language lang = language(params);
        String id = ctx.pathParam("id");
        for (Indicator i : catalog.indicators().values()) {
            PxTable table = table(store.cube(new PxTableId(i, null)), catalog, lang);
            for (Variable v : table.variables().values()) {
                Variable.Codelist list = v.codelists().get(id);
                if (list != null) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("id", list.id());
                    doc.put("label", list.label());
                    doc.put("language", lang.code());
                    doc.put("languages", List.of("sv", "en"));
                    doc.put("elimination", false);
                    doc.put("type", list.type());
                    List<Map<String, Object>> values = new ArrayList<>();
                    list.values().forEach((code, label) -> {
                        Map<String, Object> value = new LinkedHashMap<>();
                        value.put("code", code);
                        value.put("label", label);
                        value.put("valueMap", list.valueMap().getOrDefault(code, List.of(code)));
                        values.add(value);
                    });
                    doc.put("values", values);
                    doc.put("links", List.of(link("self", lang, BASE + "/codelists/" + list.id() + "?lang=" + lang.code())));
                    return doc;
                }
            }
        }
        throw ApiProblem.notFound("There is no codelist '" + Query.printable(id) + "'. Each table's metadata lists its codelists (dimension"
                + " extension.codelists), e.g. " + PxTable.HEALTHCARE_REGIONS + " (see " + BASE + "/tables).");
    }

    /** {@code /api/v2/tables/{id}/data}, GET or POST, in the output format asked for. */
    public void data(Context ctx) {
        PxParams params = new PxParams(ctx.queryParamMap());
        Catalog catalog = store.catalog();
        Language lang = language(params);
        PxTable table = served(ctx, tableId(catalog, ctx.pathParam("id")), catalog, lang);
        Map<String, List<String>> expressions = new LinkedHashMap<>();
        Map<String, String> codelists = new LinkedHashMap<>();
        List<List<String>> placement = new ArrayList<>(List.of(params.list("heading"), params.list("stub")));
        boolean body = ctx.method().name().equals("POST") && ctx.bodyAsBytes().length > 0;
        if (body) {
            readBody(ctx, table, expressions, codelists, placement);
        }
        params.valueCodes().forEach((name, values) -> expressions.put(variable(table, name, "valueCodes[" + name + "]"), values));
        codelists.putAll(codelists(table, params));
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        Map<String, List<String>> defaults = expressions.isEmpty() && codelists.isEmpty() ? table.defaultSelection() : null;
        for (String id : table.order()) {
            Variable v = table.variables().get(id);
            chosen.put(id, defaults != null ? defaults.get(id) : v.select(expressions.get(id), codelists.get(id)));
            labels.put(id, v.values(codelists.get(id)));
        }
        List<String>[] layout = layout(table, chosen, placement.get(0), placement.get(1));
        PxData data = new PxData(table, chosen, labels, layout[0], layout[1], codelists);
        if (data.cells() > settings.maxCells()) {
            throw ApiProblem.tooManyCells(data.cells(), settings.maxCells(), "Select fewer values with valueCodes[VARIABLE] (see "
                    + BASE + "/tables/" + table.id() + "/metadata and " + BASE + "/config).");
        }
        String format = params.get("outputFormat");
        format = format == null ? "json-stat2" : format.toLowerCase(Locale.ROOT);
        OutputParams output = OutputParams.of(params.list("outputFormatParams"), format);
        String name = table.id();
        String updated = updated(table);
        switch (format) {
            case "json-stat2" -> ctx.contentType("application/json; charset=utf-8").result(json(data.jsonStat(true, updated)));
            case "json-px" -> ctx.contentType("application/json; charset=utf-8").result(json(data.jsonPx()));
            case "csv" -> attach(ctx, name + ".csv").contentType("text/csv; charset=utf-8").result(output.titled(data,
                    CsvTables.write(output.columns(data.longTable()), output.dialect())));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(data.html(output.codes(), output.texts(), output.title()));
            case "xlsx" -> attach(ctx, name + ".xlsx").contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .result(XlsxTables.write(Map.of(name, output.columns(data.longTable())), se.lagesbild.publishing.text.Labels.none(lang)));
            case "px" -> attach(ctx, name + ".px").contentType("text/plain; charset=utf-8").result(data.px(updated));
            case "arrow" -> attach(ctx, name + ".arrows").contentType(Format.ARROW.contentType())
                    .result(TableWriter.write(data.longTable(), Format.ARROW));
            case "parquet" -> attach(ctx, name + ".parquet").contentType("application/vnd.apache.parquet")
                    .result(ParquetTables.write(data.longTable()));
            default -> throw ApiProblem.badParameter("outputFormat", format, "Unknown output format '" + Query.printable(format)
                    + "'. Formats: " + String.join(", ", FORMATS) + ".", FORMATS);
        }
    }

    /** The codelists {@code codelist[VAR]} asks for, each checked against its variable. */
    private static Map<String, String> codelists(PxTable table, PxParams params) {
        Map<String, String> lists = new LinkedHashMap<>();
        params.codelists().forEach((name, list) -> {
            String id = variable(table, name, "codelist[" + name + "]");
            table.variables().get(id).values(list);
            lists.put(id, list);
        });
        return lists;
    }

    /**
     * The layout asked for (heading, stub), completed as PxWebApi does: a variable named in neither
     * goes to the stub; none named gives the selection's own layout ({@link PxTable#layout}).
     */
    @SuppressWarnings("unchecked")
    private static List<String>[] layout(PxTable table, Map<String, List<String>> chosen, List<String> heading, List<String> stub) {
        if (heading.isEmpty() && stub.isEmpty()) {
            List<List<String>> own = table.layout(chosen);
            return new List[] {own.get(0), own.get(1)};
        }
        List<String> h = new ArrayList<>();
        for (String v : heading) {
            h.add(variable(table, v, "heading"));
        }
        List<String> s = new ArrayList<>();
        for (String v : stub) {
            String id = variable(table, v, "stub");
            if (h.contains(id)) {
                throw ApiProblem.badParameter("stub", v, id + " is placed both in the heading and the stub; name it once.", table.order());
            }
            s.add(id);
        }
        for (String id : table.order()) {
            if (!h.contains(id) && !s.contains(id)) {
                s.add(id);
            }
        }
        return new List[] {List.copyOf(h), List.copyOf(s)};
    }

    /**
     * The table of an indicator as served now, and the answer's headers saying which vintage it is of:
     * {@code Lagesbild-Vintage} the load batch its values are as of, and, while a newer vintage's
     * values are still being computed in the background (answers keep coming from the one before),
     * {@code Lagesbild-Newer-Vintage} that batch.
     */
    private PxTable served(Context ctx, PxTableId id, Catalog catalog, Language lang) {
        Cube cube = store.cube(id);
        if (id.dimension() != null && cube.size() == 0) {
            throw ApiProblem.notFound("The table " + id.id() + " has no values: the sources of " + id.indicator().code() + " ("
                    + id.indicator().dataSource() + ") carry no " + id.dimension() + " (see " + BASE + "/tables for the tables there are).");
        }
        ctx.header(VINTAGE_HEADER, String.valueOf(cube.batch()));
        if (store.newerBeingComputed(cube)) {
            ctx.header(NEWER_VINTAGE_HEADER, catalog.maxBatchId() + "; being computed, answers move to it when every table is ready");
        }
        return table(cube, catalog, lang);
    }

    /** When the values of a table were loaded (its vintage's newest batch), ISO 8601 in UTC. */
    private static String updated(PxTable table) {
        return table.cube().loaded().atOffset(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
    }

    /** The table of a cube in a language, made once per cube (per vintage). */
    private static PxTable table(Cube cube, Catalog catalog, Language lang) {
        return cube.view(lang, () -> new PxTable(cube, catalog, lang));
    }

    private static Context attach(Context ctx, String file) {
        return ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    /**
     * A POST body as SCB's: {@code {"selection":[{"variableCode":"Region","valueCodes":["01"],"codelist":"..."}],
     * "placement":{"heading":["Tid"],"stub":["Region"]}}}; variable codes in any case.
     */
    private static void readBody(Context ctx, PxTable table, Map<String, List<String>> expressions, Map<String, String> codelists,
                                 List<List<String>> placement) {
        JsonNode body;
        try {
            body = JsonTables.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ApiProblem.badParameter("body", null, "The body is not JSON: " + e.getMessage().lines().findFirst().orElse("") + ". Send {\"selection\":"
                    + " [{\"variableCode\": \"Region\", \"valueCodes\": [\"01\"]}]}.", List.of());
        }
        if (body == null || !body.path("selection").isArray()) {
            throw ApiProblem.badParameter("body", null, "The body needs a selection: {\"selection\": [{\"variableCode\": \"Region\","
                    + " \"valueCodes\": [\"01\"]}]}.", List.of());
        }
        for (JsonNode s : body.path("selection")) {
            String given = s.path("variableCode").isTextual() ? s.path("variableCode").asText() : null;
            if (given == null) {
                throw ApiProblem.badParameter("selection.variableCode", null, "Each selection needs a variableCode.", table.order());
            }
            String id = variable(table, given, "selection.variableCode");
            List<String> values = new ArrayList<>();
            s.path("valueCodes").forEach(v -> values.add(v.asText()));
            if (!values.isEmpty()) {
                expressions.put(id, values);
            }
            if (s.hasNonNull("codelist") && !s.get("codelist").asText().isBlank()) {
                codelists.put(id, s.get("codelist").asText());
                table.variables().get(id).values(s.get("codelist").asText());
            }
        }
        JsonNode place = body.path("placement");
        if (place.isObject()) {
            List<String> heading = new ArrayList<>();
            List<String> stub = new ArrayList<>();
            place.path("heading").forEach(v -> heading.add(v.asText()));
            place.path("stub").forEach(v -> stub.add(v.asText()));
            if (!heading.isEmpty() || !stub.isEmpty()) {
                placement.set(0, heading);
                placement.set(1, stub);
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

    /** The variable a name means, in any case ("tid" is Tid), or a 400 naming the parameter. */
    private static String variable(PxTable table, String id, String parameter) {
        for (String known : table.variables().keySet()) {
            if (known.equalsIgnoreCase(id.trim())) {
                return known;
            }
        }
        throw ApiProblem.badParameter(parameter, id, "No variable '" + Query.printable(id) + "' in " + table.id()
                + ". Variables: " + String.join(", ", table.order()) + ".", table.order());
    }

    /**
     * The table an id names: an indicator's code, or {@code CODE_by_DIMENSION} for an indicator whose
     * sources can carry population groups; else a 404 listing the indicators' tables.
     */
    private static PxTableId tableId(Catalog catalog, String id) {
        Indicator i = catalog.indicators().get(id);
        if (i != null) {
            return new PxTableId(i, null);
        }
        for (PxTableId t : ReleasedStore.tableIds(catalog)) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw ApiProblem.notFound("There is no table '" + Query.printable(id) + "'. Tables: " + String.join(", ",
                catalog.indicators().keySet()) + ", and by population group CODE" + PxTableId.BY + "DIMENSION (" + String.join(", ",
                catalog.populationDimensions()) + ") for " + String.join(", ", catalog.groupedIndicators()) + " (see " + BASE + "/tables).");
    }

    /** The language of {@code lang} (any case of the name, as PxWebApi): sv (the default) or en. */
    static Language language(PxParams params) {
        String lang = params.get("lang");
        try {
            return Language.parse(lang, "lang");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("lang", lang, e.getMessage(), List.of("sv", "en"));
        }
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
        return updatedAt(catalog).atOffset(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
    }

    private static java.time.Instant updatedAt(Catalog catalog) {
        return catalog.newestLoad();
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
