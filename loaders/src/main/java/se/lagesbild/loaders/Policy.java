package se.lagesbild.loaders;

/** What a load does with a file that has problems. */
public enum Policy {
    /** Load nothing of the file when any row has a problem. */
    REJECT_FILE,
    /** Load the valid rows and keep the others, with their problems, in {@code load_quarantine}. */
    QUARANTINE;

    /** Parses "reject" or "quarantine" (the CLI's words). */
    public static Policy parse(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "reject", "reject-file" -> REJECT_FILE;
            case "quarantine" -> QUARANTINE;
            default -> throw new IllegalArgumentException("policy must be reject or quarantine, not '" + word + "'");
        };
    }
}
