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
    /** The longest excerpt of a delivered value or line a message shows. */
    public static final int EXCERPT = 80;

    /**
     * "file.csv:12: column closed_date = '2026-01-01': the pathway closes before … [closed_before_suspicion]";
     * a value longer than {@link #EXCERPT} characters is cut, and line breaks and control
     * characters are shown as '?', so a message stays one short line whatever the file holds.
     */
    public String describe(String fileName) {
        String where = column == null || column.isEmpty() ? "" : " column " + column + " = '" + excerpt(value) + "':";
        return fileName + ":" + line + ":" + where + " " + excerpt(message, 300) + " [" + rule + "]";
    }

    /** {@code text} cut to {@link #EXCERPT} characters (with "…"), control characters as '?'; empty for null. */
    public static String excerpt(String text) {
        return excerpt(text, EXCERPT);
    }

    static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > max ? text.substring(0, max) + "… (" + text.length() + " characters)" : text;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }
}
