package se.lagesbild.warehouse.indicators;

import java.util.Locale;

/**
 * How a survival indicator chooses its patients for a period P (catalogue column method_options,
 * {@code analysis=...}):
 * <ul>
 * <li><b>period</b> (the default): the patients at risk during P, whenever diagnosed, each followed
 *   from diagnosis and entering at P's start (Brenner &amp; Gefeller 1996, period analysis);</li>
 * <li><b>cohort</b>: the patients diagnosed in P, followed from diagnosis to the closing date
 *   (traditional cohort analysis);</li>
 * <li><b>hybrid</b>: the patients at risk during P who were diagnosed before it (Brenner &amp; Rachet
 *   2004, Eur J Cancer 40:2494–2501: period analysis without the period's own diagnoses, for when
 *   the newest cases are not yet fully registered).</li>
 * </ul>
 * Net survival is age-standardised with the site's ICSS by Brenner's individual weights unless
 * {@code standardisation=none} says otherwise (the patients' own age mix: what
 * {@code rs.surv} gives for them, for comparisons with other tools and analyses of one age group).
 * Estimates are read at the reporting times 1, 3, 5 and 10 years up to the indicator's own (the
 * crude grid of {@code rs.surv(..., add.times = c(1, 3, 5, 10) * 365.241)}), so a five-year value is
 * the same whichever other times are asked for.
 *
 * @param analysis     period, cohort or hybrid
 * @param standardised whether net survival is age-standardised (ICSS, Brenner's weights)
 */
public record SurvivalOptions(Analysis analysis, boolean standardised) {
    /** Which patients a period's estimate rests on. */
    public enum Analysis { PERIOD, COHORT, HYBRID }

    /** The reporting times in years; an indicator's grid is those up to its own time. */
    static final double[] REPORTING_YEARS = {1, 3, 5, 10};

    /**
     * The options written in the catalogue: null or empty gives the defaults.
     *
     * @throws IllegalArgumentException naming an unknown option or value
     */
    public static SurvivalOptions of(String written) {
        Analysis analysis = Analysis.PERIOD;
        boolean standardised = true;
        if (written != null) {
            for (String part : written.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] kv = part.split("=", 2);
                String key = kv[0].strip();
                String value = kv.length < 2 ? "" : kv[1].strip().toLowerCase(Locale.ROOT);
                switch (key) {
                    case "analysis" -> {
                        try {
                            analysis = Analysis.valueOf(value.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("unknown survival analysis '" + value + "' in the catalogue's method_options ("
                                    + written + "): period, cohort or hybrid");
                        }
                    }
                    case "standardisation" -> {
                        if (!value.equals("icss") && !value.equals("none")) {
                            throw new IllegalArgumentException("unknown standardisation '" + value + "' in the catalogue's method_options ("
                                    + written + "): icss or none");
                        }
                        standardised = value.equals("icss");
                    }
                    default -> throw new IllegalArgumentException("unknown survival option '" + key + "' in the catalogue's method_options ("
                            + written + "): analysis or standardisation");
                }
            }
        }
        return new SurvivalOptions(analysis, standardised);
    }

    /** The times (days) an estimate at {@code years} is read on: the reporting times before it, and it. */
    public static double[] grid(double years) {
        return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(REPORTING_YEARS).filter(y -> y < years),
                java.util.stream.DoubleStream.of(years)).map(y -> y * se.lagesbild.warehouse.stats.LifeTable.YEAR_DAYS).toArray();
    }

    /** The analysis in words, as a value's method names it. */
    String words() {
        return switch (analysis) {
            case PERIOD -> "period analysis";
            case COHORT -> "cohort analysis (by year of diagnosis)";
            case HYBRID -> "hybrid analysis (diagnosed before the period)";
        };
    }
}
