package se.lagesbild.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Every notebook executed headlessly by real Jupyter with the Java kernel on the demo warehouse; a failing cell fails the test.
 * The yearly follow-up notebook is executed by {@code lagesbild report} in YearlyReportRunTest (Swedish and English).
 */
class NotebooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Executes {@code name} and returns the HTML each code cell showed, in order; asserts no cell failed or wrote to stderr. */
    private static List<String> run(String name, Path out, Map<String, String> parameters) throws IOException {
        Jupyter jupyter = new Jupyter(DemoWarehouse.home());
        Map<String, String> env = new java.util.HashMap<>(parameters);
        env.put("LAGESBILD_DB", DemoWarehouse.file().toString());
        jupyter.execute(jupyter.notebooks().resolve(name), "notebook", out, "executed", env, 600);
        JsonNode nb = JSON.readTree(out.resolve("executed.ipynb").toFile());
        List<String> shown = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            StringBuilder html = new StringBuilder();
            for (JsonNode output : cell.path("outputs")) {
                assertFalse(output.path("output_type").asText().equals("error"), name + ": " + output);
                assertFalse(output.path("name").asText().equals("stderr"), name + " wrote to stderr: " + output);
                for (JsonNode line : output.path("data").path("text/html")) {
                    html.append(line.asText());
                }
            }
            shown.add(html.toString());
        }
        return shown;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void exploreShowsTheLoadedDataTheCatalogueAndOneIndicator(@TempDir Path out) throws IOException {
        List<String> cells = run("explore.ipynb", out, Map.of("LAGESBILD_YEAR", "2026"));
        String all = String.join("", cells);
        assertTrue(cells.get(1).contains("svf-pathways-2027.csv"), "the vintages list every loaded file");
        assertTrue(cells.get(2).contains("Mål 1") && cells.get(2).contains("Behandlingsstart inom maximal ledtid"),
                "the catalogue in Swedish, by title");
        assertFalse(all.contains("svf_within_lead_time") || all.contains("geo_code") || all.contains("p_value"),
                "no indicator code or column name in what an analyst reads");
        assertEquals(5, count(all, "data:image/png;base64,"), "bars across regions, the funnel, women and men, survival, education");
        assertTrue(cells.get(3).contains("<td>Västernorrland</td>") && cells.get(3).contains("<th>Värde (95 % KI)</th>"),
                "regions by name, labelled headers");
        assertTrue(cells.get(3).matches("(?s).*<td class=\"n\">\\d+,\\d\u00a0% \\(\\d+,\\d–\\d+,\\d\\)</td>.*"),
                "shares as Swedish per cent with the interval beside: " + cells.get(3));
        assertTrue(cells.get(4).contains("inom gränserna") || cells.get(4).contains("låg, utanför"), "funnel positions in words");
        assertTrue(cells.get(5).contains("Justerat p-värde"));
        assertTrue(cells.get(6).contains("Nettoöverlevnad 5 år") && cells.get(6).contains("<td>Västernorrland</td>"),
                "survival across the regions");
        // at the demo's fiftieth of Sweden a small group of 2026 is hidden at Riket, and the measures with it (2027's are in the report)
        assertTrue(cells.get(7).contains("<td>Förgymnasial utbildning</td>") && (cells.get(7).contains("Lutningsindex (SII)")
                || cells.get(7).contains("Inga sammanfattande mått: en grupp är dold av röjandekontroll")), "stage by education: " + cells.get(7));
    }

    @Test
    void theAgreementFollowUp(@TempDir Path out) throws IOException {
        List<String> cells = run("agreement.ipynb", out, Map.of("LAGESBILD_YEAR", "2026"));
        assertTrue(cells.get(0).contains("Överenskommelsen <b>2026</b>: redovisningen senast 2026-09-30"), cells.get(0));
        // labelled as the report is: conditions by name, statuses in words, shares in per cent with their patients, Swedish reasons
        assertTrue(cells.get(1).contains("<td>Krav på ledtid för bröstcancer</td>") && cells.get(1).contains("tröskelvärdet är inte fastställt")
                && cells.get(1).contains("<td>kan inte bedömas</td>") && cells.get(1).matches("(?s).*\\d+,\\d\u00a0% \\(\\d+ av \\d+ patienter\\).*"),
                cells.get(1));
        assertTrue(cells.get(2).contains("<th>Belopp (kr)</th>") && cells.get(2).contains("<td>uppfyllt</td>")
                && cells.get(2).matches("(?s).*<td class=\"n\">57.524.668</td>.*") && cells.get(2).contains("<td>Inklusion: 69,2 % är 0,8"),
                cells.get(2));
        assertTrue(cells.get(3).contains("Dalarna"), "the region without PREM deviates");
        assertTrue(cells.get(4).contains("<td>Prostatacancer</td>"), "pathways by name: " + cells.get(4));
        assertTrue(cells.get(6).contains("data:image/png;base64,"));
        String all = String.join("", cells);
        for (String code : List.of("LEAD_TIME_BREAST", "INCLUSION", "not_met", "amount_sek", "PROST<", "PRIMARY_CARE")) {
            assertFalse(all.contains(code), "a code in what an analyst reads: " + code);
        }
    }

    @Test
    void afterKernelInstallPlainJupyterRunsANotebook(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("jupyter-data");
        Path spec = new Jupyter(DemoWarehouse.home()).install(data);
        assertEquals(data.resolve("kernels/" + Jupyter.KERNEL), spec);
        assertTrue(Files.readString(spec.resolve("kernel.json")).contains("\"LAGESBILD_HOME\": \"" + DemoWarehouse.home().toAbsolutePath().normalize()));
        assertTrue(Files.readString(spec.resolve("kernel.json")).contains("\"" + Jupyter.LAUNCHER + "\""), "started by the launcher without the race");
        // what a user types, with no project variable but the warehouse: Jupyter finds the kernel in its data folder
        // the start timeout the README gives users: the kernel answers in a few seconds even on a busy machine, and a
        // kernel that has not answered in 30 s never will (rapaio 3.0.1 now and then misses its first request), so it is
        // started again, as `lagesbild notebook` and the report do
        ProcessBuilder plain = new ProcessBuilder(Jupyter.jupyterCommand(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=30", "--output-dir", folder.toString(),
                "--output", "plain", DemoWarehouse.home().resolve("notebooks/agreement.ipynb").toString()).redirectErrorStream(true);
        plain.environment().keySet().removeIf(k -> k.startsWith("JUPYTER") || k.startsWith("LAGESBILD"));
        plain.environment().put("JUPYTER_DATA_DIR", data.toString());
        // the warehouse named relative to the folder Jupyter is started in, as a user types it there (a shell sets PWD); the kernel
        // itself runs in the notebook's folder
        Path started = DemoWarehouse.file().toAbsolutePath().getParent().getParent();
        plain.directory(started.toFile());
        plain.environment().put("PWD", started.toString());
        plain.environment().put("LAGESBILD_DB", started.relativize(DemoWarehouse.file().toAbsolutePath()).toString());
        plain.environment().put("LAGESBILD_YEAR", "2026");
        plain.environment().put("PATH", "/usr/bin:/bin");
        String output = "";
        int exit = -1;
        for (int attempt = 0; attempt < Jupyter.START_ATTEMPTS && exit != 0; attempt++) {
            Process process = plain.start();
            output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            exit = process.waitFor();
            if (exit != 0 && !output.contains("Kernel didn't respond")) {
                break;
            }
        }
        assertEquals(0, exit, output);
        assertTrue(Files.readString(folder.resolve("plain.ipynb")).contains("<b>2026</b>: redovisningen senast"));
    }

    @Test
    void aFailingCellFailsTheRunAndSaysWhere(@TempDir Path folder) throws IOException {
        Path broken = DemoWarehouse.home().resolve("notebooks/target/broken-test.ipynb");
        Files.writeString(broken, """
                {"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [],
                  "source": ["se.lagesbild.publishing.notebook.Lagesbild.open(java.nio.file.Path.of(\\"/no/such/warehouse.duckdb\\"), null)"]}],
                 "metadata": {"kernelspec": {"display_name": "Java (Lägesbild)", "language": "java", "name": "lagesbild-java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Jupyter jupyter = new Jupyter(DemoWarehouse.home());
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> jupyter.execute(broken, "notebook", folder.resolve("out"), "executed", Map.of(), 300));
        assertTrue(e.getMessage().contains("broken-test.ipynb") && e.getMessage().contains("No warehouse at /no/such/warehouse.duckdb"),
                e.getMessage());
        assertFalse(Files.exists(folder.resolve("out/executed.ipynb")));
    }
}
