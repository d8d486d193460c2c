package se.lagesbild.warehouse.kept;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/**
 * Results kept in the warehouse file (table kept_result) for every later process: survival cells and
 * disclosure patterns take most of a report's, a release's and the server's time at Sweden's volume,
 * and each process computed them again. {@code lagesbild marts} writes them; any process, read-only
 * ones included, reads one whose key matches and computes the rest as before.
 *
 * <p>A key is only ever found for the same result: it names what was computed and holds
 * {@link #batches} (the exact batches of the sources read, with their files' SHA-256, as the
 * connection sees them, now or as of a snapshot) and {@link #code} (the fingerprint of the code and
 * reference data that computed it), so a load, an unload, a snapshot that sees other batches or
 * another version of Lägesbild never finds an old result.
 */
public final class Kept {
    /** A part of a result in one row of its table (a BLOB of DuckDB holds up to 4 GB; rows of 16 MB keep each value small). */
    private static final int PART = 16 << 20;
    private static volatile String code;

    private Kept() {
    }

    /** The result kept under {@code kind} and {@code key}, or null when there is none. */
    public static byte[] read(Warehouse warehouse, String kind, String key) {
        Long id = id(warehouse, kind, key);
        if (id == null) {
            return null;
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (var s = warehouse.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT payload FROM " + blobs(id) + " ORDER BY part")) {
            while (rs.next()) {
                all.writeBytes(rs.getBytes(1));
            }
        } catch (SQLException e) {
            return null; // written by a process that has not finished (or failed): computed instead, never half a result
        }
        return all.toByteArray();
    }

    /** Keeps {@code payload} under {@code kind} and {@code key}, replacing what was there, in one transaction. */
    public static void write(Warehouse warehouse, String kind, String key, byte[] payload) {
        synchronized (WRITING) {
            writeNow(warehouse, kind, key, payload);
        }
    }

    /**
     * One writer at a time in this process: results computed side by side on connections of one warehouse
     * ({@code marts}) are kept one after the other, as DuckDB refuses two transactions that both create a table.
     */
    private static final Object WRITING = new Object();

    private static void writeNow(Warehouse warehouse, String kind, String key, byte[] payload) {
        var connection = warehouse.connection();
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var s = connection.createStatement()) {
                Long old = id(warehouse, kind, key);
                if (old != null) {
                    forget(s, old);
                }
                long id;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO kept_result (kind, result_key, bytes) VALUES (?, ?, ?) RETURNING kept_id")) {
                    insert.setString(1, kind);
                    insert.setString(2, key);
                    insert.setLong(3, payload.length);
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                s.execute("CREATE TABLE " + blobs(id) + " (part INTEGER NOT NULL, payload BLOB NOT NULL)");
                try (PreparedStatement part = connection.prepareStatement("INSERT INTO " + blobs(id) + " VALUES (?, ?)")) {
                    for (int n = 0, from = 0; n == 0 || from < payload.length; n++, from += PART) {
                        part.setInt(1, n);
                        part.setBytes(2, java.util.Arrays.copyOfRange(payload, from, Math.min(payload.length, from + PART)));
                        part.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Keeping a " + kind + " in " + warehouse.file() + " failed: " + e.getMessage(), e);
        }
    }

    private static Long id(Warehouse warehouse, String kind, String key) {
        try (PreparedStatement s = warehouse.connection().prepareStatement("SELECT kept_id FROM kept_result WHERE kind = ? AND result_key = ?")) {
            s.setString(1, kind);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new WarehouseException("Reading the kept results of " + warehouse.file() + " failed: " + e.getMessage(), e);
        }
    }

    /** The table of one result's parts. */
    private static String blobs(long id) {
        return "kept_blob_" + id;
    }

    private static void forget(java.sql.Statement s, long id) throws SQLException {
        s.execute("DROP TABLE IF EXISTS " + blobs(id));
        s.execute("DELETE FROM kept_result WHERE kept_id = " + id);
    }

    /** What a step of keeping gives back, and whether it computed anything (or found it all kept). */
    public record Outcome<T>(T value, boolean computed) {
    }

    /**
     * Whether a result is kept under {@code kind} and {@code key}; when it is, it counts as written
     * now (so {@link #forgetOlderThan} keeps it).
     */
    public static boolean confirm(Warehouse warehouse, String kind, String key) {
        synchronized (WRITING) {
            return warehouse.dsl().execute("UPDATE kept_result SET written_at = current_timestamp WHERE kind = ? AND result_key = ?", kind, key) > 0;
        }
    }

    /** The warehouse's clock now, for {@link #forgetOlderThan}. */
    public static java.time.LocalDateTime now(Warehouse warehouse) {
        return warehouse.dsl().fetchValue(org.jooq.impl.DSL.field("current_timestamp::TIMESTAMP", java.time.LocalDateTime.class));
    }

    /** Forgets every result neither written nor confirmed since {@code start}: those of states no longer needed. */
    public static int forgetOlderThan(Warehouse warehouse, java.time.LocalDateTime start) {
        List<Long> old = warehouse.dsl().fetch("SELECT kept_id FROM kept_result WHERE written_at < ?", start).getValues(0, Long.class);
        try (var s = warehouse.connection().createStatement()) {
            for (long id : old) {
                forget(s, id);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Forgetting old kept results in " + warehouse.file() + " failed: " + e.getMessage(), e);
        }
        return old.size();
    }

    /** How many results are kept, and their bytes. */
    public static long[] size(Warehouse warehouse) {
        var r = warehouse.dsl().fetchOne("SELECT count(*), coalesce(sum(bytes), 0) FROM kept_result");
        return new long[] {r.get(0, Long.class), r.get(1, Long.class)};
    }

    /**
     * The exact batches of {@code sources} the connection sees (respecting an as-of snapshot): their
     * ids and files' SHA-256, hashed. Two states of a warehouse with the same batches read the same rows.
     */
    public static String batches(Warehouse warehouse, Collection<String> sources) {
        StringBuilder all = new StringBuilder(String.join(",", new TreeSet<>(sources))).append('|');
        var b = se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
        warehouse.dsl().select(b.BATCH_ID, b.FILE_SHA256).from(b)
                .where(b.BATCH_ID.le(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.field("getvariable('lagesbild_max_batch')", Long.class),
                        org.jooq.impl.DSL.inline(Long.MAX_VALUE))).and(b.SOURCE.in(sources)))
                .orderBy(b.BATCH_ID)
                .forEach(r -> all.append(r.value1()).append(':').append(r.value2()).append(';'));
        return sha256(all.toString());
    }

    /**
     * The fingerprint of the code that computes kept results, whichever program loaded it (the
     * command line, the server, the tests or a notebook's kernel): every class and resource of the
     * warehouse module and of the SQL module (migrations, reference data, views), read from wherever
     * they were loaded (a jar or a folder), and the file names, so the versions, of the libraries
     * the computations use (DuckDB, jOOQ, Commons Statistics, ojAlgo). Computed once per process.
     */
    public static String code() {
        String known = code;
        if (known == null) {
            synchronized (Kept.class) {
                if (code == null) {
                    List<String> parts = new ArrayList<>();
                    for (Class<?> c : List.of(Kept.class, org.duckdb.DuckDBConnection.class, org.jooq.DSLContext.class,
                            org.apache.commons.statistics.distribution.NormalDistribution.class, org.ojalgo.OjAlgoUtils.class)) {
                        parts.add(location(c.getProtectionDomain().getCodeSource() == null ? null : c.getProtectionDomain().getCodeSource().getLocation()));
                    }
                    parts.add(location(moduleOf(Kept.class.getClassLoader().getResource("lagesbild/sql/migration"), "lagesbild/sql/migration")));
                    code = fingerprint(String.join(java.io.File.pathSeparator, parts.stream().filter(java.util.Objects::nonNull).toList()));
                }
                known = code;
            }
        }
        return known;
    }

    /** The jar or folder a resource folder was loaded from. */
    private static java.net.URL moduleOf(java.net.URL resource, String name) {
        if (resource == null) {
            return null;
        }
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                return new java.net.URL(url.substring(4, url.indexOf("!/")));
            }
            return new java.net.URL(url.substring(0, url.length() - name.length() - (url.endsWith("/") ? 1 : 0)));
        } catch (java.net.MalformedURLException e) {
            return null;
        }
    }

    private static String location(java.net.URL url) {
        if (url == null) {
            return null;
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            return url.toString();
        }
    }

    static String fingerprint(String classPath) {
        MessageDigest digest = digest();
        for (String element : classPath.split(java.io.File.pathSeparator)) {
            if (element.isBlank()) {
                continue;
            }
            Path path = Path.of(element);
            boolean ours = element.contains("lagesbild");
            try {
                if (Files.isDirectory(path)) {
                    try (var files = Files.walk(path)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            digest.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            digest.update(Files.readAllBytes(f));
                        }
                    }
                } else if (ours && Files.isRegularFile(path)) {
                    try (var zip = new java.util.zip.ZipFile(path.toFile())) {
                        zip.stream().forEach(entry -> {
                            digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                            digest.update(Long.toString(entry.getCrc()).getBytes(StandardCharsets.UTF_8));
                        });
                    }
                } else {
                    digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                digest.update(element.getBytes(StandardCharsets.UTF_8)); // unreadable: its name only
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
