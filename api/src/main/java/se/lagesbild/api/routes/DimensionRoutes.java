package se.lagesbild.api.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import se.lagesbild.api.Catalog;
import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;

/**
 * The dimensions' code lists with Swedish and English labels: regions, healthcare regions, diagnoses,
 * periods, sexes, age groups, population groups.
 */
final class DimensionRoutes {
    private DimensionRoutes() {
    }

    static List<Route> all() {
        return List.of(
                route("regions", "Regions (Riket is 00)", Catalog::regions),
                route("healthcare-regions", "Healthcare regions", Catalog::healthcareRegions),
                route("diagnoses", "Diagnoses: SVF pathways, site groups, ALL", Catalog::diagnoses),
                route("periods", "Periods: years, halves, quarters, months", Catalog::periods),
                route("sexes", "Sexes", Catalog::sexes),
                route("age-groups", "Age groups", Catalog::ageGroups),
                route("population-groups", "Population groups: education, country of birth, income (dimension:group)",
                        Catalog::populationGroups));
    }

    private static Route route(String path, String title, Function<Catalog, List<Member>> members) {
        return new Route("/" + path, List.of(), (lease, query, params) -> new Answer.Table(table(title, members.apply(lease.catalog()))));
    }

    /** Code, labels, and one column per detail the members have (typed by its first value). */
    static ResultTable table(String title, List<Member> members) {
        List<String> details = members.isEmpty() ? List.of() : new ArrayList<>(members.get(0).detail().keySet());
        List<Column> columns = new ArrayList<>(List.of(Column.dimension("code"), Column.text("label_sv"), Column.text("label_en")));
        for (String d : details) {
            Object sample = members.stream().map(m -> m.detail().get(d)).filter(v -> v != null).findFirst().orElse("");
            columns.add(new Column(d, sample instanceof Number ? Column.Type.INTEGER : Column.Type.STRING, Column.Role.ATTRIBUTE));
        }
        ResultTable.Builder table = ResultTable.builder(title, columns.toArray(Column[]::new));
        for (Member m : members) {
            List<Object> row = new ArrayList<>(List.of(m.code(), m.labelSv(), m.labelEn()));
            details.forEach(d -> row.add(m.detail().get(d)));
            table.row(row.toArray());
        }
        return table.build();
    }
}
