package se.lagesbild.loaders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.Field;
import org.jooq.Table;

/**
 * How one source is delivered and where it goes: its columns (with the header names accepted for
 * each), the fact table, the default policy, the key that must be unique within a file, and the
 * SQL in {@code sql/loaders/} that types and validates it.
 *
 * @param name        the source's name on the command line, e.g. "svf-pathways"
 * @param sqlResource file name under {@code sql/loaders/}
 * @param factTable   the fact table its rows go to; its columns (but batch_id and source_line)
 *                    are the typed columns of the SQL's {@code @typed} section
 * @param policy      default policy for files with problems
 * @param columns     the delivered columns
 * @param key         typed columns that identify a row; a second row with the same key is a duplicate
 * @param regionField typed column holding the row's region (for feedback letters), or null
 * @param parquet     whether Parquet files are accepted besides CSV
 */
public record SourceFormat(String name, String sqlResource, Table<?> factTable, Policy policy, List<Column> columns,
                           List<String> key, String regionField, boolean parquet) {

    /**
     * One delivered column.
     *
     * @param name     canonical name (staged as {@code raw_<name>})
     * @param required whether every row must have a value
     * @param expected what a valid value looks like, for messages
     * @param typed    the typed column that reads it (null: checked by the source's own rules only)
     * @param aliases  other header names accepted for it (case-insensitive)
     */
    public record Column(String name, boolean required, String expected, String typed, List<String> aliases) {
        /** The same column, checked through another typed column (null: no generic checks). */
        public Column typed(String typedColumn) {
            return new Column(name, required, expected, typedColumn, aliases);
        }

        boolean matches(String header) {
            String h = normalise(header);
            return h.equals(name) || aliases.stream().anyMatch(a -> normalise(a).equals(h));
        }
    }

    /** Header names compare in lower case with spaces and hyphens as underscores. */
    static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    Optional<Column> column(String header) {
        return columns.stream().filter(c -> c.matches(header)).findFirst();
    }

    /** The fact table's columns that the typed relation provides (all but batch_id and source_line). */
    List<String> factColumns() {
        return factTable.fieldStream().map(Field::getName)
                .filter(n -> !n.equals("batch_id") && !n.equals("source_line"))
                .toList();
    }
}
