package se.lagesbild.loaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Checks that DuckDB split a CSV file into the same records as the file's own lines: every data
 * line is a row read, a line DuckDB could not split (kept with its line number) or a blank line.
 * Values in these sources never hold a line break, so a quoted field that runs over one is an
 * unbalanced quote, which would otherwise swallow every line after it into one record; the file
 * is refused naming the line where the quote opened. A count that still differs (mixed line
 * endings: a lone CR in a file of LF lines, or LF in a file of CR lines) is refused naming the
 * first such line. Nothing is loaded from a refused file.
 */
final class LineStructure {
    private LineStructure() {
    }

    static void check(Connection connection, InputFile file, long rowsRead) throws SQLException {
        explain(file, false);
        long rejected = Sql.count(connection, "SELECT count(DISTINCT line) FROM lb_rejects");
        long accounted = rowsRead + rejected + file.blankRecords().size();
        if (accounted != file.dataRecords()) {
            throw mixed(file, " lines after the header, but they split into " + accounted + " records");
        }
    }

    /**
     * Refuses the file for what the scan found in its structure (a NUL byte, a quoted field over a
     * line break, and with {@code lineEnds} mixed line endings, which takes another pass over the
     * file), naming the line; returns when it found nothing.
     */
    static void explain(InputFile file, boolean lineEnds) {
        if (file.nulLine() > 0) {
            throw new WarehouseException(file.path() + " line " + file.nulLine() + " holds a NUL byte: the file is damaged or binary, not"
                    + " CSV text. Export it again as CSV UTF-8. Nothing was loaded.");
        }
        long[] span = file.quoteSpan();
        if (span != null) {
            throw new WarehouseException(file.path() + " line " + span[0] + ": a quoted field opens on this line and is not closed before"
                    + " the line ends, so it runs on " + (span[1] == 0 ? "to the end of the file" : "to line " + span[1])
                    + ", swallowing the lines between. Values cannot hold line breaks: close the quote (or remove it) on line "
                    + span[0] + " and load again. Nothing was loaded.");
        }
        if (lineEnds && firstMixedLineEnd(file) > 0) {
            throw mixed(file, " lines after the header");
        }
    }

    private static WarehouseException mixed(InputFile file, String counted) {
        long line = firstMixedLineEnd(file);
        return new WarehouseException(file.path() + (line > 0 ? " line " + line : "") + ": the file has " + file.dataRecords() + counted
                + ": its line endings are mixed (lines end with " + file.lineEnding() + ", " + (line > 0 ? "line " + line
                + " with another" : "some with another") + "). Save the file with one kind of line ending and load again. Nothing was loaded.");
    }

    /**
     * The first line that holds a line break of the other kind: a CR not followed by LF in a file of
     * LF or CRLF lines, or an LF in a file of CR lines; 0 when none is found.
     */
    static long firstMixedLineEnd(InputFile file) {
        byte terminator = file.lineEnding().terminator();
        try (InputStream in = Files.newInputStream(file.path())) {
            byte[] block = new byte[1 << 20];
            long line = 1;
            int previous = -1;
            for (int n; (n = in.read(block)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = block[i];
                    if (terminator == '\n' && previous == '\r' && b != '\n' || terminator == '\r' && b == '\n') {
                        return line;
                    }
                    line += b == terminator ? 1 : 0;
                    previous = b;
                }
            }
            return terminator == '\n' && previous == '\r' ? line : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
