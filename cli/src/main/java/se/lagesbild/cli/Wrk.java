package se.lagesbild.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.lagesbild.warehouse.WarehouseException;

/** wrk, the HTTP load generator (Debian package wrk), as the benchmarks run it: 2 threads, loopback. */
final class Wrk {
    private Wrk() {
    }

    /** Runs wrk; returns requests/s, p50 ms, p99 ms. */
    static double[] run(String wrk, int connections, String url, Path script, int runSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(wrk, "-t2", "-c" + connections, "-d" + runSeconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(runSeconds + 30L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        if (!rps.find()) {
            throw new WarehouseException("wrk gave no figures:\n" + output);
        }
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        if (errors.find()) {
            throw new WarehouseException("wrk saw " + errors.group(1) + " error responses against " + url + ":\n" + output);
        }
        return new double[] {Double.parseDouble(rps.group(1)), millis(output, "50%"), millis(output, "99%")};
    }

    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new WarehouseException("wrk gave no " + percentile + " latency:\n" + output);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return Path.of(dir, "wrk").toString();
            }
        }
        throw new WarehouseException("benchmark-api needs wrk, the HTTP load generator: install Debian's package (apt-get install wrk)"
                + " and run it again.");
    }
}
