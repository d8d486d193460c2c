package se.lagesbild.warehouse.agreement;

import static se.lagesbild.warehouse.db.Tables.MART_SPECIAL_INVESTMENT;
import static se.lagesbild.warehouse.db.Tables.REF_SPECIAL_INVESTMENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;

/**
 * The special investments of one year (view {@code mart_special_investment}): per RCC and area the
 * money allocated and passed on, the criteria, the granted projects; per area a national summary;
 * and a check of each area's split between the six RCCs against their population shares.
 */
public final class SpecialInvestments {
    /**
     * An RCC's reported share of an area may differ from its population share by this much (in
     * percentage points) before it is listed as a deviation: the agreement's split is by population,
     * but which population figure the RCCs used is not stated, so small differences are expected.
     */
    public static final double SHARE_TOLERANCE_PP = 0.5;

    private SpecialInvestments() {
    }

    /** One RCC × area. {@code populationShare} is NaN when the population for the reference year is not loaded. */
    public record Fund(String areaCode, String rccCode, String rccName, long allocated, long passedOn, double passedOnShare,
            String criteria, long projects, long projectsAmount, String projectList, double populationShare, double reportedShare) {
        /** Reported minus population share, in percentage points (NaN when not checkable). */
        public double shareDeviationPp() {
            return 100 * (reportedShare - populationShare);
        }
    }

    /** One area nationally; {@code agreedAmount} is null where the sources give no amount per area. */
    public record Area(String areaCode, Long agreedAmount, long allocated, long passedOn, double passedOnShare, long projects) {
    }

    /** The year's funds, the national summary per area, and every deviation found, in words. */
    public record Result(int year, List<Fund> funds, List<Area> areas, List<String> deviations) {
    }

    public static Result of(Warehouse warehouse, int year) {
        var m = MART_SPECIAL_INVESTMENT;
        List<Fund> funds = warehouse.dsl().selectFrom(m).where(m.YEAR.eq(year)).orderBy(m.AREA_CODE, m.SORT_ORDER)
                .fetch(r -> new Fund(r.getAreaCode(), r.getHealthcareRegionCode(), r.getRccNameSv(), r.getAllocatedSek(), r.getPassedOnSek(),
                        nan(r.getPassedOnShare()), r.getAllocationCriteriaSv() == null ? "" : r.getAllocationCriteriaSv(), r.getProjects(),
                        r.getProjectsSek(), r.getProjectList(), nan(r.getPopulationShare()), nan(r.getReportedShare())));
        // every area of the year's agreement, reported or not, and any area the RCCs reported besides
        Map<String, Long> agreed = new LinkedHashMap<>();
        var ref = REF_SPECIAL_INVESTMENT;
        warehouse.dsl().selectFrom(ref).where(ref.INVESTMENT_YEAR.eq(year)).orderBy(ref.AREA_CODE)
                .forEach(r -> agreed.put(r.getAreaCode(), r.getAmountSek()));
        funds.forEach(f -> agreed.putIfAbsent(f.areaCode(), null));
        List<Area> areas = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        for (String area : agreed.keySet()) {
            List<Fund> of = funds.stream().filter(f -> f.areaCode().equals(area)).toList();
            long allocated = of.stream().mapToLong(Fund::allocated).sum();
            long passedOn = of.stream().mapToLong(Fund::passedOn).sum();
            areas.add(new Area(area, agreed.get(area), allocated, passedOn, allocated == 0 ? Double.NaN : (double) passedOn / allocated,
                    of.stream().mapToLong(Fund::projects).sum()));
            if (of.isEmpty()) {
                deviations.add(area + ": none of the six RCCs reported");
                continue;
            }
            if (agreed.get(area) != null && agreed.get(area) != allocated) {
                deviations.add(String.format(java.util.Locale.ROOT, "%s: the RCCs report %s kr allocated, the agreement gives %s kr",
                        area, AgreementResult.grouped(allocated), AgreementResult.grouped(agreed.get(area))));
            }
            if (of.size() != 6) {
                deviations.add(area + ": " + of.size() + " of the six RCCs reported");
            }
            for (Fund f : of) {
                if (Double.isNaN(f.populationShare())) {
                    deviations.add(area + " " + f.rccCode() + ": split not checked, no population loaded for the reference year");
                } else if (Math.abs(f.shareDeviationPp()) > SHARE_TOLERANCE_PP) {
                    deviations.add(String.format(java.util.Locale.ROOT, "%s %s: %.1f %% of the area's money, population share %.1f %% (%+.1f pp)",
                            area, f.rccCode(), 100 * f.reportedShare(), 100 * f.populationShare(), f.shareDeviationPp()));
                }
                if (f.projectsAmount() > f.passedOn()) {
                    deviations.add(String.format(java.util.Locale.ROOT, "%s %s: projects total %s kr, more than the %s kr passed on",
                            area, f.rccCode(), AgreementResult.grouped(f.projectsAmount()), AgreementResult.grouped(f.passedOn())));
                }
            }
        }
        return new Result(year, funds, areas, deviations);
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }
}
