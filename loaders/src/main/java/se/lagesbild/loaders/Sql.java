package se.lagesbild.loaders;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small JDBC helpers for the loaders' DuckDB statements. */
final class Sql {
    private Sql() {
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static void execute(Connection connection, String sql) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        if (PROFILE && System.nanoTime() - start > 50_000_000L) {
            System.err.printf("%7.0f ms  %s%n", (System.nanoTime() - start) / 1e6, sql.substring(0, Math.min(110, sql.length())).replace('\n', ' '));
        }
    }

    /** -Dlagesbild.profile=true prints every loader statement that takes more than 50 ms. */
    static final boolean PROFILE = Boolean.getBoolean("lagesbild.profile");

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
