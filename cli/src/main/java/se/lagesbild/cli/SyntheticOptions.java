package se.lagesbild.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.lagesbild.fixtures.synthetic.Settings;

/** The options `generate` and `benchmark-generate` share: seed, years and scale. */
final class SyntheticOptions {
    @Option(names = "--seed", defaultValue = "2026", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--years", defaultValue = "2024-2027", paramLabel = "FROM-TO", description = "Years (default: ${DEFAULT-VALUE}).")
    String years;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "F",
            description = "Volume relative to Sweden (default: ${DEFAULT-VALUE}, about 154 000 pathways a year).")
    double scale;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The synthetic data for {@code settings} in a folder under {@code dir}, generated once and kept
     * between runs (again when a file this version plans is missing, as after an upgrade).
     */
    static java.nio.file.Path generated(java.nio.file.Path dir, Settings settings, java.io.PrintWriter out) {
        java.nio.file.Path data = dir.resolve("data-" + settings.scale() + "-" + settings.firstYear() + "-" + settings.lastYear());
        boolean complete = java.nio.file.Files.exists(data.resolve("manifest.json"))
                && se.lagesbild.fixtures.synthetic.SyntheticNationalData.plannedFiles(settings).stream()
                        .allMatch(f -> java.nio.file.Files.exists(data.resolve(f[1])));
        if (!complete) {
            out.println("generating " + settings + " …");
            se.lagesbild.fixtures.synthetic.SyntheticNationalData.generate(data, settings, name -> { });
        }
        return data;
    }

    /** The settings; a bad value is a usage error naming the option. */
    Settings settings() {
        try {
            int[] range = Settings.years(years);
            return new Settings(seed, range[0], range[1], scale);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
