package se.lagesbild.warehouse;

import java.nio.file.Path;

/** Run in a child JVM by tests: opens a warehouse for writing and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Warehouse warehouse = Warehouse.openForWriting(Path.of(args[0]))) {
            System.out.println("holding " + warehouse.file());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
