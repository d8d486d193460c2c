package se.lagesbild.warehouse.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splitting a sum of whole kronor by weights so that the parts add up exactly to the sum.
 */
public final class Apportionment {
    private Apportionment() {
    }

    /**
     * The largest-remainder (Hamilton) method, as official payment tables apportion: every part
     * gets the floor of its exact share total·wᵢ/Σw; the kronor left over go one at a time to the
     * largest fractional parts (ties by key). The parts always sum to {@code total}. Computed in
     * exact rational arithmetic (BigDecimal: the weights, populations or weighted populations, are
     * taken at their exact decimal value), so a remainder is never misjudged by rounding. Weights
     * must not be negative and must not all be 0; parts come back in the weights' order.
     */
    public static Map<String, Long> largestRemainder(long total, Map<String, Double> weights) {
        if (weights.values().stream().anyMatch(w -> !(w >= 0)) || weights.values().stream().noneMatch(w -> w > 0)) {
            throw new IllegalArgumentException("weights must be 0 or more and not all 0: " + weights);
        }
        java.math.BigDecimal sum = weights.values().stream().map(java.math.BigDecimal::valueOf).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add);
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(total);
        Map<String, Long> parts = new LinkedHashMap<>();
        Map<String, java.math.BigDecimal> remainders = new LinkedHashMap<>();
        long given = 0;
        for (var w : weights.entrySet()) {
            // total·w = q·Σw + r with 0 ≤ r < Σw: q is the floor of the exact share, r/Σw its fraction
            java.math.BigDecimal[] qr = amount.multiply(java.math.BigDecimal.valueOf(w.getValue())).divideAndRemainder(sum);
            long floor = qr[0].longValueExact();
            parts.put(w.getKey(), floor);
            remainders.put(w.getKey(), qr[1]);
            given += floor;
        }
        List<String> order = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, java.math.BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; given < total; i++, given++) {
            parts.merge(order.get(i % order.size()), 1L, Long::sum);
        }
        return parts;
    }
}
