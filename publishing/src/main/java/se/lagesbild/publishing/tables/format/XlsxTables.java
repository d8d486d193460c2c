package se.lagesbild.publishing.tables.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * Result tables as one Excel workbook (.xlsx, written with FastExcel), one sheet per table: the
 * table's title in the first row, labelled headers in the second (the language's {@code col.NAME}
 * texts), then the rows. Each code column (indicator, region, age group, diagnosis, sex, period) is
 * followed by a column with its name, and a table with indicators but no unit gets the unit beside
 * the indicator's name. Numbers are Excel numbers in full precision (shares as fractions 0–1, as
 * the unit column says); a hidden value is the text ".." and a value not computed is empty, as in
 * Swedish official statistics. Shares carry Excel's per-cent format (0.0 %), counts thousands
 * grouped; every sheet has an autofilter on its header row and the header frozen; sheet names are
 * in the workbook's language, and a last sheet says what {@code ..} and an empty cell mean and
 * where the figures come from. The file is the same bytes for the same tables: the creation date
 * FastExcel stamps into {@code docProps/core.xml} is left out and every entry carries the same time.
 */
public final class XlsxTables {
    private static final int MAX_SHEET_NAME = 31;

    private XlsxTables() {
    }

    /** The workbook of {@code sheets} (sheet name → table), labels in {@code labels}' language. */
    public static byte[] write(Map<String, ResultTable> sheets, Labels labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            Workbook workbook = new Workbook(out, "Lagesbild", "1.0");
            Language language = labels.language();
            java.util.Set<String> used = new java.util.HashSet<>(List.of(language.text("xlsx.about.sheet").toLowerCase(java.util.Locale.ROOT)));
            for (var sheet : sheets.entrySet()) {
                String name = sheetName(language.textOr("xlsx.sheet." + sheet.getKey(), sheet.getKey()));
                while (!used.add(name.toLowerCase(java.util.Locale.ROOT))) {
                    name = sheetName(name.substring(0, Math.min(name.length(), MAX_SHEET_NAME - 2)) + " " + used.size());
                }
                writeSheet(workbook.newWorksheet(name), sheet.getValue(), labels);
            }
            // last, so the data is the first sheet a reader (or PxWeb's download) opens
            writeAbout(workbook.newWorksheet(sheetName(language.text("xlsx.about.sheet"))), language);
            workbook.finish();
            return withoutCreationDate(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel allows 31 characters and none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return clean.length() > MAX_SHEET_NAME ? clean.substring(0, MAX_SHEET_NAME) : clean;
    }

    /**
     * What a cell holds, for its Excel number format: a share in the row's indicator's unit (a
     * fraction shown as per cent), a count (thousands grouped), or anything else (as it is).
     */
    private enum Kind { SHARE, COUNT, OTHER }

    private record Out(String header, java.util.function.Function<Object[], Object> value, java.util.function.Function<Object[], Kind> kind) {
        Out(String header, java.util.function.Function<Object[], Object> value) {
            this(header, value, row -> Kind.OTHER);
        }
    }

    /** Per cent with one decimal for shares (stored as fractions), thousands grouped for counts. */
    private static final String SHARE_FORMAT = "0.0%";
    private static final String COUNT_FORMAT = "#,##0";

    /** Columns that never hold a value in the indicator's unit, though they are numbers. */
    private static boolean unitless(String column) {
        return column.contains("p_value") || column.contains("ratio") || column.contains("numerator") || column.contains("denominator")
                || column.equals("years") || column.contains("standard_error") || column.contains("year") || column.equals("rank");
    }

    /** The sheet that says what the tables' marks mean and where the figures come from ("Om tabellerna"). */
    private static void writeAbout(Worksheet ws, Language language) {
        ws.value(0, 0, language.text("xlsx.about.title"));
        ws.style(0, 0).bold().set();
        int r = 2;
        for (String key : List.of("hidden", "empty", "shares", "codes", "sources", "methods")) {
            ws.value(r, 0, language.text("xlsx.about." + key + ".mark"));
            ws.style(r, 0).bold().set();
            ws.value(r, 1, language.text("xlsx.about." + key));
            r++;
        }
        ws.width(0, 22);
        ws.width(1, 110);
    }

    private static void writeSheet(Worksheet ws, ResultTable table, Labels labels) {
        Language language = labels.language();
        List<Out> columns = new ArrayList<>();
        int suppressed = table.columnIndex("suppressed");
        int indicatorColumn = table.columnIndex("indicator");
        boolean hasUnit = table.columnIndex("unit") >= 0;
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            int index = i;
            // the interval's bounds have columns of their own here: "Värde", not "Värde (95 % KI)"
            String header = language.textOr("col." + c.name(), c.name()).replaceAll(" \\(95 % (KI|CI)\\)$", "");
            java.util.function.Function<Object, String> name = namer(c.name(), labels);
            boolean measure = c.role() == Column.Role.MEASURE;
            if (name != null) {
                columns.add(new Out(header + " (" + language.text("xlsx.code") + ")", row -> row[index]));
                columns.add(new Out(header, row -> row[index] == null ? null : name.apply(row[index])));
                if (index == indicatorColumn && !hasUnit) {
                    columns.add(new Out(language.text("col.unit"), row -> {
                        Indicator indicator = row[index] == null ? null : labels.indicator(row[index].toString());
                        return indicator == null ? null : language.measureBase(indicator.unit(), false);
                    }));
                }
            } else if (c.name().equals("unit")) {
                columns.add(new Out(header, row -> row[index] == null ? null : language.measureBase(row[index].toString(), false)));
            } else {
                int unitColumn = table.columnIndex("unit");
                java.util.function.Function<Object[], Kind> kind = measure && c.type() == Column.Type.INTEGER ? row -> Kind.COUNT
                        : measure && !unitless(c.name()) ? row -> {
                            String unit = unitColumn >= 0 && row[unitColumn] != null ? row[unitColumn].toString()
                                    : indicatorColumn >= 0 && row[indicatorColumn] != null && labels.indicator(row[indicatorColumn].toString()) != null
                                    ? labels.indicator(row[indicatorColumn].toString()).unit() : null;
                            return "proportion".equals(unit) ? Kind.SHARE : Kind.OTHER;
                        } : c.name().contains("numerator") || c.name().contains("denominator") ? row -> Kind.COUNT : row -> Kind.OTHER;
                columns.add(new Out(header, row -> {
                    Object v = row[index];
                    boolean hidden = suppressed >= 0 && Boolean.TRUE.equals(row[suppressed]);
                    if (v == null && hidden && measure) {
                        return "..";
                    }
                    if (v instanceof Double d && d.isNaN()) {
                        return hidden ? ".." : null;
                    }
                    return v instanceof Boolean b ? language.yesNo(b) : v instanceof String text ? labels.word(c.name(), text) : v;
                }, kind));
            }
        }
        ws.value(0, 0, title(table, labels.language()));
        ws.style(0, 0).bold().set();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(1, c, columns.get(c).header());
            ws.style(1, c).bold().fillColor("F2F2F2").set();
        }
        int r = 2;
        for (Object[] row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                Object v = columns.get(c).value().apply(row);
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                    Kind kind = columns.get(c).kind().apply(row);
                    if (kind != Kind.OTHER) {
                        ws.style(r, c).format(kind == Kind.SHARE ? SHARE_FORMAT : COUNT_FORMAT).set();
                    }
                } else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
            r++;
        }
        ws.freezePane(0, 2);
        if (!columns.isEmpty()) {
            ws.setAutoFilter(1, 0, Math.max(1, r - 1), columns.size() - 1);
        }
    }

    /**
     * The table's title in the language: the text {@code sheet.KEY} where the table's meta names
     * its year and baseline (the yearly report's tables), filled with them; else the table's own title.
     */
    private static String title(ResultTable table, Language language) {
        Object key = table.meta().get("sheet");
        if (key != null && language.has("sheet." + key)) {
            return language.text("sheet." + key, table.meta().get("baseline"), table.meta().get("year"));
        }
        return table.title();
    }

    /** The label of a code column's values, or null when the column holds no code with a label. */
    private static java.util.function.Function<Object, String> namer(String column, Labels labels) {
        return switch (column) {
            case "indicator" -> v -> labels.indicatorTitle(v.toString());
            case "geo_code", "region_code" -> v -> labels.geography(v.toString(), null);
            case "age_group_code" -> v -> labels.ageGroup(v.toString());
            case "diagnosis_code" -> v -> labels.diagnosis(v.toString());
            case "sex_code" -> v -> labels.sex(v);
            case "period_code", "baseline_period", "followup_period" -> v -> labels.period(v.toString());
            default -> null;
        };
    }

    /** The same workbook without {@code dcterms:created}, every entry dated 1980-01-01 (zip's first day). */
    private static byte[] withoutCreationDate(byte[] xlsx) throws IOException {
        // FastExcel's entries carry data descriptors that ZipInputStream cannot read back; ZipFile reads the central directory
        java.nio.file.Path file = java.nio.file.Files.createTempFile("lagesbild-", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
            try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] bytes;
                    try (var stream = in.getInputStream(entry)) {
                        bytes = stream.readAllBytes();
                    }
                    if (entry.getName().equals("docProps/core.xml")) {
                        bytes = new String(bytes, StandardCharsets.UTF_8).replaceAll("<dcterms:created[^>]*>[^<]*</dcterms:created>", "")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
                    zip.putNextEntry(copy);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
