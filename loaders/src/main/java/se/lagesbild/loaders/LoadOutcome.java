package se.lagesbild.loaders;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a load (or a validation) of one file ended.
 *
 * @param status          what happened
 * @param file            the file, as inspected (SHA-256, size)
 * @param batchId         the new batch, or for ALREADY_LOADED the earlier one; null otherwise
 * @param vintage         the vintage label
 * @param rowsRead        data rows in the file (rejected lines included)
 * @param rowsLoaded      rows written to the fact table (for a dry run: that would be written)
 * @param rowsQuarantined rows kept in quarantine (for a dry run or a rejected file: rows with problems)
 * @param problemsByRule  problem counts per rule
 * @param firstProblems   the first problems in file order (at most 20)
 * @param problemsFile    the machine-readable list of every problem, when written
 */
public record LoadOutcome(Status status, InputFile file, Long batchId, String vintage, long rowsRead, long rowsLoaded,
                          long rowsQuarantined, Map<String, Long> problemsByRule, List<Problem> firstProblems, Path problemsFile) {

    /** How a load ended. */
    public enum Status {
        /** The valid rows are in the warehouse (any others in quarantine). */
        LOADED,
        /** A file with the same SHA-256 was loaded earlier for this source: nothing was done. */
        ALREADY_LOADED,
        /** The file has problems and its source's policy rejects such files: nothing was written. */
        REJECTED,
        /** Validated only: nothing was written. */
        VALIDATED
    }

    public long problems() {
        return problemsByRule.values().stream().mapToLong(Long::longValue).sum();
    }
}
