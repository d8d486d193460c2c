package se.lagesbild.warehouse.disclosure;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * An indicator value as it may leave the warehouse (API, exports, reports), with its interval and the
 * 99.8 % limits beside it. When {@code suppressed}, numerator, denominator and both estimates are NaN and {@code reason} says why; nothing that was hidden
 * is carried.
 */
public record ReleasedValue(Cell cell, double numerator, double denominator, Estimate estimate, Estimate limits998, String comparison, boolean suppressed,
                            String reason) implements java.io.Serializable {
    /** A value hidden for confidentiality: no numbers, no interval (its method kept), {@link Disclosure#CONFIDENTIAL} as the reason. */
    public static ReleasedValue hidden(Cell cell, String method) {
        Estimate nothing = Estimate.notAvailable(method);
        return new ReleasedValue(cell, Double.NaN, Double.NaN, nothing, nothing, "suppressed", true, Disclosure.CONFIDENTIAL);
    }
}
