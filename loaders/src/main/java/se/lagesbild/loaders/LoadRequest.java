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
 * @param delimiter    the CSV file's delimiter, or null to take the most frequent of ';', ',' and tab in the header
 * @param problemsFile where the machine-readable problem list (CSV) is written, or null for none
 * @param today        the date checks compare with ("in the future")
 * @param followUpUntil for deaths: the delivery's closing date, up to which every death is in it (kept on the batch)
 * @param futureFollowUp whether a closing date after today is meant (said explicitly: a planned delivery, synthetic data)
 */
public record LoadRequest(SourceFormat source, Path file, String vintage, String periodCode, Policy policy, boolean dryRun,
                          String encoding, Path problemsFile, LocalDate today, Character delimiter, LocalDate followUpUntil,
                          boolean futureFollowUp) {

    public static LoadRequest of(String source, Path file) {
        return new LoadRequest(Sources.byName(source), file, null, null, null, false, "utf-8", null, LocalDate.now(), null, null, false);
    }

    public LoadRequest withVintage(String label) {
        return new LoadRequest(source, file, label, periodCode, policy, dryRun, encoding, problemsFile, today, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest withPeriod(String code) {
        return new LoadRequest(source, file, vintage, code, policy, dryRun, encoding, problemsFile, today, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest withPolicy(Policy chosen) {
        return new LoadRequest(source, file, vintage, periodCode, chosen, dryRun, encoding, problemsFile, today, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest asDryRun() {
        return new LoadRequest(source, file, vintage, periodCode, policy, true, encoding, problemsFile, today, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest withEncoding(String name) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, name, problemsFile, today, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest withProblemsFile(Path path) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, path, today, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest withToday(LocalDate date) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, problemsFile, date, delimiter, followUpUntil, futureFollowUp);
    }

    public LoadRequest withDelimiter(Character chosen) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, problemsFile, today, chosen, followUpUntil, futureFollowUp);
    }

    public LoadRequest withFollowUpUntil(LocalDate closing) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, problemsFile, today, delimiter, closing, futureFollowUp);
    }

    java.nio.charset.Charset charset() {
        return encoding.equals("latin-1") ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8;
    }

    /**
     * How the file is read, as part of its identity for "already loaded": the same bytes read with
     * another encoding or delimiter are other rows.
     */
    static String readOptions(InputFile file, String encoding) {
        if (file.format() == InputFile.Format.PARQUET) {
            return "parquet";
        }
        return "encoding=" + encoding + ", delimiter=" + (file.delimiter() == '\t' ? "tab" : String.valueOf(file.delimiter()));
    }

    Policy effectivePolicy() {
        return policy == null ? source.policy() : policy;
    }

    /** A closing date after today, said to be meant. */
    public LoadRequest withFutureFollowUp(boolean meant) {
        return new LoadRequest(source, file, vintage, periodCode, policy, dryRun, encoding, problemsFile, today, delimiter, followUpUntil, meant);
    }

    /** The vintage label: as given, or the day the file is loaded (not the date the rules compare with, --today). */
    String effectiveVintage() {
        return vintage == null || vintage.isBlank() ? LocalDate.now().toString() : vintage.strip();
    }
}
