package se.lagesbild.publishing.tables.format;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;

/**
 * A table as JSON: {@code {"title", "meta", "columns": [{name, type, role}], "rows": [{column: value}]}};
 * missing and hidden values are null.
 */
public final class JsonTables {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTables() {
    }

    static void write(ResultTable table, OutputStream out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("title", table.title());
            json.writeFieldName("meta");
            MAPPER.writeValue(json, table.meta());
            json.writeArrayFieldStart("columns");
            for (Column c : table.columns()) {
                json.writeStartObject();
                json.writeStringField("name", c.name());
                json.writeStringField("type", c.type().name().toLowerCase(java.util.Locale.ROOT));
                json.writeStringField("role", c.role().name().toLowerCase(java.util.Locale.ROOT));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            for (Object[] row : table.rows()) {
                json.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    json.writeFieldName(table.columns().get(i).name());
                    writeValue(json, row[i]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Number n) {
            json.writeNumber(n.longValue());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }
}
