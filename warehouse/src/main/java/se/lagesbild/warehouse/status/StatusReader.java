package se.lagesbild.warehouse.status;

import static se.lagesbild.warehouse.db.Tables.CATALOGUE_INDICATOR;
import static se.lagesbild.warehouse.db.Tables.DIM_DIAGNOSIS;
import static se.lagesbild.warehouse.db.Tables.DIM_HEALTHCARE_REGION;
import static se.lagesbild.warehouse.db.Tables.DIM_PERIOD;
import static se.lagesbild.warehouse.db.Tables.DIM_REGION;
import static se.lagesbild.warehouse.db.Tables.FACT_AGREEMENT_RULE;
import static se.lagesbild.warehouse.db.Tables.FACT_CARE_QUALITY;
import static se.lagesbild.warehouse.db.Tables.FACT_HPV_VACCINATION;
import static se.lagesbild.warehouse.db.Tables.FACT_QUALITY_OF_LIFE;
import static se.lagesbild.warehouse.db.Tables.FACT_SCREENING;
import static se.lagesbild.warehouse.db.Tables.FACT_DEATH;
import static se.lagesbild.warehouse.db.Tables.FACT_EXTERNAL_WAITING_TIME;
import static se.lagesbild.warehouse.db.Tables.FACT_LIFE_TABLE;
import static se.lagesbild.warehouse.db.Tables.FACT_TUMOUR;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_FUND;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_PROJECT;
import static se.lagesbild.warehouse.db.Tables.FACT_NEW_CASES;
import static se.lagesbild.warehouse.db.Tables.FACT_POPULATION;
import static se.lagesbild.warehouse.db.Tables.FACT_PREM;
import static se.lagesbild.warehouse.db.Tables.FACT_REGION_REPORT;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_AGGREGATE;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.MAP_REGION_HEALTHCARE_REGION;
import static se.lagesbild.warehouse.db.Tables.INT_AGREEMENT;
import static se.lagesbild.warehouse.db.Tables.REF_SVF_LEAD_TIME;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.schema.SchemaVersion;

/** Reads a {@link WarehouseStatus} from an open warehouse, through the generated jOOQ tables. */
public final class StatusReader {
    private StatusReader() {
    }

    public static WarehouseStatus read(Warehouse warehouse) {
        DSLContext dsl = warehouse.dsl();
        return new WarehouseStatus(warehouse.file(), SchemaVersion.applied(dsl), referenceCounts(dsl), batches(dsl),
                List.of(
                        coverage(dsl, FACT_SVF_PATHWAY, FACT_SVF_PATHWAY.SUSPICION_DATE),
                        coverage(dsl, FACT_SVF_AGGREGATE, FACT_SVF_AGGREGATE.PERIOD_CODE),
                        coverage(dsl, FACT_NEW_CASES, FACT_NEW_CASES.YEAR),
                        coverage(dsl, FACT_POPULATION, FACT_POPULATION.YEAR),
                        coverage(dsl, FACT_REGION_REPORT, FACT_REGION_REPORT.REPORT_YEAR),
                        coverage(dsl, FACT_PREM, FACT_PREM.PERIOD_CODE),
                        coverage(dsl, FACT_INVESTMENT_FUND, FACT_INVESTMENT_FUND.YEAR),
                        coverage(dsl, FACT_INVESTMENT_PROJECT, FACT_INVESTMENT_PROJECT.YEAR),
                        coverage(dsl, FACT_EXTERNAL_WAITING_TIME, FACT_EXTERNAL_WAITING_TIME.PERIOD_CODE),
                        coverage(dsl, FACT_AGREEMENT_RULE, FACT_AGREEMENT_RULE.AGREEMENT_YEAR),
                        coverage(dsl, FACT_TUMOUR, FACT_TUMOUR.DIAGNOSIS_DATE),
                        coverage(dsl, FACT_DEATH, FACT_DEATH.DEATH_DATE),
                        coverage(dsl, FACT_LIFE_TABLE, FACT_LIFE_TABLE.YEAR),
                        coverage(dsl, FACT_SCREENING, FACT_SCREENING.YEAR),
                        coverage(dsl, FACT_HPV_VACCINATION, FACT_HPV_VACCINATION.BIRTH_YEAR),
                        coverage(dsl, FACT_CARE_QUALITY, FACT_CARE_QUALITY.YEAR),
                        coverage(dsl, FACT_QUALITY_OF_LIFE, FACT_QUALITY_OF_LIFE.YEAR)));
    }

    static WarehouseStatus.ReferenceCounts referenceCounts(DSLContext dsl) {
        var periods = dsl.select(DSL.min(DIM_PERIOD.YEAR), DSL.max(DIM_PERIOD.YEAR), DSL.count()).from(DIM_PERIOD).fetchOne();
        return new WarehouseStatus.ReferenceCounts(
                dsl.fetchCount(DIM_REGION),
                dsl.fetchCount(DIM_HEALTHCARE_REGION),
                dsl.fetchCount(MAP_REGION_HEALTHCARE_REGION, MAP_REGION_HEALTHCARE_REGION.REGION_CODE.eq("13")),
                dsl.fetchCount(DIM_DIAGNOSIS, DIM_DIAGNOSIS.DIAGNOSIS_KIND.eq("svf")),
                dsl.fetchCount(DIM_DIAGNOSIS, DIM_DIAGNOSIS.DIAGNOSIS_KIND.eq("site_group")),
                periods.value1() == null ? 0 : periods.value1(),
                periods.value2() == null ? 0 : periods.value2(),
                periods.value3(),
                dsl.fetchCount(REF_SVF_LEAD_TIME),
                dsl.fetchCount(REF_SVF_LEAD_TIME, REF_SVF_LEAD_TIME.MAX_DAYS.isNotNull()),
                dsl.fetchCount(INT_AGREEMENT),
                dsl.fetchCount(CATALOGUE_INDICATOR));
    }

    /** Every load batch (vintage), oldest first. */
    public static List<WarehouseStatus.Batch> batches(Warehouse warehouse) {
        return batches(warehouse.dsl());
    }

    static List<WarehouseStatus.Batch> batches(DSLContext dsl) {
        return dsl.select(LOAD_BATCH.BATCH_ID, LOAD_BATCH.SOURCE, LOAD_BATCH.FILE_NAME, LOAD_BATCH.VINTAGE_LABEL,
                        LOAD_BATCH.ROWS_LOADED, LOAD_BATCH.ROWS_QUARANTINED, LOAD_BATCH.LOADED_AT, LOAD_BATCH.FILE_SHA256)
                .from(LOAD_BATCH)
                .orderBy(LOAD_BATCH.BATCH_ID)
                .fetch(r -> new WarehouseStatus.Batch(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    static <T> WarehouseStatus.FactCoverage coverage(DSLContext dsl, Table<?> table, Field<T> period) {
        Record3<Integer, T, T> r = dsl.select(DSL.count(), DSL.min(period), DSL.max(period)).from(table).fetchOne();
        return new WarehouseStatus.FactCoverage(table.getName(), r.value1(),
                r.value2() == null ? null : r.value2().toString(), r.value3() == null ? null : r.value3().toString());
    }

    /** The years the loaded batches cover (from the earliest period start to the latest period end). */
    public static List<Integer> years(Warehouse warehouse) {
        var r = warehouse.dsl().select(DSL.min(LOAD_BATCH.PERIOD_FROM), DSL.max(LOAD_BATCH.PERIOD_TO)).from(LOAD_BATCH).fetchOne();
        List<Integer> years = new ArrayList<>();
        if (r.value1() != null && r.value2() != null) {
            for (int y = r.value1().getYear(); y <= r.value2().getYear(); y++) {
                years.add(y);
            }
        }
        return years;
    }

}
