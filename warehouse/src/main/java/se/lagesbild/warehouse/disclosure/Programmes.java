package se.lagesbild.warehouse.disclosure;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * Linear and 0–1 programmes (Google OR-Tools: GLOP for the attacker, SCIP for the fewest complements),
 * created one way. Each solver holds native memory: {@code delete()} it when done.
 */
final class Programmes {
    private Programmes() {
    }

    /** The solver for the attacker's linear programmes (GLOP, OR-Tools' primal–dual simplex), given up after {@code milliseconds}. */
    static MPSolver linear(long milliseconds) {
        Native.LOADED.hashCode();
        MPSolver solver = MPSolver.createSolver(LINEAR);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no solver " + LINEAR);
        }
        solver.setTimeLimit(milliseconds);
        solver.suppressOutput();
        return solver;
    }

    /** A 0–1 programme (SCIP, through OR-Tools). */
    static MPSolver integer() {
        Native.LOADED.hashCode();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no solver SCIP");
        }
        solver.suppressOutput();
        return solver;
    }

    private static final String LINEAR = "GLOP";


    /** OR-Tools' native libraries, loaded once (from the jar into a temporary folder). */
    private static final class Native {
        static final Object LOADED;

        static {
            Loader.loadNativeLibraries();
            LOADED = new Object();
        }
    }
}
