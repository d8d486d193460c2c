package se.lagesbild.publishing.notebook;

import java.util.Map;

import se.lagesbild.publishing.text.Language;

/**
 * A tile-grid map of Sweden's 21 regions: one square per region, placed roughly where the region
 * lies (north at the top), shaded by its value in five grey steps between the lowest and highest
 * value shown, with the region's name and value written in it; hidden values show "..". Plain
 * HTML, so it needs no geometry, prints in black and white and is read by screen readers as a
 * table. The layout is schematic: neighbours are near, areas are not to scale.
 */
public final class TileMap {
    /** Each region code's row and column in the grid (9 rows, 4 columns). */
    static final Map<String, int[]> PLACES = Map.ofEntries(
            Map.entry("25", new int[] {0, 2}), Map.entry("24", new int[] {1, 1}), Map.entry("23", new int[] {2, 0}),
            Map.entry("22", new int[] {2, 1}), Map.entry("20", new int[] {3, 0}), Map.entry("21", new int[] {3, 1}),
            Map.entry("17", new int[] {4, 0}), Map.entry("19", new int[] {4, 1}), Map.entry("03", new int[] {4, 2}),
            Map.entry("14", new int[] {5, 0}), Map.entry("18", new int[] {5, 1}), Map.entry("04", new int[] {5, 2}),
            Map.entry("01", new int[] {5, 3}), Map.entry("13", new int[] {6, 0}), Map.entry("06", new int[] {6, 1}),
            Map.entry("05", new int[] {6, 2}), Map.entry("09", new int[] {6, 3}), Map.entry("07", new int[] {7, 1}),
            Map.entry("08", new int[] {7, 2}), Map.entry("12", new int[] {8, 0}), Map.entry("10", new int[] {8, 1}));
    private static final int ROWS = 9;
    private static final int COLUMNS = 4;
    private static final String[] GREYS = {"#f7f7f7", "#cccccc", "#969696", "#636363", "#252525"};

    private TileMap() {
    }

    /**
     * @param values each region's value (NaN or missing: hidden or not computed, shown as "..")
     * @param format how a value is written (e.g. "83.1 %")
     */
    public static String of(Language language, String title, Map<String, String> names, Map<String, Double> values,
                            java.util.function.DoubleFunction<String> format) {
        double min = values.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        String[][] grid = new String[ROWS][COLUMNS];
        for (var place : PLACES.entrySet()) {
            String code = place.getKey();
            Double v = values.get(code);
            boolean shown = v != null && !v.isNaN();
            int step = !shown ? -1 : max > min ? (int) Math.min(4, Math.floor(5 * (v - min) / (max - min))) : 2;
            String background = step < 0 ? "#ffffff" : GREYS[step];
            String ink = step >= 3 ? "#ffffff" : "#000000";
            grid[place.getValue()[0]][place.getValue()[1]] = "<td style=\"background:" + background + ";color:" + ink
                    + ";border:1px solid #444;width:7.5em;height:3.2em;text-align:center;vertical-align:middle;font-size:11px\">"
                    + Html.escape(names.getOrDefault(code, code)) + "<br><b>" + (shown ? Html.escape(format.apply(v)) : "..") + "</b></td>";
        }
        StringBuilder html = new StringBuilder("<figure class=\"lb-tilemap\" style=\"margin:0.5em 0\"><table role=\"table\" aria-label=\"")
                .append(Html.escape(title)).append("\" style=\"border-collapse:separate;border-spacing:3px\">");
        for (String[] row : grid) {
            html.append("<tr>");
            for (String cell : row) {
                html.append(cell == null ? "<td style=\"width:7.5em\"></td>" : cell);
            }
            html.append("</tr>");
        }
        html.append("</table><figcaption class=\"lb-note\">").append(Html.escape(title));
        if (!Double.isNaN(min)) {
            html.append("; ").append(Html.escape(language.text("chart.map.legend", format.apply(min), format.apply(max))));
        }
        return html.append("</figcaption></figure>").toString();
    }
}
