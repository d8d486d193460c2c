package se.lagesbild.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.SerializationFeature;

import se.lagesbild.publishing.notebook.Lagesbild;
import se.lagesbild.publishing.report.Provenance;
import se.lagesbild.publishing.report.YearlyReport;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.tables.format.CsvTables;
import se.lagesbild.publishing.tables.format.Format;
import se.lagesbild.publishing.tables.format.JsonTables;
import se.lagesbild.publishing.tables.format.TableWriter;
import se.lagesbild.publishing.tables.format.XlsxTables;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.disclosure.Disclosure;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.status.WarehouseStatus;

/**
 * {@code lagesbild report}: the yearly follow-up notebook executed headlessly into an HTML report,
 * the same tables ({@link YearlyReport}) as CSV and Arrow files, and a manifest (warehouse and
 * schema version, snapshot and vintages with their files' SHA-256, method settings, and the
 * SHA-256 of every file written). Everything is written to a staging folder first and moved into
 * place only when all of it exists, so a failed run leaves the previous report untouched.
 */
public final class YearlyReportRun {
    public static final String NOTEBOOK = "yearly-followup.ipynb";

    /** What was written. */
    public record Result(Path folder, Path html, List<Path> tables, Path manifest, Path workbook) {
    }

    /**
     * How the report is written.
     *
     * @param language the language of the page, the workbook's labels and the sentences of changes_in_words
     * @param csv the CSV dialect of tables/*.csv (RFC 4180, or Swedish Excel's)
     * @param region the region drawn beside Riket in the trends
     * @param full every indicator's trend, region and women/men blocks (over a hundred pages on the
     *             demo); otherwise, the default, those the findings name and an overview table of every
     *             indicator (every table is in the workbook either way)
     */
    public record Options(Language language, CsvTables.Dialect csv, String region, boolean full) {
        public static final Options DEFAULT = new Options(Language.SV, CsvTables.Dialect.RFC4180, "01", false);
    }

    private YearlyReportRun() {
    }

    /**
     * @param snapshot the snapshot to report as of, or null for the newest vintages
     * @param published the snapshot the baseline was published from, shown beside the baseline with revised data; or null
     * @throws WarehouseException for a missing warehouse or snapshot, years without data, or a failing notebook cell
     */
    public static Result run(Path home, Path db, int year, int baseline, String snapshot, String published, Path out,
                             Consumer<String> progress) {
        return run(home, db, year, baseline, snapshot, published, out, Options.DEFAULT, progress);
    }

    /** The same, written as {@code options} say. */
    public static Result run(Path home, Path db, int year, int baseline, String snapshot, String published, Path out, Options options,
                             Consumer<String> progress) {
        Path dbFile = db.toAbsolutePath().normalize();
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, ResultTable> tables;
        YearlyReport computed;
        byte[] workbook;
        Language language = options.language();
        progress.accept(language.text("progress.tables", year, baseline) + (snapshot == null ? "" : ", " + language.text("report.as_of",
                snapshot)));
        try (Warehouse warehouse = Warehouse.openReadOnly(dbFile)) {
            Provenance provenance = Provenance.of(warehouse, snapshot);
            if ("00".equals(options.region()) || se.lagesbild.warehouse.dimensions.Dimensions.regions(warehouse).stream()
                    .noneMatch(r -> r.code().equals(options.region()))) {
                throw new WarehouseException("There is no region '" + options.region() + "' to draw beside Riket in the trends: give a region's"
                        + " two-digit code with --region (01 Stockholm ... 25 Norrbotten; lagesbild status lists them).");
            }
            if (snapshot != null) {
                Snapshots.asOf(warehouse, snapshot);
            }
            computed = YearlyReport.compute(warehouse, year, baseline, published, language,
                    table -> progress.accept(language.text("progress.table", table)));
            tables = computed.tables();
            workbook = XlsxTables.write(tables, Labels.of(warehouse, language));
            manifest.put("report", language.text("report.title"));
            manifest.put("language", language.code());
            manifest.put("year", year);
            manifest.put("baseline", baseline);
            manifest.put("lagesbild_version", Provenance.lagesbildVersion());
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("file", dbFile.getFileName().toString());
            source.put("schema_version", provenance.schemaVersion());
            manifest.put("warehouse", source);
            Map<String, Object> pinned = new LinkedHashMap<>();
            pinned.put("snapshot", snapshot);
            pinned.put("max_batch_id", provenance.maxBatchId());
            manifest.put("as_of", pinned);
            if (published != null) {
                Map<String, Object> baselineAsPublished = new LinkedHashMap<>();
                baselineAsPublished.put("snapshot", published);
                baselineAsPublished.put("max_batch_id", Snapshots.named(warehouse, published).getMaxBatchId());
                manifest.put("baseline_published", baselineAsPublished);
            }
            List<Map<String, Object>> vintages = new ArrayList<>();
            for (WarehouseStatus.Batch b : provenance.batches()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("batch_id", b.batchId());
                v.put("source", b.source());
                v.put("file", b.fileName());
                v.put("vintage", b.vintage());
                v.put("sha256", b.sha256());
                vintages.add(v);
            }
            manifest.put("vintages", vintages);
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("confidence_level", YearlyReport.CONFIDENCE.level());
            method.put("intervals", "Wilson (proportions), exact Poisson / Byar's (rates), order statistics (percentiles), Dobson (standardised rates)");
            method.put("change", "Newcombe (proportions), normal on the difference (rates); two-sample z test; improved/worsened at 5 %");
            method.put("sex_gaps", "Benjamini–Hochberg adjusted p < 0.05");
            method.put("funnel", se.lagesbild.warehouse.indicators.RegionComparisons.FUNNEL.description());
            method.put("csv", options.csv() == CsvTables.Dialect.EXCEL_SV ? "Swedish Excel: UTF-8 with BOM, semicolon, decimal comma"
                    : "RFC 4180: comma, decimal point, UTF-8");
            method.put("suppression_thresholds", new java.util.TreeMap<>(Disclosure.thresholds(warehouse)));
            manifest.put("method", method);
        }
        Path staging;
        try {
            Files.createDirectories(out.toAbsolutePath().getParent() == null ? out.toAbsolutePath() : out.toAbsolutePath().getParent());
            staging = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".report-");
        } catch (IOException e) {
            throw new WarehouseException("Cannot write the report under " + out.toAbsolutePath() + " (" + e.getMessage()
                    + "). Choose a writable folder with --out.", e);
        }
        try {
            Map<String, String> written = new LinkedHashMap<>();
            List<String> tableFiles = new ArrayList<>();
            for (var t : tables.entrySet()) {
                for (Format f : List.of(Format.CSV, Format.ARROW)) {
                    String name = "tables/" + t.getKey() + (f == Format.CSV ? ".csv" : ".arrow");
                    byte[] bytes = f == Format.CSV ? CsvTables.write(t.getValue(), options.csv()) : TableWriter.write(t.getValue(), f);
                    Files.createDirectories(staging.resolve("tables"));
                    Files.write(staging.resolve(name), bytes);
                    written.put(name, sha256(bytes));
                    tableFiles.add(name);
                }
            }
            String xlsx = "report-" + year + ".xlsx";
            Files.write(staging.resolve(xlsx), workbook);
            written.put(xlsx, sha256(workbook));
            progress.accept(language.text("progress.notebook", NOTEBOOK));
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("LAGESBILD_DB", dbFile.toString());
            parameters.put("LAGESBILD_YEAR", String.valueOf(year));
            parameters.put("LAGESBILD_BASELINE", String.valueOf(baseline));
            parameters.put("LAGESBILD_SNAPSHOT", snapshot == null ? "" : snapshot);
            parameters.put("LAGESBILD_PUBLISHED", published == null ? "" : published);
            parameters.put(Language.PARAMETER, language.code());
            parameters.put("LAGESBILD_REGION", options.region());
            parameters.put(se.lagesbild.publishing.notebook.ReportView.FULL, String.valueOf(options.full()));
            // the notebook reads the tables computed above instead of computing them again
            Path state = staging.resolve(".computed-report.ser");
            computed.save(state);
            parameters.put(Lagesbild.COMPUTED_REPORT, state.toString());
            Jupyter jupyter = new Jupyter(home);
            String html = "report-" + year + ".html";
            jupyter.execute(jupyter.notebooks().resolve(NOTEBOOK), "html", staging, "report-" + year, parameters, 900);
            // the page's title is the report's, not the notebook's file name
            Path page = staging.resolve(html);
            Files.writeString(page, Files.readString(page, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("<title>[^<]*</title>",
                    java.util.regex.Matcher.quoteReplacement("<title>" + language.text("report.title") + " " + year + "</title>")),
                    java.nio.charset.StandardCharsets.UTF_8);
            written.put(html, sha256(Files.readAllBytes(staging.resolve(html))));
            manifest.put("files", written);
            Files.write(staging.resolve("manifest.json"), JsonTables.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(manifest));
            Files.createDirectories(out.resolve("tables"));
            for (String name : written.keySet()) {
                Files.move(staging.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging.resolve("manifest.json"), out.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new Result(out, out.resolve(html), tableFiles.stream().map(out::resolve).toList(), out.resolve("manifest.json"),
                    out.resolve(xlsx));
        } catch (IOException e) {
            throw new WarehouseException("Writing the report to " + out + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder and everything in it; what cannot be deleted is left. */
    public static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; left for the user to remove
        }
    }
}
