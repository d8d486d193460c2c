package se.lagesbild.api.release;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.api.ApiServer;
import se.lagesbild.api.ApiSettings;
import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.WarehouseException;

/**
 * The launcher's training run for a release server's class-data-sharing archive: serves the
 * release files on a free loopback port, asks the requests a first client asks (PxWebApi 2's table
 * list, a table's metadata and data as JSON-stat and CSV, v1's catalogue, values and equity in the
 * table's newest year with a value for Riket), then stops.
 * Run with {@code -XX:ArchiveClassesAtExit=FILE}, the JVM then writes every class the serving path
 * loaded into FILE; a later {@code serve --release} started with {@code -XX:SharedArchiveFile=FILE}
 * maps them instead of loading and verifying them again (JDK 13+, "dynamic CDS"; about 0.7 s of a
 * 2–3 s start on this machine). Answers are read and thrown away; an answer 5xx or a failed
 * connection fails the training, so the launcher keeps no archive of a path that did not run.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    /** Serves {@code files} with {@code settings}, asks the requests and stops; each path asked with its status. */
    public static Map<String, Integer> run(List<Path> files, ApiSettings settings) {
        List<Opening> openings = files.stream().map(Opening::start).toList();
        Releases releases = new Releases(openings);
        ApiServer server = new ApiServer(releases.served(), settings);
        try {
            int port = server.start();
            String table = releases.catalog().indicators().keySet().iterator().next();
            Cube cube = releases.cube(new PxTableId(releases.catalog().indicators().get(table), null));
            String year = cube.codes(Cube.PERIOD).stream().filter(code -> code.matches("\\d{4}") && cube.shownForRiket(code))
                    .max(java.util.Comparator.naturalOrder()).orElse("");
            Cell riket = cube.values(List.of(year)).stream().filter(v -> !v.suppressed() && v.cell().geoCode().equals("00"))
                    .map(ReleasedValue::cell).findFirst().orElse(null);
            String period = riket == null ? year : year + "&diagnosis=" + encoded(riket.diagnosisCode()) + "&age=" + encoded(riket.ageGroupCode());
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (String path : List.of("/api/v2/tables?pageSize=1000", "/api/v2/tables/" + table + "/metadata", "/api/v2/tables/" + table
                    + "/data", "/api/v2/tables/" + table + "/data?outputFormat=csv", "/api/v1/indicators", "/api/v1/indicators/" + table
                    + "/values?period=" + period + "&format=csv", "/api/v1/indicators/" + table + "/equity?period=" + period)) {
                statuses.put(path, ask("http://127.0.0.1:" + port + path));
            }
            return statuses;
        } finally {
            server.close();
            releases.close();
        }
    }

    private static String encoded(String code) {
        return java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int ask(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            if (status >= 500) {
                throw new WarehouseException("class-data training: " + url + " answered " + status);
            }
            return status;
        } catch (IOException e) {
            throw new WarehouseException("class-data training: " + url + ": " + e.getMessage(), e);
        }
    }
}
