package se.lagesbild.warehouse.indicators;

import se.lagesbild.warehouse.stats.Estimate;

/**
 * One indicator value: the cell, its numerator and denominator, the estimate with its interval,
 * the 99.8 % limits beside it (OHID Fingertips shows both), and how it compares with the benchmark
 * (Riket).
 *
 * @param limits998  the same estimate with 99.8 % limits
 * @param comparison better, similar, worse (significant difference against the benchmark, in the
 *                   indicator's direction), higher / lower (for indicators without a direction),
 *                   "benchmark" for the benchmark itself, or "not compared"
 */
public record IndicatorValue(Cell cell, double numerator, double denominator, Estimate estimate, Estimate limits998, String comparison) {
}
