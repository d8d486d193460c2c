package se.lagesbild.api.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.duckdb.DuckDBConnection;

import se.lagesbild.api.Catalog;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.api.pxweb.ReleasedStore;
import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.ReleasedValues;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.disclosure.Disclosure;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * A release file ({@link ReleaseWriter}) for a server that answers from it and has no warehouse: its
 * checksum checked against {@code FILE.sha256} and its manifest and catalog read from the file's
 * metadata when opened (a fraction of a second, so the server answers at once); each table's cells
 * read into a compact {@link Cube} when first asked for, and all of them in the background
 * ({@link #warm}). A file that is missing, changed, cut short, not Parquet or not a release is
 * refused with what to do.
 */
public final class ReleaseFile implements ReleasedValues {
    private final Path file;
    private final String sha256;
    private final JsonNode manifest;
    private final Catalog catalog;
    /** An in-memory DuckDB that reads the file (the ENUM release_text of its texts); each table read on a duplicate connection. */
    private final Connection reader;
    private final List<String> texts;
    private final Map<String, FutureTask<Cube>> cubes = new LinkedHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lagesbild-release-reader");
        t.setDaemon(true);
        return t;
    });

    private ReleaseFile(Path file, String sha256, JsonNode manifest, Catalog catalog, Connection reader, List<String> texts) {
        this.file = file;
        this.sha256 = sha256;
        this.manifest = manifest;
        this.catalog = catalog;
        this.reader = reader;
        this.texts = texts;
        for (PxTableId id : ReleasedStore.tableIds(catalog)) {
            cubes.put(id.id(), new FutureTask<>(() -> read(id)));
        }
    }

    /** Reads {@code file}; refused (with the file named and what to do) unless it is a whole, unchanged release. */
    public static ReleaseFile open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new WarehouseException("No release file at " + path + ". Write one on the analysts' side with `lagesbild release --snapshot"
                    + " NAME --out FILE` and copy FILE and FILE.sha256 here.");
        }
        String stated;
        try {
            stated = Checksums.stated(path);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read the checksum of the release " + path + ": " + e.getMessage(), e);
        }
        if (stated == null) {
            throw new WarehouseException("The release " + path + " has no checksum beside it (" + Checksums.sidecar(path).getFileName()
                    + "). Copy the .sha256 file that `lagesbild release` wrote together with the release.");
        }
        // the checksum is computed while DuckDB starts and reads the metadata (each takes a few tenths of a second)
        CompletableFuture<String> hashing = CompletableFuture.supplyAsync(() -> {
            try {
                return Checksums.sha256(path);
            } catch (IOException e) {
                throw new WarehouseException("Cannot read the release " + path + ": " + e.getMessage(), e);
            }
        });
        try {
            return read(path, () -> checked(path, hashing, stated));
        } catch (RuntimeException e) {
            checked(path, hashing, stated); // a changed file is refused as such, whatever else it broke
            throw e;
        }
    }

    /** The file's SHA-256 once computed, refused when it is not the one its sidecar states. */
    private static String checked(Path path, CompletableFuture<String> hashing, String stated) {
        String sha256;
        try {
            sha256 = hashing.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (!sha256.equals(stated)) {
            throw new WarehouseException("The release " + path + " does not match its checksum " + Checksums.sidecar(path).getFileName()
                    + " (SHA-256 " + sha256 + ", expected " + stated + "): it was changed or copied incompletely. Copy it again.");
        }
        return sha256;
    }

    /** The manifest, catalog and texts of {@code path}; {@code sha256} is asked for (and checked) before the release is made. */
    private static ReleaseFile read(Path path, java.util.function.Supplier<String> sha256) {
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = db.createStatement()) {
                s.execute("SET memory_limit = '256MB'"); // it reads one table at a time
            }
            Map<String, String> metadata = new HashMap<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(ReleaseSql.with("read-metadata.sql", path))) {
                while (rs.next()) {
                    metadata.put(rs.getString(1), rs.getString(2));
                }
            }
            String manifestText = metadata.get("lagesbild.manifest");
            String catalogText = metadata.get("lagesbild.catalog");
            String textsText = metadata.get("lagesbild.texts");
            if (manifestText == null || catalogText == null || textsText == null) {
                throw new WarehouseException("The file " + path + " is Parquet but not a Lägesbild release (its metadata has no"
                        + " lagesbild.manifest, lagesbild.catalog and lagesbild.texts). Write a release with `lagesbild release --snapshot NAME"
                        + " --out FILE`.");
            }
            // the catalog (thousands of periods) is parsed while the manifest and texts are read and DuckDB makes the ENUM
            CompletableFuture<Catalog> catalog = CompletableFuture.supplyAsync(() -> {
                try {
                    return CatalogJson.read(catalogText);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            JsonNode manifest = CatalogJson.MAPPER.readTree(manifestText);
            if (!ReleaseWriter.FORMAT.equals(manifest.path("format").asText()) || manifest.path("format_version").asInt() != ReleaseWriter.FORMAT_VERSION) {
                throw new WarehouseException("The release " + path + " is of format " + manifest.path("format").asText() + " version "
                        + manifest.path("format_version").asText() + "; this Lägesbild reads " + ReleaseWriter.FORMAT + " version "
                        + ReleaseWriter.FORMAT_VERSION + ". Write the release again with this version.");
            }
            List<String> texts = CatalogJson.MAPPER.readValue(textsText, new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TYPE release_text AS ENUM (" + String.join(", ", texts.stream().map(t -> "'" + t.replace("'", "''") + "'")
                        .toList()) + ")");
            }
            ReleaseFile release = new ReleaseFile(path, sha256.get(), manifest, catalog.join(), db, texts);
            db = null; // the release holds it now
            return release;
        } catch (SQLException e) {
            throw new WarehouseException("The file " + path + " cannot be read as a release (" + firstLine(e.getMessage()) + "). Is it a"
                    + " Parquet file written by `lagesbild release`? Copy it again or write it anew.", e);
        } catch (IOException | java.util.concurrent.CompletionException e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new WarehouseException("The release " + path + " has a damaged manifest or catalog (" + cause.getMessage() + "). Write it anew.",
                    cause);
        } finally {
            if (db != null) {
                try {
                    db.close();
                } catch (SQLException ignored) {
                    // refused already
                }
            }
        }
    }

    /** One table's cube from its rows (the texts read as their numbers). */
    private Cube read(PxTableId id) throws SQLException {
        List<ReleasedValue> values = new ArrayList<>();
        try (Connection c = ((DuckDBConnection) reader).duplicate(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(ReleaseSql.with("read.sql", file, "table", id.id()))) {
            while (rs.next()) {
                Cell cell = new Cell(texts.get(rs.getInt(1)), texts.get(rs.getInt(2)), texts.get(rs.getInt(3)), texts.get(rs.getInt(4)),
                        rs.getInt(5), texts.get(rs.getInt(6)));
                if (rs.getBoolean(18) && Disclosure.CONFIDENTIAL.equals(text(rs, 19)) && "suppressed".equals(text(rs, 17))) {
                    values.add(ReleasedValue.hidden(cell, text(rs, 12))); // a hidden cell has no numbers to read
                    continue;
                }
                double value = number(rs, 9);
                Estimate estimate = new Estimate(value, number(rs, 10), number(rs, 11), text(rs, 12), number(rs, 13));
                String method998 = text(rs, 16);
                Estimate limits998 = method998 == null ? null : new Estimate(value, number(rs, 14), number(rs, 15), method998);
                values.add(new ReleasedValue(cell, number(rs, 7), number(rs, 8), estimate, limits998, text(rs, 17), rs.getBoolean(18),
                        text(rs, 19)));
            }
        }
        return ReleasedStore.cube(id, values, catalog);
    }

    private String text(ResultSet rs, int column) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() ? null : texts.get(n);
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double x = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : x;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    /** The snapshot the release is of. */
    public String snapshot() {
        return manifest.path("snapshot").asText();
    }

    /** The manifest (format, snapshot, vintage, tables with their cells). */
    public JsonNode manifest() {
        return manifest;
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Cube cube(PxTableId id) {
        FutureTask<Cube> task = cubes.get(id.id());
        if (task == null) {
            throw new WarehouseException("The release " + file.getFileName() + " has no table " + id.id() + ".");
        }
        task.run(); // reads the table now unless it has been read or is being read
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + id.id() + " was read from " + file, e);
        } catch (ExecutionException e) {
            throw new WarehouseException("The table " + id.id() + " cannot be read from the release " + file + " ("
                    + firstLine(e.getCause().getMessage()) + "). Copy the release again or write it anew.", e.getCause());
        }
    }

    @Override
    public boolean newerBeingComputed(Cube cube) {
        return false;
    }

    @Override
    public boolean ready() {
        return cubes.values().stream().allMatch(FutureTask::isDone);
    }

    /** Reads every table not yet read, one after the other in the background. */
    @Override
    public void warm() {
        cubes.values().forEach(loader::execute);
    }

    @Override
    public String describe() {
        return file.getFileName() + " (snapshot " + snapshot() + ")";
    }

    @Override
    public void close() {
        loader.shutdownNow();
        try {
            reader.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
