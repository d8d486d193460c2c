package se.lagesbild.warehouse.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.stats.Estimate;

/** How a baseline cell's two sides are told apart. */
class RevisionStatusTest {
    private static final Cell CELL = new Cell("2026", "region", "01", "ALL", 3, "ALL");

    private static ReleasedValue value(double numerator, double denominator, double lower) {
        return new ReleasedValue(CELL, numerator, denominator, new Estimate(numerator / denominator, lower, 0.9, "wilson"), null, "similar", false,
                null);
    }

    private static ReleasedValue hidden() {
        Estimate nothing = Estimate.notAvailable("wilson");
        return new ReleasedValue(CELL, Double.NaN, Double.NaN, nothing, nothing, null, true, "fewer than 5 patients");
    }

    @Test
    void eachSideIsComparedWhole() {
        assertEquals("unchanged", Revisions.status(value(3, 6, 0.2), value(3, 6, 0.2)));
        assertEquals("revised", Revisions.status(value(3, 6, 0.2), value(4, 6, 0.2)), "another numerator");
        assertEquals("revised", Revisions.status(value(3, 6, 0.2), value(4, 8, 0.2)), "the same value on another denominator");
        assertEquals("revised", Revisions.status(value(3, 6, 0.2), value(3, 6, 0.21)), "another interval");
        assertEquals("new", Revisions.status(null, value(3, 6, 0.2)));
        assertEquals("withdrawn", Revisions.status(value(3, 6, 0.2), null));
        assertEquals("hidden", Revisions.status(hidden(), value(3, 6, 0.2)), "whether a hidden value changed is not told");
        assertEquals("hidden", Revisions.status(value(3, 6, 0.2), hidden()));
        assertEquals("hidden", Revisions.status(hidden(), hidden()));
    }

    @Test
    void theDifferenceIsShownOnlyWhenBothSidesAre() {
        assertEquals(1.0 / 6, new Revisions.Row(CELL, value(3, 6, 0.2), value(4, 6, 0.2), null, null, "revised").difference(), 1e-15);
        assertEquals(null, new Revisions.Row(CELL, value(3, 6, 0.2), hidden(), null, null, "hidden").difference());
        assertEquals(null, new Revisions.Row(CELL, null, value(3, 6, 0.2), null, null, "new").difference());
    }
}
