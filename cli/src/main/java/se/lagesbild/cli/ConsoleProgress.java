package se.lagesbild.cli;

import java.io.PrintWriter;
import java.util.Locale;

import se.lagesbild.loaders.LoadListener;

/**
 * Shows a load's progress: in a terminal, a bar with rows and rows/s on the current line for
 * phases that take more than a second; otherwise (CI, a pipe) one plain line per phase.
 */
final class ConsoleProgress implements LoadListener {
    private final PrintWriter out;
    private final boolean terminal;
    private volatile String phase = "";
    private volatile long phaseStart = System.nanoTime();
    private volatile boolean barShown;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static ConsoleProgress forConsole(PrintWriter out) {
        return new ConsoleProgress(out, System.console() != null);
    }

    @Override
    public void phase(String description) {
        phase = description;
        phaseStart = System.nanoTime();
        barShown = false;
    }

    @Override
    public synchronized void progress(double fraction, long rows) {
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        if (!terminal || seconds < 1.0) {
            return;
        }
        int width = 30;
        int filled = fraction < 0 ? 0 : (int) Math.round(Math.min(1.0, fraction) * width);
        out.printf(Locale.ROOT, "\r  %-22s [%s%s] %3.0f%% %,d rows %,.0f rows/s", phase, "#".repeat(filled),
                " ".repeat(width - filled), Math.max(0, fraction) * 100, rows, rows / seconds);
        out.flush();
        barShown = true;
    }

    @Override
    public synchronized void phaseDone(long rows, long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 1.0 && !barShown) {
            return; // short phases: the file's summary line says enough
        }
        if (barShown) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.printf(Locale.ROOT, "  %-22s %,d rows in %.2f s%s%n", phase, rows, seconds,
                seconds > 0.05 ? String.format(Locale.ROOT, " (%,.0f rows/s)", rows / seconds) : "");
        out.flush();
    }
}
