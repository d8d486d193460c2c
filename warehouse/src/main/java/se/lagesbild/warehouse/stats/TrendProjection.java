package se.lagesbild.warehouse.stats;

/**
 * An indicator's observed trend carried to a target year: a straight line fitted by weighted least
 * squares to the yearly values, each weighted by the inverse of its variance, and its value in the
 * target year with an interval.
 *
 * <p>Shares are fitted on the logit scale (a line there stays within 0–1, and a share's change slows
 * near its bounds); other values (rates, days, survival) on their own scale. With yearly values
 * yᵢ at years tᵢ, weights wᵢ = 1/varᵢ (on the fitted scale; for a share, by the delta method
 * var(logit p) = se² / (p(1 − p))²), centred years uᵢ = tᵢ − t̄ (t̄ = Σwᵢtᵢ/Σwᵢ):
 * slope b = Σwᵢuᵢyᵢ / Σwᵢuᵢ², intercept a = Σwᵢyᵢ/Σwᵢ (at t̄), projection ŷ = a + b(T − t̄) at the
 * target year T, with var(ŷ) = φ·(1/Σwᵢ + (T − t̄)²/Σwᵢuᵢ²). φ = max(1, Σwᵢrᵢ²/(n − 2)) widens
 * the interval when the years scatter around the line more than their own sampling variances
 * allow (residuals rᵢ = yᵢ − a − buᵢ; the quasi-likelihood dispersion of weighted regression, as
 * in McCullagh and Nelder, Generalized Linear Models, 2nd ed., 1989, §9.2, and Draper and Smith,
 * Applied Regression Analysis, 3rd ed., 1998, ch. 9). The interval ŷ ± z·√var(ŷ) is for the trend
 * line's value in the target year (what the target is about), not for one year's noisy estimate;
 * on the logit scale it is transformed back, so it stays within 0–1.
 *
 * <p>Edge cases: fewer than three years give no projection (two points always fit a line, with no
 * way to know how well); a year without a finite value or a positive variance is left out; a share
 * of exactly 0 or 1 is moved in by half a unit of its base before the logit (0.5/n), as the
 * empirical logit does (Cox and Snell, Analysis of Binary Data, 2nd ed., 1989, §3.2); all years the
 * same (no spread) give no projection.
 */
public final class TrendProjection {
    private TrendProjection() {
    }

    /**
     * The projection: the value expected in the target year and its interval, on the indicator's
     * scale, the slope per year on the fitted scale, how many years it rests on, and the dispersion φ.
     */
    public record Projection(double value, double lower, double upper, double slopePerYear, int years, double dispersion, String scale) {
        public static Projection none(int years, String scale) {
            return new Projection(Double.NaN, Double.NaN, Double.NaN, Double.NaN, years, Double.NaN, scale);
        }

        public boolean available() {
            return !Double.isNaN(value);
        }
    }

    /**
     * Projects yearly values to {@code targetYear}.
     *
     * @param years          the calendar years observed
     * @param values         the value of each year (a share as 0–1 when {@code share})
     * @param standardErrors the standard error of each year's value, on the value's own scale
     * @param bases          each year's denominator (a share's base, for the 0/1 correction); may be null otherwise
     * @param share          fit on the logit scale
     * @param confidence     the interval's level
     */
    public static Projection project(int[] years, double[] values, double[] standardErrors, double[] bases, boolean share, int targetYear,
                                     Confidence confidence) {
        String scale = share ? "logit" : "identity";
        int n = 0;
        double[] t = new double[years.length];
        double[] y = new double[years.length];
        double[] w = new double[years.length];
        for (int i = 0; i < years.length; i++) {
            double value = values[i];
            double se = standardErrors[i];
            if (!Double.isFinite(value) || !(se > 0) || !Double.isFinite(se)) {
                continue;
            }
            double variance;
            if (share) {
                double base = bases == null || !(bases[i] > 0) ? Double.NaN : bases[i];
                if (value <= 0 || value >= 1) {
                    if (Double.isNaN(base)) {
                        continue;
                    }
                    value = value <= 0 ? 0.5 / base : 1 - 0.5 / base;
                }
                double d = value * (1 - value);
                variance = se * se / (d * d);
                value = Math.log(value / (1 - value));
            } else {
                variance = se * se;
            }
            t[n] = years[i];
            y[n] = value;
            w[n] = 1 / variance;
            n++;
        }
        if (n < 3) {
            return Projection.none(n, scale);
        }
        double sw = 0;
        double swt = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            swt += w[i] * t[i];
            swy += w[i] * y[i];
        }
        double centre = swt / sw;
        double intercept = swy / sw;
        double swuu = 0;
        double swuy = 0;
        for (int i = 0; i < n; i++) {
            double u = t[i] - centre;
            swuu += w[i] * u * u;
            swuy += w[i] * u * (y[i] - intercept);
        }
        if (!(swuu > 0)) {
            return Projection.none(n, scale);
        }
        double slope = swuy / swuu;
        double chiSquare = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * (t[i] - centre);
            chiSquare += w[i] * r * r;
        }
        double dispersion = Math.max(1, chiSquare / (n - 2));
        double at = targetYear - centre;
        double fitted = intercept + slope * at;
        double half = confidence.z() * Math.sqrt(dispersion * (1 / sw + at * at / swuu));
        if (share) {
            return new Projection(expit(fitted), expit(fitted - half), expit(fitted + half), slope, n, dispersion, scale);
        }
        return new Projection(fitted, fitted - half, fitted + half, slope, n, dispersion, scale);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
