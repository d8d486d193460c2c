package se.lagesbild.publishing.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.lagesbild.publishing.text.Language;

/**
 * Charts draw the intervals the tables give (issue 29): a whisker runs from the table's lower to its
 * upper limit, asymmetric ones included, a share's interval is never drawn past 0 or 100 %, a bar
 * without a value gets no whisker, and every chart type renders with them.
 */
class ChartsTest {
    @Test
    void everyWhiskerRunsFromTheTablesLowerToItsUpperLimit() {
        List<Charts.Bar> bars = List.of(new Charts.Bar("children", 83.1, 58.3, 100.0), new Charts.Bar("adults", 45.2, 41.0, 49.9),
                new Charts.Bar("hidden", Double.NaN, Double.NaN, Double.NaN), new Charts.Bar("no interval", 12.0, Double.NaN, Double.NaN));
        double[][] w = Charts.whiskerData(bars);
        for (int i = 0; i < 2; i++) {
            assertEquals(bars.get(i).lower(), w[0][i] - w[1][i], 1e-12, bars.get(i).label());
            assertEquals(bars.get(i).upper(), w[0][i] + w[1][i], 1e-12, bars.get(i).label());
        }
        assertTrue(Double.isNaN(w[0][2]) && w[1][2] == 0, "a hidden value: no whisker");
        assertTrue(Double.isNaN(w[0][3]) && w[1][3] == 0, "a value without an interval: no whisker");
    }

    @Test
    void aSharesIntervalIsDrawnWithinZeroAndAHundredPerCentAndAChangeIsNotClipped() {
        Charts.Bar survival = ReportView.level("proportion", "Sörmland", 0.875, 0.716, 1.034);
        assertEquals(87.5, survival.value(), 1e-9);
        assertEquals(71.6, survival.lower(), 1e-9);
        assertEquals(100, survival.upper(), 1e-12, "not 103,4 %");
        Charts.Bar days = ReportView.level("days", "Stockholm", 36.0, 30.0, 42.0);
        assertEquals(42.0, days.upper(), 0);
        Charts.Bar change = ReportView.scaled("proportion", "Skåne", -0.3, -0.447, -0.089);
        assertEquals(-44.7, change.lower(), 1e-9, "a change in percentage points keeps its sign");
    }

    @Test
    void everyChartTypeRendersWithItsWhiskers() {
        List<Charts.Bar> a = List.of(new Charts.Bar("Stockholm", 58.3, 40.1, 100.0), new Charts.Bar("Uppsala", Double.NaN, Double.NaN, Double.NaN));
        List<Charts.Bar> b = List.of(new Charts.Bar("Stockholm", 62.0, 55.0, 68.0), new Charts.Bar("Uppsala", 81.0, 70.0, 88.0));
        for (String html : List.of(Charts.bars(Language.SV, "t", "procent", a), Charts.pairs("t", "procent", List.of("Stockholm", "Uppsala"), "2026", a,
                "2027", b, Language.SV), Charts.forest(Language.EN, "t", "points", b),
                Charts.trend(Language.EN, "t", "per cent", List.of("2026", "2027"), new java.util.LinkedHashMap<>(java.util.Map.of("Riket", b))))) {
            assertTrue(html.startsWith("<figure class=\"lb-chart\"><figcaption>t</figcaption><img alt=\"t\" src=\"data:image/png;base64,"), html.substring(0, Math.min(80, html.length())));
        }
    }
}
