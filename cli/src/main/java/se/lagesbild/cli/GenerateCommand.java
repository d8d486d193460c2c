package se.lagesbild.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.fixtures.synthetic.Settings;
import se.lagesbild.fixtures.synthetic.SyntheticNationalData;

/** {@code lagesbild generate}: synthetic national data in the loaders' formats. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic national data for Sweden in the loaders' input formats: population, new cases,"
                + " SVF pathways (one file per year), aggregates, SKR's extract, reports, PREM, investments and projects, agreement rules,"
                + " and the registers (cancer register, ten diagnosis years; deaths, followed up to the last year's end; life tables),"
                + " calibrated to the real national figures, with effects planted for the analysis to find (manifest.json)."
                + " The same seed and settings give byte-identical files.")
final class GenerateCommand extends Verb {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path out;

    @Mixin
    SyntheticOptions options;

    @Override
    public void run() {
        Settings settings = options.settings();
        long start = System.nanoTime();
        SyntheticNationalData.Result result = SyntheticNationalData.generate(out, settings, name -> out().println("  wrote " + name));
        out().printf("%d files in %s in %.1f s. Load them with their as-of date, e.g.%n", result.files().size(), out.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
        out().printf("  lagesbild load svf-pathways %s --today %s%n", out.resolve("svf-pathways-" + settings.firstYear() + ".csv"),
                settings.asOf());
    }
}
