package se.lagesbild.warehouse.indicators;

import se.lagesbild.warehouse.stats.Estimate;

/**
 * One indicator value: the cell, its numerator and denominator, the estimate with its interval,
 * and how it compares with the benchmark (Riket).
 *
 * @param comparison better, similar, worse (significant difference against the benchmark, in the
 *                   indicator's direction), higher / lower (for indicators without a direction),
 *                   "benchmark" for the benchmark itself, or "not compared"
 */
public record IndicatorValue(Cell cell, double numerator, double denominator, Estimate estimate, String comparison) {
}
