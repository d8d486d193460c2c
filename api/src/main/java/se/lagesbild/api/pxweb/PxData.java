package se.lagesbild.api.pxweb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.tables.Column;
import se.lagesbild.warehouse.tables.ResultTable;

/**
 * A selection of a {@link PxTable} and its cells in every output: JSON-stat 2.0 (the metadata
 * without values, or the data with status and a note per hidden or not computed cell), a long
 * table with codes and names (for CSV, xlsx, Arrow and Parquet) and PC-Axis text.
 *
 * @param chosen the values chosen of each variable, in {@link PxTable#ORDER}
 * @param labels the labels of the chosen values (the codelist's where one is used)
 */
public record PxData(PxTable table, Map<String, List<String>> chosen, Map<String, Map<String, String>> labels) {
    /** The number of cells: the product of the number of values chosen of each variable. */
    public long cells() {
        long n = 1;
        for (List<String> values : chosen.values()) {
            n *= values.size();
        }
        return n;
    }

    /**
     * Visits each series of the selection: every (region, diagnosis, age, sex) in order, with its
     * released values in each chosen period. Codes are numbered once per selection, and each cell is
     * one lookup, however many measures and outputs read it.
     */
    private void forEachSeries(SeriesVisitor visitor) {
        int[] periods = table.numbers(ReleasedStore.Cube.PERIOD, chosen.get("Tid"));
        List<String> regions = chosen.get("Region");
        List<String> diagnoses = chosen.get("Diagnos");
        List<String> ages = chosen.get("Alder");
        List<String> sexes = chosen.get("Kon");
        int[] g = table.numbers(ReleasedStore.Cube.GEO, regions);
        int[] d = table.numbers(ReleasedStore.Cube.DIAGNOSIS, diagnoses);
        int[] a = table.numbers(ReleasedStore.Cube.AGE, ages);
        int[] s = table.numbers(ReleasedStore.Cube.SEX, sexes);
        ReleasedValue[] row = new ReleasedValue[periods.length];
        for (int gi = 0; gi < g.length; gi++) {
            for (int di = 0; di < d.length; di++) {
                for (int ai = 0; ai < a.length; ai++) {
                    for (int si = 0; si < s.length; si++) {
                        for (int t = 0; t < row.length; t++) {
                            row[t] = table.at(periods[t], g[gi], d[di], s[si], a[ai]);
                        }
                        visitor.visit(new String[] {regions.get(gi), diagnoses.get(di), ages.get(ai), sexes.get(si)}, row);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface SeriesVisitor {
        /** @param codes region, diagnosis, age and sex; @param byPeriod the released value in each chosen period (null: none) */
        void visit(String[] codes, ReleasedValue[] byPeriod);
    }

    /** Visits every cell in JSON-stat order (Tid fastest, then ContentsCode) with its index, measure and released value. */
    private void forEach(CellVisitor visitor) {
        List<String> measures = chosen.get("ContentsCode");
        long[] index = {0};
        forEachSeries((codes, byPeriod) -> {
            for (String measure : measures) {
                for (ReleasedValue v : byPeriod) {
                    visitor.visit(index[0]++, measure, v);
                }
            }
        });
    }

    @FunctionalInterface
    private interface CellVisitor {
        void visit(long index, String measure, ReleasedValue value);
    }

    /** The JSON-stat 2.0 dataset: every dimension with its labels, and the values with status when {@code withValues}. */
    public Map<String, Object> jsonStat(boolean withValues, String updated) {
        var lang = table.language();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", "2.0");
        doc.put("class", "dataset");
        doc.put("label", lang.title(table.indicator()));
        doc.put("source", lang.text("px.source"));
        doc.put("updated", updated);
        doc.put("id", PxTable.ORDER);
        doc.put("size", PxTable.ORDER.stream().map(v -> chosen.get(v).size()).toList());
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("time", List.of("Tid"));
        role.put("geo", List.of("Region"));
        role.put("metric", List.of("ContentsCode"));
        doc.put("role", role);
        Map<String, Object> dimensions = new LinkedHashMap<>();
        for (String id : PxTable.ORDER) {
            Variable v = table.variables().get(id);
            Map<String, Object> category = new LinkedHashMap<>();
            Map<String, Integer> index = new LinkedHashMap<>();
            List<String> codes = chosen.get(id);
            for (int i = 0; i < codes.size(); i++) {
                index.put(codes.get(i), i);
            }
            category.put("index", index);
            Map<String, String> names = new LinkedHashMap<>();
            codes.forEach(c -> names.put(c, labels.get(id).get(c)));
            category.put("label", names);
            if (id.equals("ContentsCode")) {
                Map<String, Object> units = new LinkedHashMap<>();
                codes.forEach(c -> units.put(c, table.unit(c)));
                category.put("unit", units);
            }
            Map<String, Object> dimension = new LinkedHashMap<>();
            dimension.put("label", v.label());
            dimension.put("category", category);
            Map<String, Object> extension = new LinkedHashMap<>();
            extension.put("elimination", v.elimination() != null);
            if (v.elimination() != null) {
                extension.put("eliminationValueCode", v.elimination());
            }
            if (!v.codelists().isEmpty()) {
                extension.put("codelists", v.codelists().values().stream().map(c -> Map.of("id", c.id(), "label", c.label(), "type",
                        "Aggregation")).toList());
            }
            dimension.put("extension", extension);
            dimensions.put(id, dimension);
        }
        doc.put("dimension", dimensions);
        Map<String, String> statusMeaning = new LinkedHashMap<>();
        statusMeaning.put("..", lang.text("px.status.hidden"));
        statusMeaning.put("-", lang.text("px.status.none"));
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("px", Map.of("tableid", table.indicator().code(), "language", lang.code(), "contents", lang.title(table.indicator()),
                "decimals", table.unit("value").get("decimals")));
        extension.put("statusMeaning", statusMeaning);
        extension.put("contact", List.of(Map.of("name", lang.text("px.contact"))));
        if (withValues) {
            List<Double> values = new ArrayList<>();
            Map<String, String> status = new LinkedHashMap<>();
            // each note once, with the indices of the cells it explains (a hidden cell's reason, or "not computed")
            Map<String, List<Long>> notes = new LinkedHashMap<>();
            forEach((index, measure, v) -> {
                values.add(PxTable.measure(v, measure));
                String s = PxTable.status(v, measure);
                if (s != null) {
                    status.put(String.valueOf(index), s);
                    notes.computeIfAbsent(table.note(v), k -> new ArrayList<>()).add(index);
                }
            });
            doc.put("value", values);
            doc.put("status", status);
            extension.put("cellNotes", notes);
        }
        doc.put("note", List.of(lang.text("px.status.hidden").replaceFirst("^", "\"..\": "), lang.text("px.status.none")
                .replaceFirst("^", "\"-\": ")));
        doc.put("extension", extension);
        return doc;
    }

    /** The cells as a long table: each variable's code and name, the measures side by side, and why a cell is empty. */
    public ResultTable longTable() {
        List<Column> columns = new ArrayList<>();
        List<String> rowVariables = List.of("Region", "Diagnos", "Alder", "Kon", "Tid");
        for (String id : rowVariables) {
            columns.add(Column.dimension(id));
            columns.add(Column.text(id + "_label"));
        }
        List<String> measures = chosen.get("ContentsCode");
        measures.forEach(m -> columns.add(Column.number(m)));
        columns.add(Column.text("status_symbol"));
        columns.add(Column.text("note"));
        ResultTable.Builder t = ResultTable.builder(table.language().title(table.indicator()), columns.toArray(Column[]::new));
        List<String> periods = chosen.get("Tid");
        forEachSeries((codes, byPeriod) -> {
            for (int p = 0; p < byPeriod.length; p++) {
                ReleasedValue v = byPeriod[p];
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rowVariables.size(); i++) {
                    String code = i < codes.length ? codes[i] : periods.get(p);
                    row.add(code);
                    row.add(labels.get(rowVariables.get(i)).get(code));
                }
                measures.forEach(m -> row.add(PxTable.measure(v, m)));
                String status = PxTable.status(v, "value");
                row.add(status);
                row.add(status == null ? null : table.note(v));
                t.row(row.toArray());
            }
        });
        return t.build();
    }

    /** PC-Axis text (UTF-8): the keywords the classic tools read, and the data with ".." and "-" for empty cells. */
    public byte[] px(String updated) {
        var lang = table.language();
        StringBuilder px = new StringBuilder();
        px.append("CHARSET=\"ANSI\";\nAXIS-VERSION=\"2013\";\nCODEPAGE=\"utf-8\";\nLANGUAGE=\"").append(lang.code()).append("\";\n");
        px.append("CREATION-DATE=\"").append(updated.replaceAll("[-:TZ]", "").substring(0, 8)).append(" ")
                .append(updated.substring(11, 16)).append("\";\n");
        px.append("DECIMALS=").append(table.unit("value").get("decimals")).append(";\nSHOWDECIMALS=")
                .append(table.unit("value").get("decimals")).append(";\n");
        px.append("MATRIX=\"").append(table.indicator().code()).append("\";\n");
        px.append("SUBJECT-CODE=\"CANCER\";\nSUBJECT-AREA=\"").append(escape(lang.text("px.source"))).append("\";\n");
        px.append("CONTENTS=\"").append(escape(lang.title(table.indicator()))).append("\";\n");
        px.append("UNITS=\"").append(escape((String) table.unit("value").get("base"))).append("\";\n");
        List<String> stub = List.of("Region", "Diagnos", "Alder", "Kon");
        List<String> heading = List.of("ContentsCode", "Tid");
        px.append("STUB=").append(quoted(stub.stream().map(v -> table.variables().get(v).label()).toList())).append(";\n");
        px.append("HEADING=").append(quoted(heading.stream().map(v -> table.variables().get(v).label()).toList())).append(";\n");
        for (String id : PxTable.ORDER) {
            String name = table.variables().get(id).label();
            px.append("VALUES(\"").append(escape(name)).append("\")=").append(quoted(chosen.get(id).stream()
                    .map(c -> labels.get(id).get(c)).toList())).append(";\n");
            px.append("CODES(\"").append(escape(name)).append("\")=").append(quoted(chosen.get(id))).append(";\n");
        }
        px.append("TITLE=\"").append(escape(lang.title(table.indicator()))).append("\";\nSOURCE=\"").append(escape(lang.text("px.source")))
                .append("\";\n");
        px.append("DATASYMBOL2=\"..\";\nDATANOTESUM=\"").append(escape(lang.text("px.status.hidden"))).append("\";\nDATA=\n");
        // the stub's rows in order, each with the heading's cells (ContentsCode, then Tid fastest): JSON-stat's order is the same
        int perRow = chosen.get("ContentsCode").size() * chosen.get("Tid").size();
        List<String> line = new ArrayList<>();
        forEach((index, measure, v) -> {
            Double x = PxTable.measure(v, measure);
            String s = PxTable.status(v, measure);
            line.add(x != null ? java.math.BigDecimal.valueOf(x).toPlainString() : "\"" + s + "\"");
            if (line.size() == perRow) {
                px.append(String.join(" ", line)).append('\n');
                line.clear();
            }
        });
        px.append(";\n");
        return px.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "\"" + escape(v) + "\"").toList());
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\"", "'");
    }
}
