package se.lagesbild.warehouse.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Largest-remainder apportioning, worked by hand. */
class ApportionmentTest {
    @Test
    void theKronorLeftOverGoToTheLargestRemainders() {
        // 100 kronor among populations 10, 20 and 30: exact 16.67, 33.33, 50 → floors 16, 33, 50 = 99;
        // simple rounding gives 17 + 33 + 50 = 100 here, but not in the next case
        assertEquals(Map.of("A", 17L, "B", 33L, "C", 50L), Apportionment.largestRemainder(100, weights(10, 20, 30)));
        // 100 kronor in three equal parts: 33.33 each; rounding gives 33 + 33 + 33 = 99, one krona lost;
        // largest remainder: floors 99, the last krona to the first of the tied remainders
        Map<String, Long> thirds = Apportionment.largestRemainder(100, weights(1, 1, 1));
        assertEquals(Map.of("A", 34L, "B", 33L, "C", 33L), thirds);
        // 182 500 000 kronor among 383 044, 297 169, 465 214 (Uppsala, Sörmland, Östergötland 2019):
        // total 1 145 427; exact 61 030 104.93…, 47 347 707.45…, 74 122 187.62… → floors sum 182 499 998;
        // +1 to the two largest remainders .93 and .62 → 61 030 105, 47 347 707, 74 122 188
        Map<String, Long> money = Apportionment.largestRemainder(182_500_000, weights(383_044, 297_169, 465_214));
        assertEquals(182_500_000L, money.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(61_030_105L, money.get("A"));
        assertEquals(47_347_707L, money.get("B"));
        assertEquals(74_122_188L, money.get("C"));
        // rounding would overshoot: 10 kronor among 6 equal parts (1.67 each) rounds to 2 × 6 = 12
        Map<String, Long> sixths = Apportionment.largestRemainder(10, weights(1, 1, 1, 1, 1, 1));
        assertEquals(10L, sixths.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(Map.of("A", 2L, "B", 2L, "C", 2L, "D", 2L, "E", 1L, "F", 1L), sixths);
        assertThrows(IllegalArgumentException.class, () -> Apportionment.largestRemainder(10, weights(0, 0)));
    }

    private static Map<String, Double> weights(double... values) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            weights.put(String.valueOf((char) ('A' + i)), values[i]);
        }
        return weights;
    }
}
