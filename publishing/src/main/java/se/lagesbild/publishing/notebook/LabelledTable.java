package se.lagesbild.publishing.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.publishing.text.Labels;
import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * A result table as a reader sees it: headers from the language's texts ({@code col.NAME}), codes
 * replaced by labels (regions, indicators, age groups, diagnoses, sexes, periods, statuses), values
 * in their unit with the interval beside them ({@code 83,1 % (79,7–83,9)}: the {@code _lower} and
 * {@code _upper} columns are shown with their value, never alone), changes in percentage points,
 * p-values, counts with thousands grouped. Hidden values are "..", values not computed "–", as
 * Swedish official statistics mark them, explained under the table; a table whose every value is hidden
 * becomes one sentence saying so.
 */
public final class LabelledTable {
    /** Values shown in their unit, each with the names of its interval's bounds. */
    private static final Map<String, String[]> VALUES = Map.ofEntries(
            Map.entry("value", new String[] {"lower", "upper"}),
            Map.entry("baseline_value", new String[] {"baseline_lower", "baseline_upper"}),
            Map.entry("followup_value", new String[] {"followup_lower", "followup_upper"}),
            Map.entry("published_value", new String[] {"published_lower", "published_upper"}),
            Map.entry("revised_value", new String[] {"revised_lower", "revised_upper"}),
            Map.entry("women_value", new String[] {}), Map.entry("men_value", new String[] {}),
            Map.entry("lowest_value", new String[] {}), Map.entry("highest_value", new String[] {}),
            Map.entry("target", new String[] {}),
            Map.entry("latest_value", new String[] {}),
            Map.entry("projected_value", new String[] {"projected_lower", "projected_upper"}),
            Map.entry("funnel_95", new String[] {"funnel_95_lower", "funnel_95_upper"}),
            Map.entry("funnel_998", new String[] {"funnel_998_lower", "funnel_998_upper"}));
    /** Differences, signed, in percentage points for shares. */
    private static final Map<String, String[]> CHANGES = Map.of(
            "change", new String[] {"change_lower", "change_upper"},
            "difference_women_men", new String[] {"difference_lower", "difference_upper"},
            "revised_change", new String[] {"revised_change_lower", "revised_change_upper"},
            "published_change", new String[] {"published_lower", "published_upper"},
            "revision_difference", new String[] {},
            "sii", new String[] {"sii_lower", "sii_upper"},
            "largest_gap", new String[] {"largest_gap_lower", "largest_gap_upper"},
            "difference", new String[] {"difference_lower", "difference_upper"});
    /** Ratios shown with two decimals and their interval: the relative index of inequality. */
    private static final Map<String, String[]> RATIOS = Map.of("rii", new String[] {"rii_lower", "rii_upper"});
    private static final Set<String> P_VALUES = Set.of("p_value", "p_value_adjusted", "trend_p_value");
    /** Counts that may be stored as numbers (weighted where standardised): whole ones written without decimals. */
    private static final Set<String> COUNTS = Set.of("numerator", "denominator");

    private final ResultTable table;
    private final Labels labels;
    private final Language language;
    private final Function<Object[], String> unit;

    private LabelledTable(ResultTable table, Labels labels, Function<Object[], String> unit) {
        this.table = table;
        this.labels = labels;
        this.language = labels.language();
        this.unit = unit;
    }

    /**
     * The chosen columns of the rows that pass {@code keep}, under {@code caption}. Each row's unit
     * comes from its {@code unit} column, else its indicator's, else {@code fallbackUnit}.
     *
     * @throws IllegalArgumentException naming a column the table does not have, or one with no label
     */
    public static String html(ResultTable table, String caption, List<String> columns, Predicate<Object[]> keep, Labels labels,
                              String fallbackUnit) {
        int unitColumn = table.columnIndex("unit");
        int indicatorColumn = table.columnIndex("indicator");
        Function<Object[], String> unit = row -> {
            if (unitColumn >= 0 && row[unitColumn] != null) {
                return (String) row[unitColumn];
            }
            Indicator i = indicatorColumn >= 0 ? labels.indicator((String) row[indicatorColumn]) : null;
            return i != null ? i.unit() : fallbackUnit;
        };
        return new LabelledTable(table, labels, unit).render(caption, columns, keep);
    }

    private String render(String caption, List<String> columns, Predicate<Object[]> keep) {
        for (String c : columns) {
            if (table.columnIndex(c) < 0 && !VALUES.containsKey(c)) {
                throw new IllegalArgumentException("No column " + c + " in " + table.title());
            }
        }
        StringBuilder html = new StringBuilder(Html.STYLE).append("<table class=\"lb-table\"><caption>").append(Html.escape(caption))
                .append("</caption><thead><tr>"); // a header row in thead: printed again on every page a long table runs onto
        columns.forEach(c -> html.append("<th>").append(Html.escape(language.text("col." + c))).append("</th>"));
        html.append("</tr></thead><tbody>");
        int suppressed = table.columnIndex("suppressed");
        int rows = 0;
        boolean anyHidden = false;
        boolean anyNumber = false;
        boolean anyNumeric = false;
        for (Object[] row : table.rows()) {
            if (!keep.test(row)) {
                continue;
            }
            rows++;
            boolean hidden = suppressed >= 0 && Boolean.TRUE.equals(row[suppressed]);
            anyHidden |= hidden;
            html.append(hidden ? "<tr class=\"hidden\">" : "<tr>");
            for (String c : columns) {
                boolean numeric = VALUES.containsKey(c) || CHANGES.containsKey(c) || RATIOS.containsKey(c) || P_VALUES.contains(c) || isCount(c);
                String shown = cell(row, c, hidden);
                anyHidden |= numeric && shown.equals("..");
                anyNumeric |= numeric;
                anyNumber |= numeric && !List.of("..", "–", "").contains(shown);
                html.append(numeric ? "<td class=\"n\">" : "<td>").append(Html.escape(shown)).append("</td>");
            }
            html.append("</tr>");
        }
        if (rows > 0 && anyNumeric && anyHidden && !anyNumber) {
            // a table of nothing but ".." tells a reader nothing: one sentence says why instead
            return Html.note(language.text("table.all_hidden", caption));
        }
        html.append("</tbody></table>");
        List<String> notes = new ArrayList<>();
        if (rows == 0) {
            notes.add(language.text("table.no_rows"));
        }
        if (anyHidden || columns.stream().anyMatch(c -> VALUES.containsKey(c) || CHANGES.containsKey(c))) {
            notes.add(language.text("table.legend"));
        }
        notes.forEach(n -> html.append(Html.note(n)));
        return html.toString();
    }

    private boolean isCount(String column) {
        int i = table.columnIndex(column);
        return COUNTS.contains(column)
                || i >= 0 && table.columns().get(i).type() == Column.Type.INTEGER && table.columns().get(i).role() == Column.Role.MEASURE;
    }

    private String cell(Object[] row, String column, boolean hidden) {
        String unitOfRow = unit.apply(row);
        if (VALUES.containsKey(column)) {
            String[] bounds = VALUES.get(column);
            Double value = number(row, column);
            // a missing women's or men's value is hidden or too uncertain in its own cell (the row's flag is both sexes'): ".."
            if (value == null && (hidden || column.equals("women_value") || column.equals("men_value"))) {
                return "..";
            }
            if (bounds.length == 2 && table.columnIndex(column) < 0) {
                return language.interval(number(row, bounds[0]), number(row, bounds[1]), unitOfRow); // bounds alone, e.g. funnel limits
            }
            return bounds.length == 2 ? language.valueWithInterval(value, number(row, bounds[0]), number(row, bounds[1]), unitOfRow)
                    : language.value(value, unitOfRow);
        }
        if (CHANGES.containsKey(column)) {
            String[] bounds = CHANGES.get(column);
            Double value = number(row, column);
            if (value == null) {
                return hidden ? ".." : "–";
            }
            String interval = bounds.length == 2 ? language.interval(number(row, bounds[0]), number(row, bounds[1]), unitOfRow) : "";
            return language.change(value, unitOfRow) + (interval.isEmpty() ? "" : " " + interval);
        }
        if (RATIOS.containsKey(column)) {
            Double value = number(row, column);
            Double lower = number(row, RATIOS.get(column)[0]);
            Double upper = number(row, RATIOS.get(column)[1]);
            return value == null ? (hidden ? ".." : "–") : language.number(value, 2) + (lower == null || upper == null ? ""
                    : " (" + language.number(lower, 2) + "–" + language.number(upper, 2) + ")");
        }
        Object value = row[table.columnIndex(column)];
        if (P_VALUES.contains(column)) {
            return language.pValue(value instanceof Double d ? d : null);
        }
        if (value == null) {
            return hidden && table.columns().get(table.columnIndex(column)).role() == Column.Role.MEASURE ? ".." : "";
        }
        if (value instanceof Boolean b) {
            return language.yesNo(b);
        }
        if (value instanceof Number n && isCount(column)) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? language.count(n.longValue()) : language.number(d, 1);
        }
        if (value instanceof Double d) {
            return language.number(d, 1);
        }
        String text = value.toString();
        return switch (column) {
            case "indicator" -> labels.indicatorTitle(text);
            case "geo_code", "region_code" -> labels.geography(text, text(row, "geo_level"));
            case "age_group_code", "group_code", "largest_gap_group" -> labels.ageGroup(text);
            case "diagnosis_code" -> labels.diagnosis(text);
            case "sex_code" -> labels.sex(text);
            case "goal" -> labels.goal(text);
            case "period_code", "baseline_period", "followup_period" -> labels.period(text);
            case "unit" -> language.unitLabel(text);
            default -> labels.word(column, text);
        };
    }

    private String text(Object[] row, String column) {
        int i = table.columnIndex(column);
        return i < 0 || row[i] == null ? null : row[i].toString();
    }

    private Double number(Object[] row, String column) {
        int i = table.columnIndex(column);
        return i >= 0 && row[i] instanceof Number n ? n.doubleValue() : null;
    }
}
