package se.lagesbild.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Distinct PxWebApi 2 data URLs drawn at random from the space of valid selections, as a client
 * reads it from the server: every table, each variable's values and codelists from the table's
 * metadata, the cell limit from {@code /config}. Each selection takes some values of each variable
 * (or a wildcard, {@code top(n)}, {@code from(x)}, a codelist), leaves an eliminable variable out at
 * times, and asks for JSON-stat or CSV; selections above the cell limit are drawn again.
 */
final class SelectionSpace {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SelectionSpace() {
    }

    /**
     * @param cellLimit the most cells a selection may have; 0 or above the server's maxDataCells: the server's
     */
    static List<String> draw(String base, int count, long seed, int cellLimit) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        int maxCells = get(http, base + "/api/v2/config").path("maxDataCells").asInt();
        if (cellLimit > 0 && cellLimit < maxCells) {
            maxCells = cellLimit;
        }
        List<String> tables = new ArrayList<>();
        get(http, base + "/api/v2/tables?pageSize=1000").path("tables").forEach(t -> tables.add(t.path("id").asText()));
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        for (String t : tables) {
            metadata.put(t, get(http, base + "/api/v2/tables/" + t + "/metadata"));
        }
        Random random = new Random(seed);
        Set<String> urls = new LinkedHashSet<>();
        int attempts = 0;
        while (urls.size() < count && attempts++ < count * 20) {
            String table = tables.get(random.nextInt(tables.size()));
            String url = selection(table, metadata.get(table), random, maxCells);
            if (url != null) {
                urls.add(url);
            }
        }
        return new ArrayList<>(urls);
    }

    private static String selection(String table, JsonNode meta, Random random, int maxCells) {
        StringBuilder url = new StringBuilder("/api/v2/tables/").append(table).append("/data?lang=").append(random.nextInt(4) == 0 ? "en"
                : "sv");
        long cells = 1;
        for (JsonNode id : meta.path("id")) {
            String variable = id.asText();
            JsonNode dimension = meta.path("dimension").path(variable);
            List<String> codes = new ArrayList<>();
            dimension.path("category").path("index").fieldNames().forEachRemaining(codes::add);
            boolean eliminable = dimension.path("extension").path("elimination").asBoolean();
            JsonNode codelists = dimension.path("extension").path("codelists");
            if (eliminable && random.nextInt(3) > 0 || codes.isEmpty()) {
                continue; // left out: its elimination value (or, for the others, their default)
            }
            if (variable.equals("Tid") && codelists.size() > 0 && random.nextInt(3) == 0) {
                String list = codelists.get(random.nextInt(codelists.size())).path("id").asText();
                int n = 1 + random.nextInt(6);
                url.append("&codelist%5BTid%5D=").append(list).append("&valueCodes%5BTid%5D=top(").append(n).append(")");
                cells *= n;
                continue;
            }
            if (variable.equals("Region") && codelists.size() > 0 && random.nextInt(5) == 0) {
                url.append("&codelist%5BRegion%5D=").append(codelists.get(0).path("id").asText()).append("&valueCodes%5BRegion%5D=*");
                cells *= 7;
                continue;
            }
            int kind = random.nextInt(10);
            String expression;
            long n;
            if (kind == 0) {
                expression = "*";
                n = codes.size();
            } else if (kind == 1 && variable.equals("Tid")) {
                int k = 1 + random.nextInt(Math.min(3, codes.size()));
                expression = "top(" + k + ")";
                n = k;
            } else if (kind == 2 && variable.equals("Tid")) {
                int from = random.nextInt(codes.size());
                expression = "from(" + codes.get(from) + ")";
                n = codes.size() - from;
            } else {
                List<String> shuffled = new ArrayList<>(codes);
                Collections.shuffle(shuffled, random);
                List<String> chosen = shuffled.subList(0, 1 + random.nextInt(Math.min(4, codes.size())));
                expression = String.join(",", chosen);
                n = chosen.size();
            }
            url.append("&valueCodes%5B").append(variable).append("%5D=").append(encode(expression));
            cells *= n;
        }
        if (cells > maxCells) {
            return null;
        }
        if (random.nextInt(5) == 0) {
            url.append("&outputFormat=csv");
        }
        return url.toString();
    }

    /**
     * Distinct v1 requests of the routes answered from the server's computed tables, each valid: an
     * indicator's values (one of its periods, diagnoses and age groups, one to four regions, a sex or
     * all), its equity (a period × diagnosis × age group with a value for Riket, regions or healthcare
     * regions) and its baseline comparison (two of its years, one to three regions), in the proportions
     * 2 : 1 : 1. The cells each indicator has are read first from its values for Riket.
     */
    static List<String> drawV1(String base, int count, long seed) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> indicators = codes(get(http, base + "/api/v1/indicators"));
        List<String> regions = codes(get(http, base + "/api/v1/regions"));
        Map<String, List<String[]>> cells = new LinkedHashMap<>();
        for (String code : indicators) {
            List<String[]> shown = new ArrayList<>();
            get(http, base + "/api/v1/indicators/" + code + "/values?region=00&sex=3").path("rows").forEach(r -> {
                if (!r.path("suppressed").asBoolean() && r.path("value").isNumber()) {
                    shown.add(new String[] {r.path("period_code").asText(), r.path("diagnosis_code").asText(), r.path("age_group_code").asText()});
                }
            });
            if (!shown.isEmpty()) {
                cells.put(code, shown);
            }
        }
        List<String> codes = new ArrayList<>(cells.keySet());
        java.util.Random random = new java.util.Random(seed);
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        for (int attempts = 0; !codes.isEmpty() && urls.size() < count && attempts < count * 20; attempts++) {
            String code = codes.get(random.nextInt(codes.size()));
            List<String[]> shown = cells.get(code);
            String[] cell = shown.get(random.nextInt(shown.size()));
            String route = "/api/v1/indicators/" + code;
            String slice = "&diagnosis=" + encode(cell[1]) + "&age=" + encode(cell[2]);
            double kind = random.nextDouble();
            if (kind < 0.5) {
                urls.add(route + "/values?period=" + encode(cell[0]) + slice + "&region=" + some(regions, 4, random) + "&sex="
                        + List.of("1", "2", "3", "1,2,3").get(random.nextInt(4)));
            } else if (kind < 0.75) {
                urls.add(route + "/equity?period=" + encode(cell[0]) + slice + "&level=" + (random.nextBoolean() ? "region" : "healthcare-region"));
            } else {
                List<String> years = shown.stream().map(c -> c[0]).filter(p -> p.matches("\\d{4}")).distinct().sorted().toList();
                if (years.size() >= 2) {
                    int from = random.nextInt(years.size() - 1);
                    int to = from + 1 + random.nextInt(years.size() - 1 - from);
                    urls.add(route + "/baseline?baseline=" + years.get(from) + "&followup=" + years.get(to) + slice + "&region="
                            + some(regions, 3, random));
                }
            }
        }
        return new ArrayList<>(urls);
    }

    private static String encode(String code) {
        return java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> codes(JsonNode table) {
        List<String> codes = new ArrayList<>();
        table.path("rows").forEach(r -> codes.add(r.path("code").asText()));
        return codes;
    }

    /** One to {@code most} distinct codes, comma-separated, in order. */
    private static String some(List<String> codes, int most, java.util.Random random) {
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, random);
        List<String> chosen = new ArrayList<>(shuffled.subList(0, Math.min(codes.size(), 1 + random.nextInt(most))));
        Collections.sort(chosen);
        return String.join(",", chosen);
    }

    private static JsonNode get(HttpClient http, String url) throws IOException {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new WarehouseException("benchmark-api: " + url + " answered " + r.statusCode() + ": " + new String(r.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
