package se.lagesbild.loaders;

import java.nio.file.Path;

/**
 * The follow-up structure Lägesbild ships (sql/follow-up-structure/, on the classpath under
 * lagesbild/follow-up-structure/), as a file to load with {@code lagesbild load follow-up-structure}:
 * today's indicators mapped to placeholder sub-goals of the strategy's three goals, marked as such,
 * until Vårdanalys' own structure replaces it (a file, no code change).
 */
public final class FollowUpStructure {
    /** The shipped file's name. */
    public static final String FILE = "follow-up-structure.csv";

    private FollowUpStructure() {
    }

    /** The shipped structure, as text. */
    public static String text() {
        return AgreementRules.resource("lagesbild/follow-up-structure/" + FILE);
    }

    /** Writes the shipped structure into {@code folder} and returns the file. */
    public static Path write(Path folder) {
        return AgreementRules.writeText(folder, FILE, text());
    }
}
