package se.lagesbild.publishing.tables.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Language;

/**
 * A table as a JSON-stat 2.0 dataset (json-stat.org/format), which PxWeb and JSON-stat clients
 * read. The table's dimension columns become dimensions (categories in the order they first
 * appear, labelled in Swedish where the table has labels), its numeric measures become the
 * categories of a last dimension {@code measure} with the role metric; {@code period_code} gets
 * the role time and {@code geo_code} the role geo. A hidden value is null with status "..", as in
 * SCB's tables. Text and yes/no columns go to {@code extension.attributes}, each an object from
 * the observation's index without the measure dimension to its value. When the dimension columns
 * do not identify the rows, a dimension {@code row} numbers them. The value is an array when at
 * least half of the cube is filled, else an object from index to value (both are JSON-stat 2.0).
 */
public final class JsonStatTables {
    /** The language of the dimensions' labels (the tables' category labels are Swedish). */
    private static final Language LABELS = Language.SV;

    /** Status of a hidden value. */
    public static final String HIDDEN = "..";

    private JsonStatTables() {
    }

    static void write(ResultTable table, OutputStream out) throws IOException {
        List<Integer> dims = new ArrayList<>();
        List<Integer> measures = new ArrayList<>();
        List<Integer> attributes = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            switch (c.role()) {
                case DIMENSION -> dims.add(i);
                case MEASURE -> measures.add(i);
                default -> attributes.add(i);
            }
        }
        boolean numbered = !identifies(table, dims);
        List<String> ids = new ArrayList<>();
        List<Map<String, Integer>> categories = new ArrayList<>();
        if (numbered) {
            ids.add("row");
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (int r = 0; r < table.rows().size(); r++) {
                rows.put(String.valueOf(r), r);
            }
            categories.add(rows);
        }
        for (int d : dims) {
            ids.add(table.columns().get(d).name());
            Map<String, Integer> index = new LinkedHashMap<>();
            for (Object[] row : table.rows()) {
                index.putIfAbsent(code(row[d]), index.size());
            }
            categories.add(index);
        }
        int suppressed = table.columnIndex("suppressed");
        long cells = 1;
        for (Map<String, Integer> c : categories) {
            cells *= Math.max(1, c.size());
        }
        long size = cells * Math.max(1, measures.size());
        Object[] values = new Object[(int) Math.min(size, Integer.MAX_VALUE)];
        Map<Integer, String> status = new LinkedHashMap<>();
        Map<Integer, Map<Integer, Object>> attributeValues = new LinkedHashMap<>();
        attributes.forEach(a -> attributeValues.put(a, new LinkedHashMap<>()));
        int filled = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            Object[] row = table.rows().get(r);
            long cell = 0;
            int k = 0;
            if (numbered) {
                cell = r;
                k = 1;
            }
            for (int d : dims) {
                cell = cell * categories.get(k).size() + categories.get(k).get(code(row[d]));
                k++;
            }
            boolean hidden = suppressed >= 0 && Boolean.TRUE.equals(row[suppressed]);
            for (int m = 0; m < measures.size(); m++) {
                int at = (int) (cell * measures.size() + m);
                values[at] = row[measures.get(m)];
                filled++;
                if (hidden) {
                    status.put(at, HIDDEN);
                }
            }
            for (int a : attributes) {
                if (row[a] != null) {
                    attributeValues.get(a).put((int) cell, row[a]);
                }
            }
        }
        try (JsonGenerator json = JsonTables.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("class", "dataset");
            json.writeStringField("label", table.title());
            json.writeStringField("source", "Lägesbild");
            json.writeArrayFieldStart("id");
            for (String id : ids) {
                json.writeString(id);
            }
            json.writeString("measure");
            json.writeEndArray();
            json.writeArrayFieldStart("size");
            for (Map<String, Integer> c : categories) {
                json.writeNumber(c.size());
            }
            json.writeNumber(measures.size());
            json.writeEndArray();
            json.writeObjectFieldStart("role");
            json.writeArrayFieldStart("metric");
            json.writeString("measure");
            json.writeEndArray();
            if (ids.contains("period_code")) {
                json.writeArrayFieldStart("time");
                json.writeString("period_code");
                json.writeEndArray();
            }
            if (ids.contains("geo_code")) {
                json.writeArrayFieldStart("geo");
                json.writeString("geo_code");
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("dimension");
            for (int i = 0; i < ids.size(); i++) {
                writeDimension(json, ids.get(i), categories.get(i), table.labels().getOrDefault(ids.get(i), Map.of()), null);
            }
            Map<String, Integer> measureIndex = new LinkedHashMap<>();
            measures.forEach(m -> measureIndex.put(table.columns().get(m).name(), measureIndex.size()));
            Map<String, String> measureLabels = new LinkedHashMap<>();
            measureIndex.keySet().forEach(m -> measureLabels.put(m, LABELS.textOr("col." + m, m)));
            writeDimension(json, "measure", measureIndex, measureLabels, (String) table.meta().get("unit"));
            json.writeEndObject();
            if (filled * 2L >= values.length) {
                json.writeArrayFieldStart("value");
                for (Object v : values) {
                    JsonTables.writeValue(json, v);
                }
                json.writeEndArray();
            } else {
                json.writeObjectFieldStart("value");
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null || status.containsKey(i)) {
                        json.writeFieldName(String.valueOf(i));
                        JsonTables.writeValue(json, values[i]);
                    }
                }
                json.writeEndObject();
            }
            if (!status.isEmpty()) {
                json.writeObjectFieldStart("status");
                for (var s : status.entrySet()) {
                    json.writeStringField(String.valueOf(s.getKey()), s.getValue());
                }
                json.writeEndObject();
            }
            json.writeObjectFieldStart("extension");
            json.writeFieldName("meta");
            JsonTables.MAPPER.writeValue(json, table.meta());
            json.writeObjectFieldStart("attributes");
            for (var a : attributeValues.entrySet()) {
                json.writeObjectFieldStart(table.columns().get(a.getKey()).name());
                for (var v : a.getValue().entrySet()) {
                    json.writeFieldName(String.valueOf(v.getKey()));
                    JsonTables.writeValue(json, v.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /**
     * One dimension: its label (the Swedish column label, as the table's category labels are
     * Swedish), categories and labels; for the measures, when the table's {@code unit} is known, each
     * measure's unit and decimals (counts 0, shares 4, others 1).
     */
    private static void writeDimension(JsonGenerator json, String id, Map<String, Integer> index, Map<String, String> labels, String unit)
            throws IOException {
        json.writeObjectFieldStart(id);
        json.writeStringField("label", id.equals("measure") ? "tabellinnehåll" : LABELS.textOr("col." + id, id));
        json.writeObjectFieldStart("category");
        json.writeObjectFieldStart("index");
        for (var e : index.entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("label");
        for (String code : index.keySet()) {
            json.writeStringField(code, labels.getOrDefault(code, code));
        }
        json.writeEndObject();
        if (unit != null) {
            json.writeObjectFieldStart("unit");
            for (String code : index.keySet()) {
                boolean count = code.equals("numerator") || code.equals("denominator");
                json.writeObjectFieldStart(code);
                json.writeStringField("base", LABELS.measureBase(unit, count));
                json.writeNumberField("decimals", Language.measureDecimals(unit, count));
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static boolean identifies(ResultTable table, List<Integer> dims) {
        if (dims.isEmpty()) {
            return table.rows().size() <= 1;
        }
        Set<List<String>> seen = new HashSet<>();
        for (Object[] row : table.rows()) {
            List<String> key = new ArrayList<>();
            dims.forEach(d -> key.add(code(row[d])));
            if (!seen.add(key)) {
                return false;
            }
        }
        return true;
    }

    private static String code(Object value) {
        return value == null ? "" : value.toString();
    }
}
