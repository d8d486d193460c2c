package se.lagesbild.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import se.lagesbild.warehouse.WarehouseException;

/**
 * The report as PDF: its HTML printed to A4 by headless Chromium (Debian's {@code chromium}), with
 * the page rules of the report's template. Chromium stamps the creation date into the PDF, so two
 * runs give PDFs that differ in those bytes only; the HTML, tables and manifest are byte-identical.
 */
public final class Pdf {
    private static final int TIMEOUT_SECONDS = 180;

    private Pdf() {
    }

    /**
     * The Chromium to print with; ask before a long run so a missing one fails first.
     *
     * @throws WarehouseException when none is installed, saying what to install
     */
    public static String chromium() {
        return List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
                .filter(c -> Files.isExecutable(Path.of(c))).findFirst()
                .orElseThrow(() -> new WarehouseException("--pdf needs Chromium: install Debian's chromium package (apt-get install chromium)."));
    }

    /** Prints {@code html} to {@code pdf} (written in full or not at all). */
    public static Path print(Path html, Path pdf) {
        String chromium = chromium();
        Path partial = pdf.resolveSibling("." + pdf.getFileName() + ".partial");
        Path profile = null;
        try {
            profile = Files.createTempDirectory("lagesbild-chromium-");
            ProcessBuilder builder = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-pdf-header-footer", "--user-data-dir=" + profile, "--print-to-pdf=" + partial.toAbsolutePath(),
                    html.toAbsolutePath().toUri().toString()).redirectErrorStream(true);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new WarehouseException("Chromium did not print " + html + " to PDF in " + TIMEOUT_SECONDS + " s.");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new WarehouseException("Chromium could not print " + html + " to PDF (exit " + process.exitValue() + "): "
                        + output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message"));
            }
            Files.move(partial, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return pdf;
        } catch (IOException e) {
            throw new WarehouseException("Cannot write the PDF " + pdf + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("Interrupted while printing " + html + " to PDF.");
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover partial file is hidden and replaced by the next run
            }
            if (profile != null) {
                YearlyReportRun.deleteQuietly(profile);
            }
        }
    }
}
