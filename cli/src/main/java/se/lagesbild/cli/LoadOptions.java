package se.lagesbild.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.loaders.Policy;
import se.lagesbild.loaders.Sources;

/** The options `load` and `validate` share. */
final class LoadOptions {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source: ${COMPLETION-CANDIDATES}.",
            completionCandidates = SourceNames.class)
    String source;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Delivered files (CSV; Parquet for svf-pathways).")
    List<Path> files;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "The period the delivery covers (2026, 2026H1, 2026Q3, 2026-03); dates outside it are problems.")
    String period;

    @Option(names = "--policy", paramLabel = "POLICY", description = "reject (load nothing of a file with problems) or"
            + " quarantine (load the valid rows, keep the others); default: the source's own, see docs/formats.")
    String policy;

    @Option(names = "--encoding", paramLabel = "ENC", defaultValue = "utf-8",
            description = "The CSV files' encoding: utf-8 (default, with or without BOM) or latin-1.")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The CSV files' delimiter: ';', ',' or tab (default: the most frequent of them in the header line)."
                    + " Decimal commas and points are both read wherever a source has decimals.")
    String delimiter;

    @Option(names = "--today", paramLabel = "DATE",
            description = "The date the date rules compare with (default: today). Synthetic data lives in later years:"
                    + " load it with the as_of date of its manifest. It is not the vintage label (that is --vintage, or the day of"
                    + " loading).")
    LocalDate today;

    @Option(names = "--follow-up-until", paramLabel = "DATE",
            description = "For deaths: the delivery's closing date, up to which every death is in it (kept on the batch;"
                    + " survival counts everyone not in it as alive until then).")
    LocalDate followUpUntil;

    @Option(names = "--future-follow-up",
            description = "Allow a --follow-up-until after today: the closing date is meant (a planned delivery, synthetic data)."
                    + " Without it such a date is refused.")
    boolean futureFollowUp;

    @Option(names = "--problems", paramLabel = "DIR",
            description = "Folder for the machine-readable problem lists, one CSV per file (default: problems/ beside the warehouse).")
    Path problemsFolder;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** One request per file; a bad option is a usage error naming it, before the warehouse opens. */
    List<LoadRequest> requests(Path db) {
        try {
            return files.stream().map(file -> request(file, db)).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    LoadRequest request(Path file, Path db) {
        if (!encoding.equalsIgnoreCase("utf-8") && !encoding.equalsIgnoreCase("latin-1")) {
            throw new IllegalArgumentException("--encoding must be utf-8 or latin-1, not '" + encoding + "'");
        }
        Character chosen = delimiter(delimiter);
        Path folder = problemsFolder != null ? problemsFolder : db.toAbsolutePath().getParent().resolve("problems");
        LoadRequest request = LoadRequest.of(source, file)
                .withPeriod(period)
                .withEncoding(encoding.toLowerCase(java.util.Locale.ROOT))
                .withProblemsFile(folder.resolve(file.getFileName() + ".problems.csv"))
                .withToday(today != null ? today : LocalDate.now())
                .withDelimiter(chosen)
                .withFollowUpUntil(followUpUntil)
                .withFutureFollowUp(futureFollowUp);
        return policy == null ? request : request.withPolicy(Policy.parse(policy));
    }

    private static Character delimiter(String given) {
        if (given == null) {
            return null;
        }
        return switch (given.toLowerCase(java.util.Locale.ROOT)) {
            case ";" -> ';';
            case "," -> ',';
            case "tab", "\\t", "\t" -> '\t';
            default -> throw new IllegalArgumentException("--delimiter must be ';', ',' or tab, not '" + given + "'");
        };
    }

    /** The source names, for help and completion. */
    static final class SourceNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Sources.all().stream().map(s -> s.name()).iterator();
        }
    }
}
