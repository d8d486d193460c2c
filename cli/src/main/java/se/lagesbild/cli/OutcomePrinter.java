package se.lagesbild.cli;

import java.io.PrintWriter;

import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.loaders.Problem;

/** Tells the user how loading or validating one file went, in a few lines. */
final class OutcomePrinter {
    private OutcomePrinter() {
    }

    static void print(LoadOutcome outcome, PrintWriter out) {
        String file = outcome.file().fileName();
        switch (outcome.status()) {
            case ALREADY_LOADED -> out.printf("%s: already loaded as batch %d (vintage %s, same SHA-256); nothing to do.%n",
                    file, outcome.batchId(), outcome.vintage());
            case LOADED -> out.printf("%s: loaded as batch %d, vintage %s: %,d rows read = %,d loaded + %,d quarantined.%n",
                    file, outcome.batchId(), outcome.vintage(), outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined());
            case REJECTED -> out.printf("%s: REJECTED, nothing loaded: %,d of %,d rows have problems and this source's policy"
                    + " rejects such files. Correct the file (or use --policy quarantine) and load it again.%n",
                    file, outcome.rowsQuarantined(), outcome.rowsRead());
            case VALIDATED -> out.printf("%s: %,d rows read; %,d would load, %,d have problems.%n",
                    file, outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined());
        }
        if (outcome.problems() == 0) {
            return;
        }
        out.printf("  %,d problems:", outcome.problems());
        outcome.problemsByRule().forEach((rule, count) -> out.printf(" %s %,d;", rule, count));
        out.println();
        for (Problem problem : outcome.firstProblems()) {
            out.println("  " + problem.describe(file));
        }
        if (outcome.problems() > outcome.firstProblems().size()) {
            out.printf("  … and %,d more.%n", outcome.problems() - outcome.firstProblems().size());
        }
        if (outcome.problemsFile() != null) {
            out.println("  Every problem (file, line, column, value, rule, message): " + outcome.problemsFile());
        }
    }
}
