package se.lagesbild.warehouse.agreement;

import static se.lagesbild.warehouse.db.Tables.MART_SVF_LEAD_TIME_GAP;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Disclosure;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * Where SVF lead times are not met: per SVF × region (and Riket) × sex, the share starting
 * treatment within the maximum against the national 80 % target, the gap in percentage points and
 * in patients, and the share over the maximum by more than 50 % (view {@code mart_svf_lead_time_gap}).
 */
public final class LeadTimesNotMet {
    private LeadTimesNotMet() {
    }

    /**
     * One cell. {@code gapPatients} = ⌈target·n − within⌉, the patients who would have had to start
     * within the maximum for the cell to reach the target; 0 when it is met.
     */
    public record Gap(String periodCode, String geoCode, String geoName, String svfCode, int sexCode, long patients, double withinShare,
            double target, double gapPp, long gapPatients, double exceedingShare) {
        public boolean missed() {
            return gapPatients > 0;
        }
    }

    /**
     * Every cell of {@code period} at region and Riket level, SVFs by the patients they miss the
     * target by (most first). Disclosure control: a cell the lead-time indicator would hide
     * ({@link Disclosure#apply}: fewer than {@code LEAD_TIME_PATIENTS} patients, or recoverable by
     * subtraction) is left out entirely, with the number left out in {@link Result#hiddenCells()}.
     */
    public static Result of(Warehouse warehouse, String period) {
        int minimum = Disclosure.thresholds(warehouse).get(Disclosure.PRIMARY);
        Set<Cell> released = releasedCells(warehouse, period);
        var g = MART_SVF_LEAD_TIME_GAP;
        var all = warehouse.dsl().selectFrom(g).where(g.PERIOD_CODE.eq(period)).fetch();
        List<Gap> gaps = all.stream()
                .filter(r -> released.contains(new Cell(r.getPeriodCode(), r.getGeoLevel(), r.getGeoCode(), r.getSvfCode(), r.getSexCode(), "ALL")))
                .map(r -> new Gap(r.getPeriodCode(), r.getGeoCode(), r.getGeoNameSv(), r.getSvfCode(), r.getSexCode(),
                        Math.round(r.getPatients().doubleValue()), r.getWithinShare(), r.getTarget(), r.getGapPp(), r.getGapPatients(),
                        r.getExceedingShare()))
                .sorted(Comparator.comparingLong(Gap::gapPatients).reversed().thenComparing(Gap::geoCode)
                        .thenComparing(Gap::svfCode).thenComparingInt(Gap::sexCode))
                .toList();
        return new Result(period, gaps, all.size() - gaps.size(), minimum);
    }

    /**
     * The cells of the lead-time indicator that disclosure control releases in {@code period}, with
     * its complementary suppression (sexes adding up to both, regions to Riket), so the gaps hide
     * exactly what the indicator hides.
     */
    private static Set<Cell> releasedCells(Warehouse warehouse, String period) {
        return Released.values(warehouse, "svf_within_lead_time", CellFilter.all().periods(period).ageGroups("ALL"), Confidence.NINETY_FIVE)
                .stream().filter(v -> !v.suppressed()).map(ReleasedValue::cell).collect(Collectors.toSet());
    }

    /** The released cells and how many were held back by disclosure control. */
    public record Result(String period, List<Gap> gaps, int hiddenCells, int minimumPatients) {
        /** Riket, both sexes, one row per SVF (not ALL): the SVFs where most patients wait too long first. */
        public List<Gap> nationalBySvf() {
            return gaps.stream().filter(x -> x.geoCode().equals("00") && x.sexCode() == 3 && !x.svfCode().equals("ALL")).toList();
        }

        /** Every region × SVF × sex cell that misses the target. */
        public List<Gap> regionalMisses() {
            return gaps.stream().filter(x -> !x.geoCode().equals("00") && !x.svfCode().equals("ALL") && x.missed()).toList();
        }
    }
}
