package se.lagesbild.warehouse.indicators;

import se.lagesbild.warehouse.WarehouseException;

/** Which indicator methods the comparisons can test today. */
public final class ComparableMethods {
    private ComparableMethods() {
    }

    /** Whether the comparisons can test this indicator's method: proportions, rates and standardised rates. */
    public static boolean comparable(Indicator indicator) {
        return switch (indicator.method()) {
            case "proportion", "rate", "dsr" -> true;
            default -> false;
        };
    }

    /** Proportions, rates and standardised rates; percentiles are refused with a clear message. */
    static void require(Indicator indicator, String what) {
        if (!comparable(indicator)) {
            throw new WarehouseException("The " + what + " test proportions, rates and standardised rates; " + indicator.code() + " is a "
                    + indicator.method() + ", which they do not compare yet.");
        }
    }
}
