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
}
