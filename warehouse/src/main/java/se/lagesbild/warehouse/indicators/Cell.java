package se.lagesbild.warehouse.indicators;

/**
 * One cell of the common grain: a period, a geography unit, a diagnosis (SVF, site group or ALL),
 * a sex (1 men, 2 women, 3 both) and an age group.
 *
 * @param geoLevel region, healthcare_region or country
 */
public record Cell(String periodCode, String geoLevel, String geoCode, String diagnosisCode, int sexCode, String ageGroupCode) implements java.io.Serializable {
    /** The order values are given in: period, level, geography, diagnosis, sex, age group. */
    public static final java.util.Comparator<Cell> ORDER = java.util.Comparator.comparing(Cell::periodCode)
            .thenComparing(Cell::geoLevel).thenComparing(Cell::geoCode).thenComparing(Cell::diagnosisCode)
            .thenComparingInt(Cell::sexCode).thenComparing(Cell::ageGroupCode);

    /** The same cell for another sex. */
    public Cell withSex(int sex) {
        return new Cell(periodCode, geoLevel, geoCode, diagnosisCode, sex, ageGroupCode);
    }

    /** The same cell for Riket. */
    public Cell national() {
        return new Cell(periodCode, "country", "00", diagnosisCode, sexCode, ageGroupCode);
    }

    /** The same cell for another geography. */
    public Cell withGeo(String level, String code) {
        return new Cell(periodCode, level, code, diagnosisCode, sexCode, ageGroupCode);
    }

    /** The same cell in another period. */
    public Cell inPeriod(String period) {
        return new Cell(period, geoLevel, geoCode, diagnosisCode, sexCode, ageGroupCode);
    }

    /** Writes the cell to a kept result. */
    public void writeTo(se.lagesbild.warehouse.kept.Packed.Out out) {
        out.text(periodCode).text(geoLevel).text(geoCode).text(diagnosisCode).integer(sexCode).text(ageGroupCode);
    }

    /** Reads a cell {@link #writeTo} wrote. */
    public static Cell readFrom(se.lagesbild.warehouse.kept.Packed.In in) {
        return new Cell(in.text(), in.text(), in.text(), in.text(), in.integer(), in.text());
    }
}
