package se.lagesbild.loaders.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a large, valid svf-pathways file with DuckDB's COPY, for the load benchmark and the
 * kill-during-load test. Not the synthetic national data: just many well-formed rows.
 */
public final class SyntheticPathways {
    private SyntheticPathways() {
    }

    /** Writes {@code rows} pathways to {@code file}, CSV or Parquet by its extension. */
    public static Path write(Path file, long rows) throws SQLException {
        boolean parquet = file.toString().endsWith(".parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT 'P' || i AS pathway_id, 'X' || (i * 7919 % 1000003) AS patient_pseudonym,"
                    + " ['01','03','04','05','06','07','08','09','10','12','13','14','17','18','19','20','21','22','23','24','25'][(i % 21) + 1]"
                    + "   AS reporting_region_code,"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE '1380' END AS patient_municipality_code,"
                    + " CASE WHEN i % 2 = 0 THEN 'BREAST' ELSE 'CRC' END AS svf_code, NULL AS icd10_code,"
                    + " 2 AS sex_code, 20 + (i % 70) AS age_years,"
                    + " DATE '2025-01-01' + (i % 300)::INTEGER AS suspicion_date,"
                    + " DATE '2025-01-01' + (i % 300)::INTEGER + (i % 60)::INTEGER AS closed_date,"
                    + " 'treatment' AS close_reason_code, 'SURG' AS first_treatment_type_code, 'Unit ' || (i % 50) AS reporting_unit"
                    + " FROM range(" + rows + ") t(i)) TO '" + file.toString().replace("'", "''") + "'"
                    + (parquet ? " (FORMAT parquet)" : " (HEADER, DELIMITER ',')"));
            }
        }
        return file;
    }
}
