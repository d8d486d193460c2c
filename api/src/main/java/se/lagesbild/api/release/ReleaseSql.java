package se.lagesbild.api.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The release file's SQL (sql/release/), with its {@code ${name}} placeholders filled as quoted SQL text. */
final class ReleaseSql {
    private static final String FOLDER = "lagesbild/sql/release/";

    private ReleaseSql() {
    }

    static String text(String name) {
        try (InputStream in = ReleaseSql.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is missing from the classpath (the lagesbild-sql module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name}'s statement with {@code ${file}} set to {@code file} and the other placeholders to {@code values} (pairs). */
    static String with(String name, Path file, String... values) {
        String sql = text(name).replace("${file}", quoted(file.toAbsolutePath().toString()));
        for (int i = 0; i < values.length; i += 2) {
            sql = sql.replace("${" + values[i] + "}", quoted(values[i + 1]));
        }
        return sql;
    }

    /** Text inside a single-quoted SQL literal. */
    private static String quoted(String text) {
        return text.replace("'", "''");
    }
}
