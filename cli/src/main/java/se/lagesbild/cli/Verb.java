package se.lagesbild.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every lagesbild verb has: the chosen warehouse file and the command line's output. */
abstract class Verb implements Runnable {
    @ParentCommand
    LagesbildCli root;

    @Spec
    CommandSpec spec;

    /** The warehouse file from --db. */
    Path db() {
        return root.db;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
