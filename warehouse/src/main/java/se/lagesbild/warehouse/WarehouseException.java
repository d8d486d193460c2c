package se.lagesbild.warehouse;

/**
 * A problem the user can act on: a database file in use, of a newer schema, in a place that
 * cannot be written, a rejected input. The message names the file (or parameter) and says what
 * to do; callers show it as it is. Anything else that goes wrong is an internal error.
 */
public class WarehouseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
