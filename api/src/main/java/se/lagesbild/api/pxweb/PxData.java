package se.lagesbild.api.pxweb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.warehouse.disclosure.ReleasedValue;

/**
 * A selection of a {@link PxTable} and its cells in every output: JSON-stat 2.0 (the metadata
 * without values, or the data with status and a note per hidden or not computed cell), a long
 * table with codes and names (for CSV, xlsx, Arrow and Parquet), PC-Axis text, PxWeb's JSON
 * (json-px) and an HTML table, the last three laid out as {@code heading} and {@code stub} say.
 *
 * @param chosen    the values chosen of each variable, in {@link PxTable#order()}
 * @param labels    the labels of the chosen values (the codelist's where one is used)
 * @param heading   the variables across (PX's HEADING), in order
 * @param stub      the variables down (PX's STUB), in order
 * @param codelists the codelist used for a variable, by variable
 */
public record PxData(PxTable table, Map<String, List<String>> chosen, Map<String, Map<String, String>> labels, List<String> heading,
                     List<String> stub, Map<String, String> codelists) {
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
        int[] periods = table.numbers(Cube.PERIOD, chosen.get("Tid"));
        List<String> regions = chosen.get("Region");
        List<String> diagnoses = chosen.get("Diagnos");
        List<String> ages = chosen.get(table.order().get(2));
        List<String> sexes = chosen.get("Kon");
        int[] g = table.numbers(Cube.GEO, regions);
        int[] d = table.numbers(Cube.DIAGNOSIS, diagnoses);
        int[] a = table.numbers(Cube.AGE, ages);
        int[] s = table.numbers(Cube.SEX, sexes);
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
        doc.put("label", table.title());
        doc.put("source", lang.text("px.source"));
        doc.put("updated", updated);
        doc.put("id", table.order());
        doc.put("size", table.order().stream().map(v -> chosen.get(v).size()).toList());
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("time", List.of("Tid"));
        role.put("geo", List.of("Region"));
        role.put("metric", List.of("ContentsCode"));
        doc.put("role", role);
        Map<String, Object> dimensions = new LinkedHashMap<>();
        for (String id : table.order()) {
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
                List<Map<String, Object>> codelists = v.codelists().values().stream().map(c -> Map.<String, Object>of("id", c.id(), "label",
                        c.label(), "type", c.type(), "links", List.of(Map.of("rel", "metadata", "hreflang", lang.code(), "href",
                                PxWebApi.BASE + "/codelists/" + c.id() + "?lang=" + lang.code())))).toList();
                extension.put("codelists", codelists);
                // the same list under the spelling of PxWebApi 2's beta, which pxwebpy's get_table_variables still reads
                extension.put("codeLists", codelists);
            }
            dimension.put("extension", extension);
            dimensions.put(id, dimension);
        }
        doc.put("dimension", dimensions);
        Map<String, String> statusMeaning = new LinkedHashMap<>();
        statusMeaning.put("..", lang.text("px.status.hidden"));
        statusMeaning.put("-", lang.text("px.status.none"));
        Map<String, Object> extension = new LinkedHashMap<>();
        Map<String, Object> px = new LinkedHashMap<>();
        px.put("tableid", table.id());
        px.put("language", lang.code());
        // PX's CONTENTS is what is measured (PxWeb 2 titles a table "CONTENTS efter <its variables>"), so a group table's
        // dimension is not named twice; the label and TITLE carry it
        px.put("contents", lang.title(table.indicator()));
        px.put("decimals", table.unit(PxTable.CONTENT_CODES.get("value")).get("decimals"));
        px.put("heading", heading);
        px.put("stub", stub);
        px.put("official-statistics", false);
        px.put("aggregallowed", false);
        px.put("matrix", table.id());
        px.put("subject-code", "goal" + table.indicator().goal());
        extension.put("px", px);
        extension.put("statusMeaning", statusMeaning);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", lang.text("px.contact"));
        contact.put("raw", lang.text("px.contact"));
        extension.put("contact", List.of(contact));
        if (withValues) {
            List<Double> values = new ArrayList<>();
            Map<String, String> status = new LinkedHashMap<>();
            // each note once, with the indices of the cells it explains (a hidden cell's reason, or "not computed")
            Map<String, List<Long>> notes = new LinkedHashMap<>();
            forEach((index, measure, v) -> {
                values.add(table.measure(v, measure));
                String s = table.status(v, measure);
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
        List<String> rowVariables = table.order().stream().filter(id -> !id.equals("ContentsCode")).toList();
        for (String id : rowVariables) {
            columns.add(Column.dimension(id));
            columns.add(Column.text(id + "_label"));
        }
        List<String> measures = chosen.get("ContentsCode");
        measures.forEach(m -> columns.add(Column.number(m)));
        columns.add(Column.text("status_symbol"));
        columns.add(Column.text("note"));
        ResultTable.Builder t = ResultTable.builder(table.title(), columns.toArray(Column[]::new));
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
                measures.forEach(m -> row.add(table.measure(v, m)));
                String status = table.status(v, PxTable.CONTENT_CODES.get("value"));
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
        px.append("DECIMALS=").append(table.unit(PxTable.CONTENT_CODES.get("value")).get("decimals")).append(";\nSHOWDECIMALS=")
                .append(table.unit(PxTable.CONTENT_CODES.get("value")).get("decimals")).append(";\n");
        px.append("MATRIX=\"").append(table.id()).append("\";\n");
        px.append("SUBJECT-CODE=\"CANCER\";\nSUBJECT-AREA=\"").append(escape(lang.text("px.source"))).append("\";\n");
        px.append("CONTENTS=\"").append(escape(lang.title(table.indicator()))).append("\";\n");
        px.append("UNITS=\"").append(escape((String) table.unit(PxTable.CONTENT_CODES.get("value")).get("base"))).append("\";\n");
        px.append("STUB=").append(quoted(stub.stream().map(v -> table.variables().get(v).label()).toList())).append(";\n");
        px.append("HEADING=").append(quoted(heading.stream().map(v -> table.variables().get(v).label()).toList())).append(";\n");
        List<String> order = new ArrayList<>(stub);
        order.addAll(heading);
        for (String id : order) {
            String name = table.variables().get(id).label();
            px.append("VALUES(\"").append(escape(name)).append("\")=").append(quoted(chosen.get(id).stream()
                    .map(c -> labels.get(id).get(c)).toList())).append(";\n");
            px.append("CODES(\"").append(escape(name)).append("\")=").append(quoted(chosen.get(id))).append(";\n");
        }
        px.append("TITLE=\"").append(escape(table.title())).append("\";\nSOURCE=\"").append(escape(lang.text("px.source")))
                .append("\";\n");
        px.append("DATASYMBOL2=\"..\";\nDATANOTESUM=\"").append(escape(lang.text("px.status.hidden"))).append("\";\nDATA=\n");
        // the stub's rows in order, each with the heading's cells (the last heading variable fastest)
        Cells cells = allCells();
        int perRow = heading.stream().mapToInt(h -> chosen.get(h).size()).reduce(1, (a, b) -> a * b);
        List<String> line = new ArrayList<>();
        inLayout(cells, (x, s, content) -> {
            line.add(x != null ? java.math.BigDecimal.valueOf(x).toPlainString() : "\"" + s + "\"");
            if (line.size() == perRow) {
                px.append(String.join(" ", line)).append('\n');
                line.clear();
            }
        });
        px.append(";\n");
        return px.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every cell's value, status and content code in JSON-stat order. */
    private record Cells(Double[] values, String[] status, String[] contents) {
    }

    /** A cell visited in the layout's order. */
    private interface LayoutVisitor {
        void visit(Double value, String status, String content);
    }

    private Cells allCells() {
        int n = (int) cells();
        Double[] values = new Double[n];
        String[] status = new String[n];
        String[] contents = new String[n];
        forEach((index, measure, v) -> {
            values[(int) index] = table.measure(v, measure);
            status[(int) index] = table.status(v, measure);
            contents[(int) index] = measure;
        });
        return new Cells(values, status, contents);
    }

    /** The cells in the layout's order: the stub's rows, within each the heading's columns, the last variable fastest. */
    private void inLayout(Cells cells, LayoutVisitor visitor) {
        List<String> order = new ArrayList<>(stub);
        order.addAll(heading);
        int[] size = order.stream().mapToInt(id -> chosen.get(id).size()).toArray();
        // the JSON-stat stride of each variable (ORDER, last fastest)
        java.util.Map<String, Integer> stride = new java.util.HashMap<>();
        int step = 1;
        for (int i = table.order().size() - 1; i >= 0; i--) {
            stride.put(table.order().get(i), step);
            step *= chosen.get(table.order().get(i)).size();
        }
        int[] position = new int[order.size()];
        long total = cells.values().length;
        for (long k = 0; k < total; k++) {
            int index = 0;
            for (int i = 0; i < order.size(); i++) {
                index += position[i] * stride.get(order.get(i));
            }
            visitor.visit(cells.values()[index], cells.status()[index], cells.contents()[index]);
            for (int i = order.size() - 1; i >= 0; i--) {
                if (++position[i] < size[i]) {
                    break;
                }
                position[i] = 0;
            }
        }
    }

    /**
     * PxWeb's JSON ("json-px", PxWeb API 1's json): {@code columns} (each variable but the contents,
     * then each content), {@code data} (the codes of a cell's variables as its key, one value per
     * content, ".." for hidden and "-" for not computed) and {@code metadata}.
     */
    public Map<String, Object> jsonPx() {
        var lang = table.language();
        List<String> keys = table.order().stream().filter(id -> !id.equals("ContentsCode")).toList();
        List<Map<String, String>> columns = new ArrayList<>();
        for (String id : keys) {
            columns.add(Map.of("code", id, "text", table.variables().get(id).label(), "type", id.equals("Tid") ? "t" : "d"));
        }
        List<String> contents = chosen.get("ContentsCode");
        for (String c : contents) {
            Map<String, String> column = new LinkedHashMap<>();
            column.put("code", c);
            column.put("text", labels.get("ContentsCode").get(c));
            column.put("type", "c");
            column.put("unit", String.valueOf(table.unit(c).get("base")));
            columns.add(column);
        }
        List<Map<String, Object>> data = new ArrayList<>();
        List<String> periods = chosen.get("Tid");
        forEachSeries((codes, byPeriod) -> {
            for (int p = 0; p < byPeriod.length; p++) {
                ReleasedValue v = byPeriod[p];
                List<String> key = new ArrayList<>(List.of(codes));
                key.add(periods.get(p));
                List<String> values = new ArrayList<>();
                for (String c : contents) {
                    Double x = table.measure(v, c);
                    values.add(x != null ? java.math.BigDecimal.valueOf(x).toPlainString() : table.status(v, c));
                }
                data.add(Map.of("key", key, "values", values));
            }
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("columns", columns);
        doc.put("comments", List.of());
        doc.put("data", data);
        doc.put("metadata", List.of(Map.of("infofile", "", "label", table.title(), "source", lang.text("px.source"))));
        return doc;
    }

    /**
     * An HTML table in the layout, for reading: the heading's values across (one header row per heading
     * variable), each stub row with its values' codes, labels or both; values with their content's
     * decimals and the language's decimal mark; hidden cells "..", not computed "-"; the title above
     * when asked.
     */
    public byte[] html(boolean codes, boolean texts, boolean title) {
        var lang = table.language();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(html(table.title())).append("</title></head><body>\n");
        if (title) {
            h.append("<h1>").append(html(table.title())).append("</h1>\n");
        }
        h.append("<table>\n<thead>\n");
        int columns = heading.stream().mapToInt(v -> chosen.get(v).size()).reduce(1, (a, b) -> a * b);
        int repeat = 1;
        for (int level = 0; level < heading.size(); level++) {
            String id = heading.get(level);
            int span = columns / repeat / chosen.get(id).size();
            h.append("<tr>");
            for (String ignored : stub) {
                h.append("<th></th>");
            }
            for (int r = 0; r < repeat; r++) {
                for (String code : chosen.get(id)) {
                    h.append("<th scope=\"col\"").append(span > 1 ? " colspan=\"" + span + "\"" : "").append(">")
                            .append(html(show(id, code, codes, texts))).append("</th>");
                }
            }
            h.append("</tr>\n");
            repeat *= chosen.get(id).size();
        }
        h.append("</thead>\n<tbody>\n");
        Cells cells = allCells();
        int[] position = new int[stub.size()];
        int[] count = {0};
        java.text.NumberFormat[] formats = new java.text.NumberFormat[5];
        inLayout(cells, (x, s, content) -> {
            if (count[0] % columns == 0) {
                h.append("<tr>");
                for (int i = 0; i < stub.size(); i++) {
                    h.append("<th scope=\"row\">").append(html(show(stub.get(i), chosen.get(stub.get(i)).get(position[i]), codes, texts)))
                            .append("</th>");
                }
            }
            h.append("<td>").append(x != null ? html(shown(x, content, formats)) : html(s)).append("</td>");
            count[0]++;
            if (count[0] % columns == 0) {
                h.append("</tr>\n");
                for (int i = stub.size() - 1; i >= 0; i--) {
                    if (++position[i] < chosen.get(stub.get(i)).size()) {
                        break;
                    }
                    position[i] = 0;
                }
            }
        });
        h.append("</tbody>\n</table>\n<p>").append(html(lang.text("px.source"))).append("</p>\n</body></html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value as a reader sees it: the content's decimals, the language's decimal mark ("80,9" in Swedish). */
    private String shown(double x, String content, java.text.NumberFormat[] formats) {
        int decimals = (Integer) table.unit(content).get("decimals");
        int slot = Math.min(decimals, formats.length - 1);
        if (formats[slot] == null) {
            formats[slot] = java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag(table.language().code()));
            formats[slot].setMinimumFractionDigits(slot);
            formats[slot].setMaximumFractionDigits(slot);
            formats[slot].setGroupingUsed(false);
        }
        return formats[slot].format(x);
    }

    private String show(String variable, String code, boolean codes, boolean texts) {
        String label = labels.get(variable).get(code);
        return codes && texts ? code + " " + label : codes ? code : label;
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "\"" + escape(v) + "\"").toList());
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\"", "'");
    }
}
