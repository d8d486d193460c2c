package se.lagesbild.publishing.tables.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;

/**
 * A table as an Arrow IPC stream: strings as UTF-8, integers as 64-bit, numbers as float64,
 * yes/no as booleans, all nullable, in record batches of {@value #BATCH_ROWS} rows. The table's
 * title and metadata are in the schema's metadata ({@code title}, {@code meta} as JSON).
 */
public final class ArrowTables {
    static final int BATCH_ROWS = 8192;
    private static final BufferAllocator ROOT = new RootAllocator();

    private ArrowTables() {
    }

    static void write(ResultTable table, OutputStream out) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(new Field(c.name(), FieldType.nullable(type(c.type())), null));
        }
        java.util.Map<String, String> metadata = new java.util.TreeMap<>(); // a fixed order: the same table, the same bytes
        metadata.put("title", table.title());
        metadata.put("meta", JsonTables.MAPPER.writeValueAsString(table.meta()));
        Schema schema = new Schema(fields, metadata);
        try (BufferAllocator allocator = ROOT.newChildAllocator("response", 0, Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            List<Object[]> rows = table.rows();
            for (int from = 0; from < rows.size() || from == 0; from += BATCH_ROWS) {
                int to = Math.min(rows.size(), from + BATCH_ROWS);
                root.allocateNew();
                for (int col = 0; col < fields.size(); col++) {
                    FieldVector vector = root.getVector(col);
                    for (int r = from; r < to; r++) {
                        set(vector, r - from, rows.get(r)[col]);
                    }
                    vector.setValueCount(to - from);
                }
                root.setRowCount(to - from);
                writer.writeBatch();
                if (rows.isEmpty()) {
                    break;
                }
            }
            writer.end();
        }
    }

    private static ArrowType type(Column.Type type) {
        return switch (type) {
            case STRING -> ArrowType.Utf8.INSTANCE;
            case INTEGER -> new ArrowType.Int(64, true);
            case NUMBER -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
        };
    }

    private static void set(FieldVector vector, int i, Object value) {
        if (value == null) {
            vector.setNull(i);
        } else if (vector instanceof VarCharVector v) {
            v.setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(i, ((Number) value).longValue());
        } else if (vector instanceof Float8Vector v) {
            v.setSafe(i, ((Number) value).doubleValue());
        } else if (vector instanceof BitVector v) {
            v.setSafe(i, ((Boolean) value) ? 1 : 0);
        }
    }
}
