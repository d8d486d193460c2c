package se.lagesbild.loaders.followup;

import static se.lagesbild.warehouse.db.Tables.DIM_REGION;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.LOAD_QUARANTINE;
import static se.lagesbild.warehouse.db.Tables.MART_REPORTING_MONTH;
import static se.lagesbild.warehouse.db.Tables.MART_REPORTING_SVF;
import static se.lagesbild.warehouse.db.Tables.INT_AGREEMENT;
import static se.lagesbild.warehouse.db.Tables.STG_PREM;
import static se.lagesbild.warehouse.db.Tables.STG_REGION_REPORT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/**
 * Finds, per region, what is missing from its reporting for a year: months without pathway
 * records, SVFs without records, a late or missing yearly report, missing PREM, and quarantined
 * rows. Months count as due once they have ended ({@code today} decides).
 */
public final class CompletenessFeedback {
    private CompletenessFeedback() {
    }

    /** Feedback for every region (or only {@code regionCode} when not null), in region order. */
    /**
     * Feedback is about a year the regions have delivered for: a year not begun, or one no region
     * has delivered anything for (no pathway records, yearly report or PREM: the year is not loaded),
     * is refused, naming the years that have deliveries; letters saying nothing is missing would
     * mislead.
     */
    static void refuseYearWithoutDeliveries(DSLContext dsl, int year, LocalDate today) {
        if (LocalDate.of(year, 1, 1).isAfter(today)) {
            throw new WarehouseException("--year " + year + " has not begun (today is " + today + "): nothing is due yet.");
        }
        List<Integer> years = dsl.resultQuery("SELECT DISTINCT year FROM (SELECT year(suspicion_date) AS year FROM stg_svf_pathway"
                + " UNION SELECT report_year FROM stg_region_report UNION SELECT TRY_CAST(substr(period_code, 1, 4) AS INTEGER) FROM stg_prem)"
                + " WHERE year IS NOT NULL ORDER BY 1").fetch(0, Integer.class);
        if (!years.contains(year)) {
            throw new WarehouseException("No region has delivered anything for " + year + " (pathway records, a yearly report or PREM), so"
                    + " there is nothing to give feedback on. " + (years.isEmpty() ? "Nothing is loaded yet: load the regions' files first"
                    : "Years with deliveries: " + years) + ".");
        }
    }

    public static List<RegionFeedback> forYear(Warehouse warehouse, int year, String regionCode, LocalDate today) {
        DSLContext dsl = warehouse.dsl();
        var regions = dsl.selectFrom(DIM_REGION).where(DIM_REGION.REGION_LEVEL.eq("region"))
                .and(regionCode == null ? DSL.noCondition() : DIM_REGION.REGION_CODE.eq(regionCode))
                .orderBy(DIM_REGION.REGION_CODE).fetch();
        if (regions.isEmpty()) {
            throw new WarehouseException("--region " + regionCode + " is not a region code: use 01–25 (e.g. 01 Stockholm, 13 Halland).");
        }
        refuseYearWithoutDeliveries(dsl, year, today);
        LocalDate deadline = dsl.select(INT_AGREEMENT.REPORT_DEADLINE).from(INT_AGREEMENT)
                .where(INT_AGREEMENT.AGREEMENT_YEAR.eq(year)).fetchOne(INT_AGREEMENT.REPORT_DEADLINE);
        List<RegionFeedback> feedback = new ArrayList<>();
        for (var region : regions) {
            String code = region.getRegionCode();
            List<String> missingMonths = dsl.select(MART_REPORTING_MONTH.PERIOD_CODE).from(MART_REPORTING_MONTH)
                    .where(MART_REPORTING_MONTH.REGION_CODE.eq(code), MART_REPORTING_MONTH.YEAR.eq(year),
                            MART_REPORTING_MONTH.END_DATE.lt(today), MART_REPORTING_MONTH.RECORDS.eq(0L))
                    .orderBy(MART_REPORTING_MONTH.PERIOD_CODE).fetch(MART_REPORTING_MONTH.PERIOD_CODE);
            boolean anyMonthDue = LocalDate.of(year, 1, 31).isBefore(today);
            List<String> svfs = !anyMonthDue ? List.of() : dsl.select(MART_REPORTING_SVF.SVF_CODE, MART_REPORTING_SVF.SVF_NAME_SV)
                    .from(MART_REPORTING_SVF)
                    .where(MART_REPORTING_SVF.REGION_CODE.eq(code), MART_REPORTING_SVF.YEAR.eq(year), MART_REPORTING_SVF.RECORDS.eq(0L))
                    .orderBy(MART_REPORTING_SVF.SVF_CODE).fetch(r -> r.value1() + " " + r.value2());
            var report = dsl.selectFrom(STG_REGION_REPORT).where(STG_REGION_REPORT.REGION_CODE.eq(code),
                    STG_REGION_REPORT.REPORT_YEAR.eq(year)).orderBy(STG_REGION_REPORT.SUBMITTED_DATE).limit(1).fetchOne();
            long prem = dsl.fetchCount(dsl.select(STG_PREM.PERIOD_CODE).from(STG_PREM)
                    .where(STG_PREM.REGION_CODE.eq(code), STG_PREM.PERIOD_CODE.like(year + "%")));
            feedback.add(new RegionFeedback(code, region.getNameSv(), year, missingMonths, svfs,
                    report == null ? null : report.getSubmittedDate(), deadline, prem,
                    report == null ? null : report.getPremUsed(), quarantined(dsl, code, year)));
        }
        return feedback;
    }

    private static Map<String, Long> quarantined(DSLContext dsl, String regionCode, int year) {
        var count = DSL.count();
        return dsl.select(LOAD_QUARANTINE.RULE_CODE, count).from(LOAD_QUARANTINE)
                .join(LOAD_BATCH).on(LOAD_BATCH.BATCH_ID.eq(LOAD_QUARANTINE.BATCH_ID))
                .where(LOAD_QUARANTINE.REGION_CODE.eq(regionCode),
                        // a batch whose every row was quarantined has no period: it is shown rather than lost
                        LOAD_BATCH.PERIOD_FROM.isNull().or(LOAD_BATCH.PERIOD_FROM.le(LocalDate.of(year, 12, 31))
                                .and(LOAD_BATCH.PERIOD_TO.ge(LocalDate.of(year, 1, 1)))))
                .groupBy(LOAD_QUARANTINE.RULE_CODE).orderBy(count.desc(), LOAD_QUARANTINE.RULE_CODE)
                .fetchMap(LOAD_QUARANTINE.RULE_CODE, r -> r.get(count).longValue());
    }
}
