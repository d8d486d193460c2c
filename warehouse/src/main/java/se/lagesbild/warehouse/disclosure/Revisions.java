package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.ComparableMethods;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * A baseline "as published" and "with revised data", side by side. The published side is computed
 * as of the snapshot the baseline was published from; the revised side as the connection answers
 * now (the newest vintages, or the snapshot it is pinned to, as for a yearly report). Both sides are
 * released values ({@link Released}): each passed disclosure control on its own data, so a cell can
 * be shown on one side and hidden on the other.
 *
 * <p>Each cell of the baseline period gets a revision status:
 * <ul>
 * <li>{@code unchanged}: the same numerator, denominator, value and interval on both sides;</li>
 * <li>{@code revised}: released on both sides and different;</li>
 * <li>{@code new}: not in the published baseline (a late delivery, say);</li>
 * <li>{@code withdrawn}: in the published baseline, no longer in the data;</li>
 * <li>{@code hidden}: suppressed on either side; whether a hidden value changed is not told.</li>
 * </ul>
 * For the methods the baseline comparisons test ({@link ComparableMethods}), each cell also carries
 * its comparison with the follow-up period both ways; the published one is missing when the
 * follow-up period had no data yet when the snapshot was taken.
 */
public final class Revisions {
    /** The statuses above, in the order a reader should look at them. */
    public static final List<String> STATUSES = List.of("revised", "new", "withdrawn", "hidden", "unchanged");

    private Revisions() {
    }

    /** One baseline cell on both sides; a side is null where the cell is not in its data. */
    public record Row(Cell cell, ReleasedValue published, ReleasedValue revised, Released.ReleasedChange publishedChange,
                      Released.ReleasedChange revisedChange, String status) {
        /** Revised − published value, or null when either is missing or hidden. */
        public Double difference() {
            return published == null || revised == null || published.suppressed() || revised.suppressed() ? null
                    : revised.estimate().value() - published.estimate().value();
        }
    }

    /** The rows, and the snapshot the published side was computed as of. */
    public record Result(String indicatorCode, String baseline, String followUp, SnapshotRecord published, List<Row> rows) {
        /** How many cells have {@code status}. */
        public long count(String status) {
            return rows.stream().filter(r -> r.status().equals(status)).count();
        }
    }

    private record Side(Map<Cell, ReleasedValue> values, Map<Cell, Released.ReleasedChange> changes) {
    }

    /**
     * The baseline {@code baseline} of {@code code} in the cells of {@code filter} as published from
     * snapshot {@code publishedSnapshot} and with revised data, each compared with {@code followUp}.
     *
     * @throws se.lagesbild.warehouse.WarehouseException when there is no such snapshot or indicator
     */
    public static Result of(Warehouse warehouse, String code, String baseline, String followUp, CellFilter filter, String publishedSnapshot,
                            Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        boolean comparable = ComparableMethods.comparable(indicator);
        Supplier<Side> side = () -> new Side(
                Released.values(warehouse, code, filter.periods(baseline), confidence).stream()
                        .collect(Collectors.toMap(ReleasedValue::cell, Function.identity())),
                !comparable ? Map.of() : Released.baseline(warehouse, code, baseline, followUp, filter, confidence).stream()
                        .collect(Collectors.toMap(c -> c.cell().inPeriod(baseline), Function.identity())));
        SnapshotRecord snapshot = Snapshots.named(warehouse, publishedSnapshot);
        Side published = Snapshots.during(warehouse, publishedSnapshot, side);
        Side revised = side.get();
        TreeSet<Cell> cells = new TreeSet<>(Cell.ORDER);
        cells.addAll(published.values().keySet());
        cells.addAll(revised.values().keySet());
        List<Row> rows = new ArrayList<>();
        for (Cell cell : cells) {
            ReleasedValue p = published.values().get(cell);
            ReleasedValue r = revised.values().get(cell);
            rows.add(new Row(cell, p, r, published.changes().get(cell), revised.changes().get(cell), status(p, r)));
        }
        return new Result(code, baseline, followUp, snapshot, rows);
    }

    static String status(ReleasedValue published, ReleasedValue revised) {
        if (published == null) {
            return "new";
        }
        if (revised == null) {
            return "withdrawn";
        }
        if (published.suppressed() || revised.suppressed()) {
            return "hidden";
        }
        return same(published.numerator(), revised.numerator()) && same(published.denominator(), revised.denominator())
                && same(published.estimate(), revised.estimate()) ? "unchanged" : "revised";
    }

    private static boolean same(Estimate a, Estimate b) {
        return same(a.value(), b.value()) && same(a.lower(), b.lower()) && same(a.upper(), b.upper());
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }
}
