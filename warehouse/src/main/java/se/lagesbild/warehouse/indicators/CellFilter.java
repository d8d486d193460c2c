package se.lagesbild.warehouse.indicators;

import java.util.List;

/**
 * Which cells to fetch; an empty list means all values of that dimension.
 *
 * @param geoLevel region, healthcare_region, country, or null for all levels
 */
public record CellFilter(List<String> periods, String geoLevel, List<String> geoCodes, List<String> diagnoses, List<Integer> sexes,
                         List<String> ageGroups) {
    public static CellFilter all() {
        return new CellFilter(List.of(), null, List.of(), List.of(), List.of(), List.of());
    }

    public CellFilter periods(String... codes) {
        return new CellFilter(List.of(codes), geoLevel, geoCodes, diagnoses, sexes, ageGroups);
    }

    public CellFilter level(String level) {
        return new CellFilter(periods, level, geoCodes, diagnoses, sexes, ageGroups);
    }

    public CellFilter geo(String... codes) {
        return new CellFilter(periods, geoLevel, List.of(codes), diagnoses, sexes, ageGroups);
    }

    public CellFilter diagnoses(String... codes) {
        return new CellFilter(periods, geoLevel, geoCodes, List.of(codes), sexes, ageGroups);
    }

    public CellFilter sexes(Integer... codes) {
        return new CellFilter(periods, geoLevel, geoCodes, diagnoses, List.of(codes), ageGroups);
    }

    public CellFilter ageGroups(String... codes) {
        return new CellFilter(periods, geoLevel, geoCodes, diagnoses, sexes, List.of(codes));
    }

    /** Whether {@code cell} is one of the cells this filter takes. */
    public boolean matches(Cell cell) {
        return (periods.isEmpty() || periods.contains(cell.periodCode())) && (geoLevel == null || geoLevel.equals(cell.geoLevel()))
                && (geoCodes.isEmpty() || geoCodes.contains(cell.geoCode())) && (diagnoses.isEmpty() || diagnoses.contains(cell.diagnosisCode()))
                && (sexes.isEmpty() || sexes.contains(cell.sexCode())) && (ageGroups.isEmpty() || ageGroups.contains(cell.ageGroupCode()));
    }
}
