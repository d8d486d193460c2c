package se.lagesbild.warehouse.disclosure;

import org.ojalgo.optimisation.ExpressionsBasedModel;

/** Linear and 0–1 programmes (ojAlgo) for the attacker and the complement bound, created one way. */
final class Programmes {
    static {
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true"); // else ojAlgo prints a hardware notice on standard output
        }
    }

    private Programmes() {
    }

    /** A model for the sparse (revised) simplex, the relations touching few counts each, given up after {@code milliseconds}. */
    static ExpressionsBasedModel model(long milliseconds) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.sparse = Boolean.TRUE;
        model.options.time_abort = milliseconds;
        return model;
    }
}
