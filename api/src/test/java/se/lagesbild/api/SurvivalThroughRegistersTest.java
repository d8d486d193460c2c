package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.CATALOGUE_INDICATOR;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.Warehouse;

/**
 * Survival through the documented register formats and the HTTP API, against R: relsurv's colrec
 * (with its population table slopop) is written as the cancer register (each censoring before the
 * closing date a lost_to_follow_up_date), the cause-of-death register and a life table, loaded by
 * the real loaders, with six day-0 cases added; net survival of each year's adults as a cohort,
 * without age standardisation (four catalogue rows, as an analyst adds them), is asked of the real
 * server and compared with {@code rs.surv(..., add.times = c(1, 3, 5, 10) * 365.241)} of R 4.2.2 with
 * relsurv 2.2.9 (warehouse/src/test/r/survival-fixtures.R, register_cohorts.csv) to 1e-8, with its
 * standard error; the day-0 cases are left out before the estimator and counted in the answer.
 */
class SurvivalThroughRegistersTest {
    private static final Path FIXTURES = Path.of("..", "warehouse", "src", "test", "resources", "stats", "survival");

    @TempDir
    Path folder;

    @Test
    void theApiGivesWhatRelsurvGivesAtExactlyOneThreeFiveAndTenYears() throws Exception {
        LocalDate closing = writeRegisters();
        Path file = folder.resolve("w.duckdb");
        try (Warehouse w = Warehouse.openForWriting(file)) {
            for (String[] f : new String[][] {{"life-tables", "life-tables.csv"}, {"cancer-register", "cancer-register.csv"},
                {"deaths", "deaths.csv"}}) {
                LoadRequest request = LoadRequest.of(f[0], folder.resolve(f[1]));
                LoadOutcome outcome = FileLoader.load(w, f[0].equals("deaths") ? request.withFollowUpUntil(closing) : request, LoadListener.SILENT);
                assertEquals(LoadOutcome.Status.LOADED, outcome.status(), f[1] + ": " + outcome.firstProblems());
                assertEquals(0, outcome.rowsQuarantined(), f[1] + ": " + outcome.firstProblems());
            }
            for (int years : new int[] {1, 3, 5, 10}) {
                w.dsl().insertInto(CATALOGUE_INDICATOR)
                        .set(CATALOGUE_INDICATOR.INDICATOR_CODE, "colrec_net_survival_" + years + "y").set(CATALOGUE_INDICATOR.GOAL_CODE, 2)
                        .set(CATALOGUE_INDICATOR.TITLE_SV, "Nettoöverlevnad " + years + " år").set(CATALOGUE_INDICATOR.TITLE_EN, "Net survival")
                        .set(CATALOGUE_INDICATOR.DESCRIPTION_SV, "").set(CATALOGUE_INDICATOR.DESCRIPTION_EN, "")
                        .set(CATALOGUE_INDICATOR.UNIT, "proportion").set(CATALOGUE_INDICATOR.DIRECTION, "higher_is_better")
                        .set(CATALOGUE_INDICATOR.METHOD, "net_survival").set(CATALOGUE_INDICATOR.METHOD_PARAM, (double) years)
                        .set(CATALOGUE_INDICATOR.SCOPE, "adult").set(CATALOGUE_INDICATOR.DATA_SOURCE, "cancer-register, deaths, life-tables")
                        .set(CATALOGUE_INDICATOR.MART_VIEW, "mart_survival_adults").set(CATALOGUE_INDICATOR.DISCLOSURE_FAMILY, "colrec-" + years)
                        .set(CATALOGUE_INDICATOR.METHOD_OPTIONS, "analysis=cohort; standardisation=none").execute();
            }
        }
        try (ApiServer server = new ApiServer(new ServedWarehouse(file, 2, message -> { }), ApiSettings.defaults().withPort(0).withRateLimit(0))) {
            server.start();
            int checked = 0;
            for (var row : read(FIXTURES.resolve("register_cohorts.csv"))) {
                int years = (int) Double.parseDouble(row.get("years"));
                JsonNode value = value(server.port(), "colrec_net_survival_" + years + "y", row.get("year"));
                String what = "cohort " + row.get("year") + " at " + years + " years";
                double surv = Double.parseDouble(row.get("surv"));
                assertEquals(surv, value.get("value").asDouble(), 1e-8, what);
                assertEquals(surv * Double.parseDouble(row.get("std_err")), value.get("standard_error").asDouble(), 1e-8, what + ", standard error");
                assertEquals(Double.parseDouble(row.get("patients")), value.get("denominator").asDouble(), what + ", patients");
                assertTrue(value.get("method").asText().startsWith("Pohar Perme net survival, not age-standardised, cohort analysis"),
                        value.get("method").asText());
                checked++;
            }
            assertEquals(28, checked, "seven diagnosis years at four times");
            String method = value(server.port(), "colrec_net_survival_1y", "1996").get("method").asText();
            assertTrue(method.contains("excluded before estimation (Riket, both sexes, diagnosed 1996): 6 no follow-up (0 days)"), method);
        }
    }

    private static JsonNode value(int port, String indicator, String period) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/indicators/" + indicator + "/values?period=" + period + "&region=00&diagnosis=MALIGNANT&sex=3")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode rows = TestApi.JSON.readTree(response.body()).get("rows");
        assertEquals(1, rows.size(), response.body());
        return rows.get(0);
    }

    /** colrec as the three registers; returns the closing date (the last exit). */
    private LocalDate writeRegisters() throws IOException {
        List<Map<String, String>> patients = read(FIXTURES.resolve("patients.csv")).stream().filter(r -> r.get("dataset").equals("colrec")).toList();
        LocalDate closing = LocalDate.MIN;
        for (var p : patients) {
            LocalDate exit = LocalDate.parse(p.get("diagnosis")).plusDays(Long.parseLong(p.get("time")));
            closing = exit.isAfter(closing) ? exit : closing;
        }
        List<String> register = new ArrayList<>(List.of(
                "person_id,sex_code,birth_date,diagnosis_date,icd10_code,stage,region_code,basis_of_diagnosis,lost_to_follow_up_date"));
        List<String> deaths = new ArrayList<>(List.of("person_id,sex_code,birth_date,death_date,underlying_cause,region_code"));
        for (var p : patients) {
            LocalDate dx = LocalDate.parse(p.get("diagnosis"));
            LocalDate birth = dx.minusDays(Long.parseLong(p.get("age_days")));
            LocalDate exit = dx.plusDays(Long.parseLong(p.get("time")));
            boolean died = p.get("status").equals("1");
            String id = "C" + p.get("id");
            register.add(id + "," + p.get("sex") + "," + birth + "," + dx + ",C18.9,II,01,7," + (!died && exit.isBefore(closing) ? exit : ""));
            if (died) {
                deaths.add(id + "," + p.get("sex") + "," + birth + "," + exit + ",C18.9,01");
            }
        }
        for (int i = 0; i < 6; i++) {
            // died on the day of diagnosis: no follow-up at all, left out before any estimator (rs.surv drops them too)
            LocalDate dx = LocalDate.of(1996, 3, 1 + i);
            register.add("Z" + i + ",1,1930-01-01," + dx + ",C18.9,IV,01,7,");
            deaths.add("Z" + i + ",1,1930-01-01," + dx + ",C18.9,01");
        }
        Files.write(folder.resolve("cancer-register.csv"), register, StandardCharsets.UTF_8);
        Files.write(folder.resolve("deaths.csv"), deaths, StandardCharsets.UTF_8);
        List<String> table = new ArrayList<>(List.of("year,sex_code,age,death_probability"));
        for (var r : read(FIXTURES.resolve("life_tables.csv"))) {
            if (r.get("table").equals("slopop")) {
                table.add(r.get("year") + "," + r.get("sex") + "," + r.get("age") + "," + Double.toString(Double.parseDouble(r.get("q"))));
            }
        }
        Files.write(folder.resolve("life-tables.csv"), table, StandardCharsets.UTF_8);
        return closing;
    }

    /** A fixture written by R: the first line names the versions; values are trimmed. */
    private static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i].strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
