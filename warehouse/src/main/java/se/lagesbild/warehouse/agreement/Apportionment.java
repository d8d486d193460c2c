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
     * largest fractional parts (ties by key). The parts always sum to {@code total}. Weights must
     * not be negative and must not all be 0; parts come back in the weights' order.
     */
    public static Map<String, Long> largestRemainder(long total, Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0) || weights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("weights must be 0 or more and not all 0: " + weights);
        }
        Map<String, Long> parts = new LinkedHashMap<>();
        Map<String, Double> remainders = new LinkedHashMap<>();
        long given = 0;
        for (var w : weights.entrySet()) {
            double exact = total * w.getValue() / sum;
            long floor = (long) Math.floor(exact);
            parts.put(w.getKey(), floor);
            remainders.put(w.getKey(), exact - floor);
            given += floor;
        }
        List<String> order = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; given < total; i++, given++) {
            parts.merge(order.get(i % order.size()), 1L, Long::sum);
        }
        return parts;
    }
}
