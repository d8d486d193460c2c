package se.lagesbild.warehouse.indicators;

import se.lagesbild.warehouse.WarehouseException;

/** Which indicator methods the comparisons can test today. */
public final class ComparableMethods {
    private ComparableMethods() {
    }

    /** Whether the comparisons can test this indicator's method: proportions, rates, standardised rates, percentiles, means, survival. */
    public static boolean comparable(Indicator indicator) {
        return switch (indicator.method()) {
            case "proportion", "rate", "dsr", "percentile", "mean", "net_survival", "observed_survival" -> true;
            default -> false;
        };
    }

    /** The methods above; any other is refused with a clear message. */
    static void require(Indicator indicator, String what) {
        if (!comparable(indicator)) {
            throw new WarehouseException("The " + what + " test proportions, rates, standardised rates, percentiles, means and survival; " + indicator.code() + " is a "
                    + indicator.method() + ", which they do not compare yet.");
        }
    }
}
