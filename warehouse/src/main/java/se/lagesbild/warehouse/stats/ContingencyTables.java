package se.lagesbild.warehouse.stats;

/**
 * Pearson's chi-square test of independence on an r × c table of counts, such as the stage
 * distribution (columns) by region (rows).
 */
public final class ContingencyTables {
    /** Below this expected count a cell makes the chi-square approximation doubtful (Cochran 1954). */
    public static final double SMALL_EXPECTED = 5;

    private ContingencyTables() {
    }

    /**
     * The test's result.
     *
     * @param statistic          Pearson's χ² (with Yates' correction when asked)
     * @param degreesOfFreedom   (r − 1)(c − 1) over the rows and columns kept
     * @param pValue             the chi-square upper tail (NaN when the test cannot be done)
     * @param expected           expected counts under independence, rᵢ·cⱼ/N, for the rows and columns kept
     * @param smallExpectedCells cells whose expected count is below 5 (R's chisq.test then warns
     *                           "Chi-squared approximation may be incorrect")
     * @param rowsKept           the input rows used (those with a positive total), in order
     * @param columnsKept        the input columns used
     */
    public record ChiSquareTest(double statistic, int degreesOfFreedom, double pValue, double[][] expected, int smallExpectedCells,
                                int[] rowsKept, int[] columnsKept, String method) {
        /** Whether independence is rejected at {@code alpha} (false when not available). */
        public boolean reject(double alpha) {
            return pValue < alpha;
        }
    }

    /**
     * Pearson's chi-square test of independence (Pearson 1900; as R's {@code chisq.test(m, correct)}):
     * χ² = Σᵢⱼ (|Oᵢⱼ − Eᵢⱼ| − c)² / Eᵢⱼ with Eᵢⱼ = (row total i)(column total j)/N and
     * (r − 1)(c − 1) degrees of freedom; p-value from the chi-square upper tail. With
     * {@code yates}, c = min(0.5, min |Oᵢⱼ − Eᵢⱼ|) (Yates 1934, R's rule: the correction never exceeds
     * the smallest deviation); without it c = 0.
     *
     * <p>Edge cases: Yates' correction is defined for 2 × 2 tables only and is refused for any other
     * shape (R silently ignores it there). Rows and columns whose total is 0 carry no information and
     * are left out before the test, and the degrees of freedom count only those kept (R's chisq.test
     * gives NaN instead); when fewer than two rows or two columns remain, or a count is negative or
     * NaN, the test is not available (NaN) or refused. Counts may be fractional (weighted). Checked
     * against R 4.2.2 to 1e-10.
     */
    public static ChiSquareTest pearson(double[][] counts, boolean yates) {
        int columns = counts.length == 0 ? 0 : counts[0].length;
        for (double[] row : counts) {
            if (row.length != columns) {
                throw new IllegalArgumentException("every row of the table needs the same number of columns (" + columns + ")");
            }
            for (double v : row) {
                if (!(v >= 0)) {
                    throw new IllegalArgumentException("a count must be 0 or more, not " + v);
                }
            }
        }
        if (yates && (counts.length != 2 || columns != 2)) {
            throw new IllegalArgumentException("Yates' correction is for 2 × 2 tables; this table is " + counts.length + " × " + columns);
        }
        String method = yates ? "Pearson's chi-square with Yates' continuity correction" : "Pearson's chi-square";
        int[] rows = positive(rowTotals(counts));
        int[] cols = positive(columnTotals(counts));
        if (rows.length < 2 || cols.length < 2) {
            return new ChiSquareTest(Double.NaN, 0, Double.NaN, new double[0][0], 0, rows, cols, method);
        }
        double[] rowTotal = new double[rows.length];
        double[] colTotal = new double[cols.length];
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                double v = counts[rows[i]][cols[j]];
                rowTotal[i] += v;
                colTotal[j] += v;
                total += v;
            }
        }
        double[][] expected = new double[rows.length][cols.length];
        double smallestDeviation = Double.POSITIVE_INFINITY;
        int small = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                expected[i][j] = rowTotal[i] * colTotal[j] / total;
                smallestDeviation = Math.min(smallestDeviation, Math.abs(counts[rows[i]][cols[j]] - expected[i][j]));
                small += expected[i][j] < SMALL_EXPECTED ? 1 : 0;
            }
        }
        double correction = yates ? Math.min(0.5, smallestDeviation) : 0;
        double statistic = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                double d = Math.abs(counts[rows[i]][cols[j]] - expected[i][j]) - correction;
                statistic += d * d / expected[i][j];
            }
        }
        int df = (rows.length - 1) * (cols.length - 1);
        return new ChiSquareTest(statistic, df, Confidence.chiSquaredPValue(statistic, df), expected, small, rows, cols, method);
    }

    private static double[] rowTotals(double[][] counts) {
        double[] totals = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            for (double v : counts[i]) {
                totals[i] += v;
            }
        }
        return totals;
    }

    private static double[] columnTotals(double[][] counts) {
        double[] totals = new double[counts.length == 0 ? 0 : counts[0].length];
        for (double[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                totals[j] += row[j];
            }
        }
        return totals;
    }

    private static int[] positive(double[] totals) {
        return java.util.stream.IntStream.range(0, totals.length).filter(i -> totals[i] > 0).toArray();
    }
}
