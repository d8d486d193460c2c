package se.lagesbild.api.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import se.lagesbild.api.Catalog;
import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.api.pxweb.ReleasedStore;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * {@code lagesbild release}: every released value of every PxWebApi 2 table as of one snapshot,
 * computed once on the analysts' side and written as one Parquet file that a public server answers
 * from ({@link ReleaseFile}). The file holds one row per released cell (hidden cells without numbers,
 * with the public reason), and as key-value metadata the manifest ({@code lagesbild.manifest}: the
 * snapshot, vintage, tables and columns) and the catalog ({@code lagesbild.catalog}: codes, labels in
 * both languages, indicators, units, follow-up structure). Beside it, {@code FILE.sha256} in
 * sha256sum's format. Nothing in it depends on the clock: the same snapshot gives the same bytes.
 */
public final class ReleaseWriter {
    /** The manifest's format name and version; a reader refuses other versions. */
    static final String FORMAT = "lagesbild-release";
    static final int FORMAT_VERSION = 1;

    private ReleaseWriter() {
    }

    /** What was written. */
    public record Written(Path file, String sha256, int tables, long cells, long hidden, String snapshot, long maxBatchId) {
    }

    /** Every table's released values as of a snapshot, tables by id, ready to be written. */
    public record Release(Catalog catalog, SnapshotRecord snapshot, Map<PxTableId, Cube> tables) {
    }

    /**
     * Writes the release of {@code snapshot} in {@code warehouseFile} to {@code out} (replaced
     * whole, never half-written) and its checksum beside it; {@code progress} hears of each table.
     */
    public static Written write(Path warehouseFile, String snapshot, Path out, String version, Consumer<String> progress) {
        checkTarget(out, snapshot);
        Release release;
        try (Warehouse warehouse = Warehouse.openReadOnly(warehouseFile)) {
            release = compute(warehouse, snapshot, progress);
        }
        return write(release, out, version);
    }

    /** Every released value of every table of {@code warehouse} as of {@code snapshot}. */
    public static Release compute(Warehouse warehouse, String snapshot, Consumer<String> progress) {
        return assemble(warehouse, snapshot, progress, (id, catalog) -> ReleasedStore.cube(id, ReleasedStore.values(warehouse, catalog, id), catalog));
    }

    /**
     * The release of {@code snapshot} with each table's cube from {@code computed} (say, a warehouse
     * server's, computed for the same state of the same warehouse): each must be of the snapshot's
     * vintage, or the release is refused.
     */
    public static Release assemble(Warehouse warehouse, String snapshot, Consumer<String> progress,
                                   java.util.function.BiFunction<PxTableId, Catalog, Cube> computed) {
        SnapshotRecord pinned = Snapshots.asOf(warehouse, snapshot);
        Catalog catalog = asOf(Catalog.read(warehouse), pinned);
        List<PxTableId> ids = ReleasedStore.tableIds(catalog).stream().sorted(Comparator.comparing(PxTableId::id)).toList();
        Map<PxTableId, Cube> tables = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (PxTableId id : ids) {
            Cube cube = computed.apply(id, catalog);
            if (cube.batch() != catalog.maxBatchId()) {
                throw new IllegalStateException(id.id() + " was computed for batch " + cube.batch() + ", not for the snapshot's "
                        + catalog.maxBatchId());
            }
            tables.put(id, cube);
            long hidden = cube.values().stream().filter(ReleasedValue::suppressed).count();
            progress.accept(String.format(Locale.ROOT, "%-48s %8d cells, %7d hidden  (%d of %d tables, %.0f s)", id.id(), cube.size(), hidden,
                    tables.size(), ids.size(), (System.nanoTime() - start) / 1e9));
        }
        return new Release(catalog, pinned, tables);
    }

    /** Writes {@code release} to {@code out} (replaced whole, never half-written) and its checksum beside it. */
    public static Written write(Release release, Path out, String version) {
        Path target = checkTarget(out, release.snapshot().getSnapshotName());
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
                s.execute("SET threads = 1"); // one writer, insertion order: the same values give the same bytes
                s.execute(ReleaseSql.text("released-value.sql"));
                List<Map<String, Object>> tables = new ArrayList<>();
                long cells = 0;
                long hidden = 0;
                java.util.TreeSet<String> texts = new java.util.TreeSet<>();
                try (DuckDBAppender appender = ((DuckDBConnection) db).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "released_value")) {
                    for (Map.Entry<PxTableId, Cube> t : release.tables().entrySet()) {
                        PxTableId id = t.getKey();
                        List<ReleasedValue> values = new ArrayList<>(t.getValue().values());
                        values.sort(Comparator.comparing(ReleasedValue::cell, Cell.ORDER));
                        long tableHidden = 0;
                        for (ReleasedValue v : values) {
                            append(appender, id, v);
                            texts(texts, id, v);
                            tableHidden += v.suppressed() ? 1 : 0;
                        }
                        Map<String, Object> table = new LinkedHashMap<>();
                        table.put("id", id.id());
                        table.put("indicator", id.indicator().code());
                        table.put("population_dimension", id.dimension());
                        table.put("cells", values.size());
                        table.put("hidden", tableHidden);
                        tables.add(table);
                        cells += values.size();
                        hidden += tableHidden;
                    }
                }
                String manifest = manifest(release.catalog(), release.snapshot(), tables, cells, hidden, version);
                Files.deleteIfExists(partial); // DuckDB writes the file itself
                s.execute(ReleaseSql.with("write.sql", partial, "manifest", manifest, "catalog", CatalogJson.write(release.catalog()), "texts",
                        CatalogJson.MAPPER.writeValueAsString(texts)));
                String sha256 = Checksums.sha256(partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Checksums.writeSidecar(target, sha256);
                return new Written(target, sha256, tables.size(), cells, hidden, release.snapshot().getSnapshotName(),
                        release.snapshot().getMaxBatchId());
            }
        } catch (IOException e) {
            throw new WarehouseException("Cannot write the release " + out + ": " + e.getMessage() + ". Check that its folder is writable.", e);
        } catch (SQLException e) {
            throw new WarehouseException("DuckDB could not write the release " + out + ": " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a hidden temporary file beside the release
                }
            }
        }
    }

    private static Path checkTarget(Path out, String snapshot) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new WarehouseException("--out " + out + " is a folder; give the release file's name, e.g. " + target.resolve("release-"
                    + snapshot + ".parquet") + ".");
        }
        return target;
    }

    /** The catalog as of the snapshot: its batches only, and the snapshot itself as the one snapshot there is. */
    private static Catalog asOf(Catalog c, SnapshotRecord snapshot) {
        return new Catalog(c.regions(), c.healthcareRegions(), c.diagnoses(), c.periods(), c.sexes(), c.ageGroups(), c.goals(), c.indicators(),
                List.of(snapshot), c.agreementYears(), c.batches().stream().filter(b -> b.batchId() <= snapshot.getMaxBatchId()).toList(),
                c.subgoals(), c.dataYears(), c.populationGroups(), c.populationDimensions(), c.groupedIndicators(), c.disclosureThresholds(),
                c.disclosureRules());
    }

    private static String manifest(Catalog catalog, SnapshotRecord snapshot, List<Map<String, Object>> tables, long cells, long hidden,
                                   String version) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", FORMAT_VERSION);
        m.put("what", "Every released value of every table of Lägesbild's PxWebApi 2, after disclosure control: one row per released cell;"
                + " hidden cells carry no numbers, only suppressed = true and the public reason. The catalog (codes, labels, indicators,"
                + " units) is the key lagesbild.catalog of this file's metadata.");
        m.put("snapshot", snapshot.getSnapshotName());
        m.put("snapshot_description", snapshot.getDescription());
        m.put("snapshot_created_at", snapshot.getCreatedAt() == null ? null : snapshot.getCreatedAt().toString());
        m.put("max_batch_id", snapshot.getMaxBatchId());
        m.put("vintage", catalog.currentVintage());
        m.put("newest_load", catalog.newestLoad().toString());
        m.put("confidence_level", ReleasedStore.CONFIDENCE.level());
        m.put("lagesbild_version", version);
        m.put("cells", cells);
        m.put("hidden", hidden);
        m.put("tables", tables);
        return CatalogJson.MAPPER.writeValueAsString(m);
    }

    private static void append(DuckDBAppender a, PxTableId id, ReleasedValue v) throws SQLException {
        Cell c = v.cell();
        a.beginRow();
        a.append(id.id());
        a.append(id.indicator().code());
        text(a, id.dimension());
        a.append(c.periodCode());
        a.append(c.geoLevel());
        a.append(c.geoCode());
        a.append(c.diagnosisCode());
        a.append(c.sexCode());
        a.append(c.ageGroupCode());
        number(a, v.numerator());
        number(a, v.denominator());
        Estimate e = v.estimate();
        number(a, e.value());
        number(a, e.lower());
        number(a, e.upper());
        text(a, e.method());
        number(a, e.standardError());
        Estimate l = v.limits998();
        number(a, l == null ? Double.NaN : l.lower());
        number(a, l == null ? Double.NaN : l.upper());
        text(a, l == null ? null : l.method());
        text(a, v.comparison());
        a.append(v.suppressed());
        text(a, v.reason());
        a.endRow();
    }

    /** Every text of the row's text columns (the reader numbers them: lagesbild.texts). */
    private static void texts(java.util.Set<String> texts, PxTableId id, ReleasedValue v) {
        Cell c = v.cell();
        java.util.stream.Stream.of(id.id(), c.periodCode(), c.geoLevel(), c.geoCode(), c.diagnosisCode(), c.ageGroupCode(), v.estimate().method(),
                v.limits998() == null ? null : v.limits998().method(), v.comparison(), v.reason()).filter(java.util.Objects::nonNull).forEach(texts::add);
    }

    /** NaN (no value) as NULL, so analysts' SQL and Parquet readers see a missing value. */
    private static void number(DuckDBAppender a, double x) throws SQLException {
        if (Double.isNaN(x)) {
            a.appendNull();
        } else {
            a.append(x);
        }
    }

    private static void text(DuckDBAppender a, String s) throws SQLException {
        if (s == null) {
            a.appendNull();
        } else {
            a.append(s);
        }
    }
}
