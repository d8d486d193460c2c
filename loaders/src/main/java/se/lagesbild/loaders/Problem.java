package se.lagesbild.loaders;

/**
 * One problem with one delivered row.
 *
 * @param line   line in the file (header = 1; for Parquet the data row from 1)
 * @param column the delivered column, or empty for a whole-line problem
 * @param value  the value as delivered (for a whole-line problem, the line)
 * @param rule   the rule's code, e.g. "closed_before_suspicion"
 * @param message what is wrong and what a valid value looks like
 */
public record Problem(long line, String column, String value, String rule, String message) {
    /** "file.csv:12: column closed_date = '2026-01-01': the pathway closes before … [closed_before_suspicion]". */
    public String describe(String fileName) {
        String where = column == null || column.isEmpty() ? "" : " column " + column + " = '" + (value == null ? "" : value) + "':";
        return fileName + ":" + line + ":" + where + " " + message + " [" + rule + "]";
    }
}
