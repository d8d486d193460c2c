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
        String resource = "lagesbild/agreement-rules/agreement-rules-" + year + ".csv";
        try (InputStream in = AgreementRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No shipped agreement rules for " + year + "; shipped: " + SHIPPED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the shipped rules of {@code year} into {@code folder} (as agreement-rules-YEAR.csv) and returns the file. */
    public static Path write(Path folder, int year) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve("agreement-rules-" + year + ".csv"), text(year), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
