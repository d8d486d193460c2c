package se.lagesbild.cli;

import se.lagesbild.warehouse.WarehouseException;

/** A verb's input was rejected after it reported why: exit code 2 with a one-line summary. */
final class Rejected extends WarehouseException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
        super(message);
    }
}
