package se.lagesbild.loaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agreement rules Lägesbild ships (sql/agreement-rules/, on the classpath under
 * lagesbild/agreement-rules/), as files to load with {@code lagesbild load agreement-rules}: the
 * 2025 and 2026 agreements as the seeds describe them, thresholds not yet set left empty.
 */
public final class AgreementRules {
    /** The agreement years shipped. */
    public static final List<Integer> SHIPPED = List.of(2025, 2026);

    private AgreementRules() {
    }

    /** The shipped rules of {@code year}, as text. */
    public static String text(int year) {
        if (!SHIPPED.contains(year)) {
            throw new IllegalArgumentException("No shipped agreement rules for " + year + "; shipped: " + SHIPPED);
        }
        return resource("lagesbild/agreement-rules/agreement-rules-" + year + ".csv");
    }

    /** Writes the shipped rules of {@code year} into {@code folder} (as agreement-rules-YEAR.csv) and returns the file. */
    public static Path write(Path folder, int year) {
        return writeText(folder, "agreement-rules-" + year + ".csv", text(year));
    }

    /** A file Lägesbild ships on its classpath, as UTF-8 text. */
    static String resource(String resource) {
        try (InputStream in = AgreementRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped file " + resource + " is not on the classpath; rebuild Lägesbild");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} as {@code name} into {@code folder} (created when missing). */
    static Path writeText(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
