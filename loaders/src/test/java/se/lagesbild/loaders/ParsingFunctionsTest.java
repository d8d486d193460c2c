package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared parsing macros of sql/loaders/_functions.sql, value by value (NULL shown as "null"). */
class ParsingFunctionsTest {
    private static String eval(String expression) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String function : LoaderSql.functions()) {
                if (!function.contains("SELECT")) { // the lb_is_* macros read the warehouse's dimensions
                    s.execute(function);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT CAST(" + expression + " AS VARCHAR)")) {
                rs.next();
                return String.valueOf(rs.getString(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void plainTextColumnsAreRecognisedInTheTypingSql() {
        SourceFormat pathways = Sources.byName("svf-pathways");
        LoaderSql sql = LoaderSql.load(pathways.sqlResource());
        java.util.List<String> plain = pathways.columns().stream().filter(sql::plainText).map(SourceFormat.Column::name).toList();
        assertEquals(java.util.List.of("pathway_id", "patient_pseudonym", "svf_code", "icd10_code", "close_reason_code",
                "first_treatment_type_code", "reporting_unit"), plain, "lb_text, alone or in upper/lower; not regions, sexes, ages or dates");
        LoaderSql other = new LoaderSql("SELECT *,\n  coalesce(lb_text(raw_svf_code), 'X') AS svf_code,\n  lb_text(raw_pathway_id) AS pathway_id\n"
                + "FROM staging", java.util.Map.of(), "");
        assertEquals(java.util.List.of("pathway_id"), pathways.columns().stream().filter(other::plainText).map(SourceFormat.Column::name)
                .toList(), "text inside another function is not plain");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "lb_text('P1')|P1", "lb_text('  P1 ')|P1", "lb_text('P 1')|P 1", "lb_text(' ')|null", "lb_text('')|null", "lb_text(NULL)|null",
        "lb_text(' a b ')|a b",
        "lb_sex('1')|1", "lb_sex(' Kvinnor ')|2", "lb_sex('män')|1", "lb_sex('Båda könen')|3", "lb_sex('x')|null",
        "lb_bool(' Ja')|true", "lb_bool('nej')|false", "lb_bool('0')|false", "lb_bool('kanske')|null",
        "lb_region('1')|01", "lb_region('01 Stockholms län')|01", "lb_region('0')|00", "lb_region('x1')|null",
        "lb_int('1 234')|1234", "lb_int('12a')|null",
        "lb_date('2026-03-01')|2026-03-01", "lb_date(' 2026-03-01 ')|2026-03-01", "lb_date('2026-3-1')|null"})
    void parses(String expression, String expected) throws Exception {
        assertEquals(expected, eval(expression));
    }
}
