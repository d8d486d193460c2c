package se.lagesbild.warehouse.disclosure;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * An indicator value as it may leave the warehouse (API, exports, reports). When {@code suppressed},
 * numerator, denominator and estimate are NaN and {@code reason} says why; nothing that was hidden
 * is carried.
 */
public record ReleasedValue(Cell cell, double numerator, double denominator, Estimate estimate, String comparison, boolean suppressed,
                            String reason) {
}
