package se.lagesbild.warehouse;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors on opening a database file into messages that say what to do. */
final class DuckDbErrors {
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.+?) \\(PID (\\d+)\\)");

    private DuckDbErrors() {
    }

    /**
     * Explains why {@code file} could not be opened. A lock held by another process becomes
     * "in use by process N"; anything DuckDB reports about the file itself keeps DuckDB's words.
     */
    static WarehouseException onOpen(Path file, SQLException e) {
        String message = String.valueOf(e.getMessage());
        Matcher lock = LOCK_HOLDER.matcher(message);
        if (lock.find()) {
            return new WarehouseException("The warehouse " + file + " is in use by another process (PID " + lock.group(2)
                    + ", " + lock.group(1) + "). Stop that process (for example a running `lagesbild serve` or load)"
                    + " and try again, or choose another file with --db.", e);
        }
        if (message.contains("Could not set lock")) {
            return new WarehouseException("The warehouse " + file + " is in use by another process."
                    + " Stop that process and try again, or choose another file with --db.", e);
        }
        return new WarehouseException("Cannot open the warehouse " + file + ": " + firstLine(message)
                + ". Check that the file is a Lägesbild DuckDB database and readable, or choose another with --db.", e);
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
