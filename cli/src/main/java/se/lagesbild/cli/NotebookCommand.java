package se.lagesbild.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.notebooks.Jupyter;
import se.lagesbild.warehouse.WarehouseException;

/** {@code lagesbild notebook}: Jupyter Notebook on the project's notebooks with the Java kernel. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Open Jupyter Notebook on the project's notebooks (explore, yearly follow-up, agreement) with the Java"
                + " kernel, on the warehouse given with --db, at http://127.0.0.1:PORT/ (also as root). Stop with Ctrl-C.")
final class NotebookCommand extends Verb {
    @Option(names = "--port", defaultValue = "8888", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--snapshot", paramLabel = "NAME", description = "Answer as of this snapshot.")
    String snapshot;

    @Option(names = "--lang", defaultValue = "sv", paramLabel = "LANG", description = "The notebooks' language: sv (the default) or en.")
    se.lagesbild.publishing.text.Language language;

    @Override
    public void run() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("LAGESBILD_DB", db().toAbsolutePath().toString());
        parameters.put(se.lagesbild.publishing.text.Language.PARAMETER, language.code());
        if (snapshot != null) {
            parameters.put("LAGESBILD_SNAPSHOT", snapshot);
        }
        int exit = new Jupyter(DemoCommand.home()).open(parameters, port, out());
        if (exit != 0 && exit != 130) {
            throw new WarehouseException("Jupyter Notebook stopped with exit code " + exit + " (its messages are above). If port " + port
                    + " is taken, choose another with --port.");
        }
    }
}
