package se.lagesbild.loaders;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to load and how.
 *
 * @param source       the source's format
 * @param file         the delivered file (CSV, or Parquet where the source allows it)
 * @param vintage      label of this delivery's vintage (e.g. "2027-02" or "revised"); null = today's date
 * @param periodCode   the period the delivery covers (e.g. "2026-03"); dates outside it are problems; may be null
 * @param policy       what to do with problems; null = the source's default
 * @param dryRun       validate only: never write
 * @param encoding     the CSV file's encoding: "utf-8" (default) or "latin-1"
 * @param problemsFile where the machine-readable problem list (CSV) is written, or null for none
 * @param today        the date checks compare with ("in the future")
 */
public record LoadRequest(SourceFormat source, Path file, String vintage, String periodCode, Policy policy, boolean dryRun,
                          String encoding, Path problemsFile, LocalDate today) {

    public static LoadRequest of(String source, Path file) {
        return new LoadRequest(Sources.byName(source), file, null, null, null, false, "utf-8", null, LocalDate.now());
    }

    public LoadRequest withVintage(String label) {
        return new LoadRequest(source, file, label, periodCode, policy, dryRun, encoding, problemsFile, today);
    }

    public LoadRequest withPeriod(String code) {
        return new LoadRequest(source, file, vintage, code, policy, dryRun, encoding, problemsFile, today);
    }

    public LoadRequest withPolicy(Policy chosen) {
        return new LoadRequest(source, file, vintage, periodCode, chosen, dryRun, encoding, problemsFile, today);
    }

    public LoadRequest asDryRun() {
        return new LoadRequest(source, file, vintage, periodCode, policy, true, encoding, problemsFile, today);
    }

    public LoadRequest withEncoding(String name) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, name, problemsFile, today);
    }

    public LoadRequest withProblemsFile(Path path) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, path, today);
    }

    public LoadRequest withToday(LocalDate date) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, problemsFile, date);
    }

    Policy effectivePolicy() {
        return policy == null ? source.policy() : policy;
    }

    String effectiveVintage() {
        return vintage == null || vintage.isBlank() ? today.toString() : vintage.strip();
    }
}
