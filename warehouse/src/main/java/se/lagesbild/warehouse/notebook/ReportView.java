package se.lagesbild.warehouse.notebook;

import java.util.ArrayList;
import java.util.List;

import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.report.Headline;
import se.lagesbild.warehouse.report.YearlyReport;
import se.lagesbild.warehouse.tables.ResultTable;

/** The yearly report's sections as HTML, from one {@link YearlyReport}. */
public final class ReportView {
    private final YearlyReport report;

    ReportView(YearlyReport report) {
        this.report = report;
    }

    public YearlyReport report() {
        return report;
    }

    /** Goal {@code goal}: each indicator's baseline, follow-up, change, interval, status and target, and a chart of the two years. */
    public String goal(int goal) {
        ResultTable t = report.table("indicators");
        List<Charts.Bar> bars = new ArrayList<>();
        String unit = null;
        for (Object[] r : t.rows().stream().filter(Html.where(t, "goal", goal)).toList()) {
            if ("proportion".equals(r[t.columnIndex("unit")])) {
                unit = "share";
                String indicator = (String) r[t.columnIndex("indicator")];
                for (String period : List.of("baseline", "followup")) {
                    bars.add(new Charts.Bar(indicator + " " + r[t.columnIndex(period + "_period")], (Double) r[t.columnIndex(period + "_value")],
                            (Double) r[t.columnIndex(period + "_lower")], (Double) r[t.columnIndex(period + "_upper")]));
                }
            }
        }
        return Html.table(t, List.of("indicator", "title_en", "unit", "baseline_period", "baseline_value", "followup_period",
                "followup_value", "followup_lower", "followup_upper", "change", "change_lower", "change_upper", "status", "target",
                "target_met_followup"), Html.where(t, "goal", goal))
                + (bars.isEmpty() ? "" : Charts.bars("Goal " + goal + ": shares at baseline and follow-up (Riket)", unit, bars));
    }

    /** Every indicator with a funnel: the regions in the follow-up year. */
    public String regions() {
        StringBuilder html = new StringBuilder();
        for (Headline h : report.headlines()) {
            Released.Equity e = report.equityOf(h.indicator().code());
            if (e != null && e.funnelMethod() != null) {
                html.append(Html.heading(4, h.indicator().titleEn())).append(Lagesbild.funnelChart(h.indicator(), e));
            }
            if (e != null) {
                java.util.Map<String, Double> values = new java.util.HashMap<>();
                e.rows().stream().filter(r -> r.cell().geoLevel().equals("region") && !r.both().suppressed())
                        .forEach(r -> values.put(r.cell().geoCode(), r.both().estimate().value()));
                String unit = h.indicator().unit();
                html.append(TileMap.of(h.indicator().titleEn() + ", " + e.period() + ", per region", report.regionNames(), values,
                        v -> YearlyReport.format(v, unit)));
            }
        }
        ResultTable changes = report.table("region_changes");
        for (Headline h : report.headlines()) {
            String code = h.indicator().code();
            List<Charts.Bar> bars = new ArrayList<>();
            for (Object[] r : changes.rows()) {
                if (code.equals(r[changes.columnIndex("indicator")]) && "region".equals(r[changes.columnIndex("geo_level")])
                        && r[changes.columnIndex("change")] instanceof Double change) {
                    bars.add(new Charts.Bar(report.regionNames().getOrDefault((String) r[changes.columnIndex("geo_code")], ""), change,
                            number(r[changes.columnIndex("change_lower")]), number(r[changes.columnIndex("change_upper")])));
                }
            }
            if (!bars.isEmpty()) {
                html.append(Html.heading(4, h.indicator().titleEn() + ": change since the baseline per region"))
                        .append(Charts.forest(h.indicator().titleEn() + ": change " + report.baseline() + " to " + report.year()
                                + " with 95 % intervals", h.indicator().unit().equals("proportion") ? "change (share)" : "change ("
                                + h.indicator().unit() + ")", bars));
            }
        }
        html.append(Html.table(changes, List.of("indicator", "geo_code", "baseline_value", "followup_value", "change", "change_lower",
                "change_upper", "status", "reason"), Html.where(changes, "geo_level", "region")));
        return html.toString();
    }

    /** Women against men for each indicator that compares them. */
    public String womenAndMen() {
        StringBuilder html = new StringBuilder();
        for (Headline h : report.headlines()) {
            Released.Equity e = report.equityOf(h.indicator().code());
            if (e != null) {
                html.append(Html.heading(4, h.indicator().titleEn())).append(Lagesbild.womenAndMen(h.indicator(), e, report.regionNames()));
            }
        }
        return html.toString();
    }

    public String childrenAndAdults() {
        return Html.table(report.table("children_adults"), List.of("indicator", "age_group_code", "baseline_value", "followup_value",
                "change", "change_lower", "change_upper", "status"), r -> true);
    }

    /**
     * The baseline as published and with revised data: Riket's cells, and how many regional cells were
     * revised; or a note that no published baseline was named.
     */
    public String revisions() {
        ResultTable t = report.table("baseline_revisions");
        if (t == null) {
            return Html.paragraph("The baseline is shown with the data as it stands; name the snapshot it was published from"
                    + " (lagesbild report --published SNAPSHOT) to see it as published beside it.");
        }
        int geo = t.columnIndex("geo_code");
        int revision = t.columnIndex("revision");
        List<Object[]> revised = t.rows().stream().filter(r -> !"00".equals(r[geo]) && "revised".equals(r[revision])).toList();
        List<String> regions = revised.stream().map(r -> report.regionName((String) r[geo])).distinct().toList();
        return Html.table(t, List.of("indicator", "period_code", "revision", "published_value", "revised_value", "revision_difference",
                "published_status", "revised_change", "revised_change_lower", "revised_change_upper", "revised_status"),
                Html.where(t, "geo_code", "00"))
                + Html.paragraph(revised.isEmpty() ? "No region's baseline was revised."
                        : revised.size() + " regional baseline values were revised, in " + String.join(", ", regions)
                        + " (every cell: tables/baseline_revisions.csv).");
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.NaN;
    }

    /** The most important changes, in plain words. */
    public String inWords() {
        ResultTable t = report.table("changes_in_words");
        int sentence = t.columnIndex("sentence");
        return Html.list(t.rows().stream().map(r -> (String) r[sentence]).toList());
    }
}
