package se.lagesbild.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.lagesbild.notebooks.Jupyter;

/** {@code lagesbild kernel install}: the Java kernel registered where Jupyter finds it by itself. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "install: register the Java kernel (\"Java (Lägesbild)\", kernelspec lagesbild-java) in Jupyter's user data folder"
                + " ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter), so that `jupyter nbconvert --execute notebooks/explore.ipynb`"
                + " and JupyterLab run the notebooks without extra variables. The demo does this too. Running it again rewrites the same file.")
final class KernelCommand extends Verb {
    @Parameters(index = "0", paramLabel = "install", description = "The action: install.")
    Action action;

    enum Action { install }

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Jupyter data folder to register in (default: $JUPYTER_DATA_DIR,"
            + " else ~/.local/share/jupyter). Another folder needs JUPYTER_PATH=DIR when Jupyter runs.")
    Path dataDir;

    @Override
    public void run() {
        Path spec = new Jupyter(DemoCommand.home()).install(dataDir);
        out().printf("Kernel \"Java (Lägesbild)\" registered: %s%nRun a notebook: jupyter nbconvert --to notebook --execute"
                + " notebooks/explore.ipynb (it reads data/lagesbild.duckdb of this checkout, or LAGESBILD_DB)%n", spec.resolve("kernel.json"));
    }
}
