package se.lagesbild.loaders.followup;

import static se.lagesbild.warehouse.db.Tables.MART_WAITING_TIME_RECONCILIATION;

import java.util.ArrayList;
import java.util.List;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.db.tables.records.MartWaitingTimeReconciliationRecord;

/**
 * Compares SKR/RCC's waiting-time extract with the same counts computed from our pathway records
 * (view mart_waiting_time_reconciliation), cell by cell.
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /**
     * One count in one cell where SKR's and ours differ by more than the tolerance.
     *
     * @param measure started, closed_by_treatment or within_lead_time
     */
    public record Difference(String regionCode, String svfCode, String periodCode, int sexCode, String measure, long skr, long ours) {
        public long difference() {
            return skr - ours;
        }
    }

    /**
     * @param cellsCompared SKR cells in the year
     * @param differences   every count that differs by more than the tolerance, in cell order
     */
    public record Result(int year, long tolerance, int cellsCompared, List<Difference> differences) {
    }

    /** Compares every SKR cell of {@code year}; a count differs when |SKR − ours| > tolerance. */
    public static Result compare(Warehouse warehouse, int year, long tolerance) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("--tolerance must be 0 or more, not " + tolerance);
        }
        var m = MART_WAITING_TIME_RECONCILIATION;
        List<MartWaitingTimeReconciliationRecord> cells = warehouse.dsl().selectFrom(m).where(m.YEAR.eq(year))
                .orderBy(m.REGION_CODE, m.SVF_CODE, m.PERIOD_CODE, m.SEX_CODE).fetch();
        List<Difference> differences = new ArrayList<>();
        for (var cell : cells) {
            check(differences, cell, "started", cell.getSkrStarted(), cell.getOurStarted(), tolerance);
            check(differences, cell, "closed_by_treatment", cell.getSkrClosedByTreatment(), cell.getOurClosedByTreatment(), tolerance);
            check(differences, cell, "within_lead_time", cell.getSkrWithinLeadTime(), cell.getOurWithinLeadTime(), tolerance);
        }
        return new Result(year, tolerance, cells.size(), differences);
    }

    private static void check(List<Difference> into, MartWaitingTimeReconciliationRecord cell, String measure, Long skr, Long ours,
                              long tolerance) {
        long s = skr == null ? 0 : skr;
        long o = ours == null ? 0 : ours;
        if (Math.abs(s - o) > tolerance) {
            into.add(new Difference(cell.getRegionCode(), cell.getSvfCode(), cell.getPeriodCode(), cell.getSexCode(), measure, s, o));
        }
    }
}
