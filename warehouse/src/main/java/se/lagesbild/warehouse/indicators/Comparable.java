package se.lagesbild.warehouse.indicators;

import se.lagesbild.warehouse.WarehouseException;

/** Which indicator methods the comparisons can test today. */
final class Comparable {
    private Comparable() {
    }

    /** Proportions and rates; percentiles and standardised rates are refused with a clear message. */
    static void require(Indicator indicator, String what) {
        if (!indicator.method().equals("proportion") && !indicator.method().equals("rate")) {
            throw new WarehouseException("The " + what + " test proportions and rates; " + indicator.code() + " is a "
                    + indicator.method() + ", which they do not compare yet.");
        }
    }
}
