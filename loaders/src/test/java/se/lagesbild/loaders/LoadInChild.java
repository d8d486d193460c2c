package se.lagesbild.loaders;

import java.nio.file.Path;

import se.lagesbild.warehouse.Warehouse;

/** Run in a child JVM by the kill test: loads one file and prints each phase as it starts. */
public final class LoadInChild {
    private LoadInChild() {
    }

    public static void main(String[] args) {
        try (Warehouse warehouse = Warehouse.openForWriting(Path.of(args[0]))) {
            FileLoader.load(warehouse, LoadRequest.of(args[1], Path.of(args[2])), new LoadListener() {
                @Override
                public void phase(String description) {
                    System.out.println("phase " + description);
                    System.out.flush();
                }
            });
        }
        System.out.println("done");
    }
}
