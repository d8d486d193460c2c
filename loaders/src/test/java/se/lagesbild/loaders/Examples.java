package se.lagesbild.loaders;

import java.nio.file.Path;

/** The documented example files in docs/formats/examples/. */
final class Examples {
    static final Path FOLDER = locate();

    private Examples() {
    }

    static Path file(String name) {
        return FOLDER.resolve(name);
    }

    private static Path locate() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs/formats/examples");
            if (candidate.toFile().isDirectory()) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/formats/examples not found above " + here);
    }
}
