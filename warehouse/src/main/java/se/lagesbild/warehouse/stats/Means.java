package se.lagesbild.warehouse.stats;

/** Means with Student's t interval (PHEindicatormethods phe_mean). */
public final class Means {
    private Means() {
    }

    /**
     * Mean = sum / count with interval mean ± t(1 − α/2; count − 1)·sd/√count, sd the sample
     * standard deviation (n − 1). NaN interval for a single value (no degrees of freedom); NaN
     * everything for no values.
     */
    public static Estimate studentT(long count, double sum, double sd, Confidence confidence) {
        if (count <= 0) {
            return Estimate.notAvailable("Student's t");
        }
        double mean = sum / count;
        if (count == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, "Student's t");
        }
        double half = confidence.t(count - 1) * sd / Math.sqrt(count);
        return new Estimate(mean, mean - half, mean + half, "Student's t");
    }

    /** The same from the values themselves. */
    public static Estimate studentT(double[] values, Confidence confidence) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = values.length == 0 ? 0 : sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return studentT(values.length, sum, sd, confidence);
    }
}
