package se.lagesbild.cli;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/**
 * The {@code lagesbild} command. Exit codes: 0 success, 1 usage error, 2 rejected input (a
 * {@link WarehouseException}: the message says what to do), 3 internal error.
 */
@Command(name = "lagesbild", mixinStandardHelpOptions = true, versionProvider = LagesbildCli.Version.class,
        description = "Lägesbild: the statistical data warehouse for following up Swedish cancer care.",
        subcommands = {InitCommand.class, StatusCommand.class, LoadCommand.class, ValidateCommand.class, BatchesCommand.class,
            UnloadCommand.class, FeedbackCommand.class, ReconcileCommand.class, AgreementCommand.class, SnapshotCommand.class, ReleaseCommand.class, MartsCommand.class, DisclosureAuditCommand.class, BenchmarkDisclosureCommand.class, GenerateCommand.class,
            BenchmarkCommand.class, BenchmarkGenerateCommand.class, BenchmarkEngineCommand.class, BenchmarkSurvivalCommand.class, BenchmarkApiCommand.class, BenchmarkReleaseCommand.class, BenchmarkReportCommand.class, DemoCommand.class, ServeCommand.class, ReportCommand.class, NotebookCommand.class, KernelCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 usage error, 2 rejected input, 3 internal error.",
                "Run the test suite from a checkout with ./lagesbild test."})
public final class LagesbildCli implements Runnable {
    public static final int USAGE = 1;
    public static final int REJECTED = 2;
    public static final int INTERNAL = 3;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Warehouse database file (default: ${DEFAULT-VALUE}). Folders are created when missing.")
    Path db = Warehouse.DEFAULT_FILE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a verb, for example `lagesbild init`.");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, as main runs it; tests call execute on it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LagesbildCli());
        cli.registerConverter(se.lagesbild.publishing.text.Language.class, v -> {
            try {
                return se.lagesbild.publishing.text.Language.parse(v, "--lang");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("lagesbild: " + usageMessage(e));
            e.getCommandLine().getErr().println("Try `" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help`.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof WarehouseException) {
                commandLine.getErr().println("lagesbild: " + e.getMessage());
                return REJECTED;
            }
            commandLine.getErr().println("lagesbild: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            commandLine.getErr().println("This is a bug in Lägesbild; please report it with the lines above.");
            return INTERNAL;
        });
        return cli;
    }

    /**
     * A usage error in words: an unknown verb is named, with the closest verbs (picocli's
     * "Unmatched arguments from index 0" said nothing of what to type).
     */
    static String usageMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String verb = u.getUnmatched().get(0);
            java.util.List<String> close = u.getSuggestions();
            java.util.List<String> verbs = new java.util.ArrayList<>(e.getCommandLine().getSubcommands().keySet());
            return "there is no verb '" + verb + "'." + (close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close.stream()
                    .limit(3).map(v -> "`lagesbild " + v + "`").toList()) + "?") + " Verbs: " + String.join(", ", verbs) + ".";
        }
        return e.getMessage();
    }

    /** The version from the jar's manifest ("dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LagesbildCli.class.getPackage().getImplementationVersion();
            return new String[] {"lagesbild " + (version == null ? "dev" : version)};
        }
    }
}
