package se.lagesbild.publishing.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import se.lagesbild.publishing.text.Language;

/**
 * Charts drawn headless with XChart and embedded in HTML as PNG data URLs, so a notebook's output
 * and the exported report carry every chart without separate files. Legends, axes and notes are
 * in the language asked for; axis numbers are written as the language writes them.
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One labelled value with its interval (NaN when not available). */
    public record Bar(String label, double value, double lower, double upper) {
    }

    /** The longest category label drawn in full (upright); a longer one ends in "…". */
    static final int LONGEST_LABEL = 60;

    /** Values with their intervals as bars with error bars, in the given order. */
    public static String bars(Language language, String title, String yTitle, List<Bar> bars) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(380).title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler(), language);
        chart.getStyler().setLegendVisible(false);
        // a few short labels read level; many (the regions) need the slant
        chart.getStyler().setXAxisLabelRotation(bars.size() <= 6 && bars.stream().allMatch(b -> b.label().length() <= 24) ? 0 : 45);
        List<String> labels = new ArrayList<>();
        bars.forEach(b -> labels.add(b.label()));
        if (labels.isEmpty() || bars.stream().allMatch(b -> Double.isNaN(b.value()))) {
            return nothing(language);
        }
        chart.getStyler().setOverlapped(true);
        chart.addSeries(language.text("series.value"), labels, values(bars)).setFillColor(new Color(120, 120, 120));
        whiskers(chart, labels, bars);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        return image(chart, title);
    }

    /**
     * A forest plot: each unit's change with its interval as a point and a whisker, around a line at
     * no change, in the given order. Drawn in black and grey, readable printed in black and white.
     */
    public static String forest(Language language, String title, String yTitle, List<Bar> changes) {
        List<Bar> drawn = changes.stream().filter(b -> !Double.isNaN(b.value())).toList();
        if (drawn.isEmpty()) {
            return nothing(language);
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(380).title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler(), language);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        List<String> labels = drawn.stream().map(Bar::label).toList();
        CategorySeries zero = chart.addSeries(language.text("series.no_change"), labels, drawn.stream().map(b -> 0.0).toList());
        zero.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        chart.getStyler().setOverlapped(true);
        whiskers(chart, labels, drawn);
        CategorySeries points = chart.addSeries(language.text("series.change"), labels, drawn.stream().map(Bar::value).toList());
        points.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.DIAMOND);
        points.setMarkerColor(Color.BLACK);
        return image(chart, title);
    }

    /**
     * A funnel plot: each unit's value against its denominator, with the benchmark and the 95 % and
     * 99.8 % limits drawn as lines over the range of denominators.
     */
    public static String funnel(Language language, String title, String yTitle, double benchmark, List<double[]> points,
                                java.util.function.DoubleFunction<double[]> limits) {
        return funnel(language, title, yTitle, benchmark, points, List.of(), limits);
    }

    /**
     * The same, with each point outside the 95 % limits labelled by name just above its marker
     * ({@code labels} in the order of {@code points}; empty: none labelled).
     */
    public static String funnel(Language language, String title, String yTitle, double benchmark, List<double[]> points,
                                List<String> labels, java.util.function.DoubleFunction<double[]> limits) {
        XYChart chart = new XYChartBuilder().width(900).height(420).title(title).xAxisTitle(language.text("chart.funnel.x"))
                .yAxisTitle(yTitle).build();
        style(chart.getStyler(), language);
        if (points.isEmpty()) {
            return nothing(language);
        }
        double max = points.stream().mapToDouble(p -> p[0]).max().orElse(1);
        List<Double> xs = new ArrayList<>();
        List<double[]> ls = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            double n = Math.max(1, max * 1.05 * i / 60);
            xs.add(n);
            ls.add(limits.apply(n));
        }
        line(chart, language.text("series.limit_998"), xs, ls, 0, new Color(60, 60, 60), 1.6f);
        line(chart, language.text("series.limit_95"), xs, ls, 1, new Color(130, 130, 130), 1.2f);
        line(chart, " " + language.text("series.limit_95"), xs, ls, 2, new Color(130, 130, 130), 1.2f).setShowInLegend(false);
        line(chart, " " + language.text("series.limit_998"), xs, ls, 3, new Color(60, 60, 60), 1.6f).setShowInLegend(false);
        XYSeries bench = chart.addSeries(language.text("series.benchmark"), List.of(xs.get(0), xs.get(xs.size() - 1)), List.of(benchmark, benchmark));
        bench.setMarker(SeriesMarkers.NONE);
        bench.setLineColor(Color.DARK_GRAY);
        XYSeries units = chart.addSeries(language.text("series.regions"), points.stream().map(p -> p[0]).toList(), points.stream().map(p -> p[1]).toList());
        units.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        units.setMarkerColor(Color.BLACK);
        double top = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
        double bottom = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double lift = Math.max(top - bottom, Math.abs(top) * 0.05) * 0.06;
        for (int i = 0; i < labels.size() && i < points.size(); i++) {
            double[] p = points.get(i);
            double[] l = limits.apply(Math.max(1, p[0]));
            if (p[1] < l[1] || p[1] > l[2]) {
                // the name just above its marker, never on it
                chart.addAnnotation(new AnnotationText(labels.get(i), p[0], p[1] + lift, false));
            }
        }
        return image(chart, title);
    }

    private static XYSeries line(XYChart chart, String name, List<Double> xs, List<double[]> limits, int which, Color color, float width) {
        XYSeries s = chart.addSeries(name, xs, limits.stream().map(l -> l[which]).toList());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f));
        return s;
    }

    /**
     * Trend lines over the periods, each series with its intervals as error bars: the first solid
     * black with circles, the second dashed grey with diamonds (readable in black and white); a
     * missing or hidden value leaves a gap.
     *
     * @param series each series' name and its values in the order of {@code periods} (NaN: none)
     */
    public static String trend(Language language, String title, String yTitle, List<String> periods,
                               java.util.Map<String, List<Bar>> series) {
        if (periods.size() < 2 || series.values().stream().allMatch(s -> s.stream().allMatch(b -> Double.isNaN(b.value())))) {
            return nothing(language);
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(340).title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler(), language);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setOverlapped(true);
        int k = 0;
        for (var s : series.entrySet()) {
            whiskers(chart, periods, s.getValue());
            // NaN leaves a gap
            CategorySeries line = chart.addSeries(s.getKey(), periods, s.getValue().stream().map(Bar::value).toList());
            line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            line.setLineColor(k == 0 ? Color.BLACK : Color.GRAY);
            line.setMarkerColor(k == 0 ? Color.BLACK : Color.GRAY);
            line.setMarker(k == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            line.setLineStyle(k == 0 ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6f, 4f}, 0f));
            k++;
        }
        return image(chart, title);
    }

    /** The factor a unit's values are drawn with: shares as per cent (×100), others as they are. */
    public static double scale(String unit) {
        return unit.equals("proportion") ? 100 : 1;
    }

    /** The value axis' title for a unit: per cent for shares (drawn ×100), else the unit as the language writes it. */
    public static String axis(Language language, String unit) {
        return unit.equals("proportion") ? language.text("chart.axis.share") : language.unitLabel(unit);
    }

    private static String nothing(Language language) {
        return Html.note(language.text("chart.no_values"));
    }

    /** Women and men side by side per unit, each with its interval (women dark, men light: readable in black and white). */
    public static String pairs(Language language, String title, String yTitle, List<String> labels, List<Bar> women, List<Bar> men) {
        return pairs(title, yTitle, labels, language.text("series.women"), women, language.text("series.men"), men, language);
    }

    /**
     * Two series side by side per unit, each bar with its interval (the first dark, the second light:
     * readable in black and white). Short labels (regions) are slanted; long ones (indicator titles)
     * stand upright under their bars, in full up to {@link #LONGEST_LABEL} characters (longer ones end
     * in "…"; the tables beside the charts carry them in full), the picture made taller for them, so
     * no label runs off the picture.
     */
    public static String pairs(String title, String yTitle, List<String> labels, String firstName, List<Bar> first, String secondName,
                               List<Bar> second, Language language) {
        if (labels.isEmpty() || java.util.stream.Stream.concat(first.stream(), second.stream()).allMatch(b -> Double.isNaN(b.value()))) {
            return nothing(language);
        }
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        boolean upright = longest > 24;
        CategoryChart chart = new CategoryChartBuilder().width(900).height(upright ? 300 + 6 * Math.min(longest, LONGEST_LABEL) : 380)
                .title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler(), language);
        chart.getStyler().setXAxisLabelRotation(upright ? 90 : 45);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setOverlapped(true);
        // each unit is two positions side by side (the first labelled, the second blank: XChart places
        // categories by position and measures every label, so a blank is a space) and a blank spacer,
        // each series drawn at its own positions, so every whisker stands on its own bar
        List<String> positions = new ArrayList<>();
        List<Bar> firstAt = new ArrayList<>();
        List<Bar> secondAt = new ArrayList<>();
        Bar none = new Bar("", Double.NaN, Double.NaN, Double.NaN);
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            positions.add(label.length() > LONGEST_LABEL ? label.substring(0, LONGEST_LABEL - 1).trim() + "…" : label);
            positions.add(" ");
            positions.add(" ");
            firstAt.addAll(List.of(first.get(i), none, none));
            secondAt.addAll(List.of(none, second.get(i), none));
        }
        chart.addSeries(firstName, positions, values(firstAt)).setFillColor(new Color(60, 60, 60));
        chart.addSeries(secondName, positions, values(secondAt)).setFillColor(new Color(190, 190, 190));
        whiskers(chart, positions, firstAt);
        whiskers(chart, positions, secondAt);
        return image(chart, title);
    }

    /** The bars' values; a hidden or missing one stays NaN, so no bar is drawn (never a bar at zero). */
    private static List<Double> values(List<Bar> bars) {
        return bars.stream().map(Bar::value).toList();
    }

    /**
     * Each bar's interval as XChart draws it: XChart's error bars are symmetric around a series'
     * value, so the interval is drawn by a series of its own, without markers or legend, at the
     * interval's midpoint with half its width: the whisker then runs exactly from the lower to the
     * upper limit, as the table beside the chart gives them (asymmetric intervals stay asymmetric).
     * A bar without an interval gets none. The chart must be overlapped, so this series stands at
     * the same place as its bars.
     */
    static double[][] whiskerData(List<Bar> bars) {
        double[] mid = new double[bars.size()];
        double[] half = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            boolean drawn = !Double.isNaN(b.value()) && !Double.isNaN(b.lower()) && !Double.isNaN(b.upper());
            mid[i] = drawn ? (b.lower() + b.upper()) / 2 : Double.NaN;
            half[i] = drawn ? (b.upper() - b.lower()) / 2 : 0;
        }
        return new double[][] {mid, half};
    }

    private static void whiskers(CategoryChart chart, List<String> categories, List<Bar> bars) {
        double[][] w = whiskerData(bars);
        CategorySeries s = chart.addSeries(" interval " + chart.getSeriesMap().size(), categories,
                java.util.Arrays.stream(w[0]).boxed().toList(), java.util.Arrays.stream(w[1]).boxed().toList());
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler styler, Language language) {
        styler.setLocale(language == Language.SV ? Locale.forLanguageTag("sv-SE") : Locale.UK);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAntiAlias(true);
    }

    /**
     * The chart as an embedded PNG image under its title as text: a caption wraps on the page where a
     * long title drawn into the picture would be cut at its edges.
     */
    static String image(Chart<?, ?> chart, String alt) {
        String title = chart.getTitle();
        chart.setTitle("");
        chart.getStyler().setChartTitleVisible(false);
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "<figure class=\"lb-chart\">" + (title == null || title.isBlank() ? "" : "<figcaption>" + Html.escape(title) + "</figcaption>")
                    + "<img alt=\"" + Html.escape(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"></figure>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
