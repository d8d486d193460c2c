package se.lagesbild.loaders;

/** Hears how a load goes: phases, and progress within the long ones. Methods may be called from a poller thread. */
public interface LoadListener {
    /** A phase starts, e.g. "reading data.csv". */
    default void phase(String description) {
    }

    /** Progress within the current phase: fraction done (0–1, or negative when unknown) and rows so far. */
    default void progress(double fraction, long rows) {
    }

    /** The current phase ended after {@code nanos}, having handled {@code rows} rows. */
    default void phaseDone(long rows, long nanos) {
    }

    LoadListener SILENT = new LoadListener() {
    };
}
