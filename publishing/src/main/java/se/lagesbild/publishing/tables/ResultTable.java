package se.lagesbild.publishing.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every data route answers: named, typed columns and rows, plus metadata about the whole
 * result. Every format (JSON, CSV, JSON-stat, Arrow) writes the same table, so the rows, numbers
 * and suppression are the same in each. A value is null when it does not exist or is hidden; NaN
 * never leaves.
 *
 * @param labels category labels (Swedish) per dimension column, for JSON-stat
 */
public record ResultTable(String title, List<Column> columns, List<Object[]> rows, Map<String, Object> meta,
                          Map<String, Map<String, String>> labels) implements java.io.Serializable {

    public static Builder builder(String title, Column... columns) {
        return new Builder(title, List.of(columns));
    }

    /** The same table with {@code meta} instead of its own. */
    public ResultTable withMeta(Map<String, Object> meta) {
        return new ResultTable(title, columns, rows, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta)), labels);
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a table row by row, checking each row's width and turning NaN into null. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns;
        private final List<Object[]> rows = new ArrayList<>();
        private final Map<String, Object> meta = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();

        private Builder(String title, List<Column> columns) {
            this.title = title;
            this.columns = columns;
        }

        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(title + ": a row of " + values.length + " values for " + columns.size() + " columns");
            }
            Object[] row = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                row[i] = v instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : v;
            }
            rows.add(row);
            return this;
        }

        public Builder meta(String key, Object value) {
            meta.put(key, value);
            return this;
        }

        public Builder labels(String column, Map<String, String> codeToLabel) {
            labels.put(column, codeToLabel);
            return this;
        }

        public int size() {
            return rows.size();
        }

        public ResultTable build() {
            return new ResultTable(title, columns, List.copyOf(rows), java.util.Collections.unmodifiableMap(meta),
                    java.util.Collections.unmodifiableMap(labels));
        }
    }
}
