package se.lagesbild.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import se.lagesbild.warehouse.WarehouseException;

/**
 * Jupyter with the Java kernel, set up inside the checkout: the kernel (rapaio-jupyter-kernel,
 * fetched by Maven into {@code notebooks/target/kernel}) runs on a JDK 21 or newer found on the
 * machine, with the warehouse's jars ({@code notebooks/target/lib}) on its classpath. The
 * kernelspec and every Jupyter folder live under {@code notebooks/target/jupyter} with absolute
 * paths; nothing is written to the user's home. Jupyter itself is Debian's ({@code /usr/bin/jupyter},
 * which runs on Debian's python3).
 */
public final class Jupyter {
    public static final String KERNEL = "lagesbild-java";
    /** The nbconvert template of the HTML report, under {@code notebooks/templates}. */
    static final String REPORT_TEMPLATE = "lagesbild-report";
    private static final int MIN_KERNEL_JDK = 21;

    private final Path home;

    /** Jupyter for the checkout at {@code home}. */
    public Jupyter(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public Path notebooks() {
        return home.resolve("notebooks");
    }

    private Path target() {
        return notebooks().resolve("target");
    }

    /**
     * Writes the kernelspec (again, cheaply) and returns the environment Jupyter runs with.
     *
     * @throws WarehouseException when the kernel jar, the warehouse jars, a JDK 21+ or Jupyter is missing
     */
    public Map<String, String> prepare() {
        Path jupyterDir = target().resolve("jupyter");
        Path spec = writeKernelSpec(jupyterDir, jupyterDir.resolve("mima-cache"));
        try {
            // every folder must exist before the kernel starts: it hangs on a missing one
            for (String folder : List.of("data", "config", "runtime", "ipython")) {
                Files.createDirectories(jupyterDir.resolve(folder));
            }
        } catch (IOException e) {
            throw new WarehouseException("Cannot write the kernelspec under " + spec + ": " + e.getMessage(), e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JUPYTER_PATH", jupyterDir.toString());
        env.put("JUPYTER_DATA_DIR", jupyterDir.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", jupyterDir.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", jupyterDir.resolve("runtime").toString());
        env.put("IPYTHONDIR", jupyterDir.resolve("ipython").toString());
        env.put("LAGESBILD_HOME", home.toString());
        return env;
    }

    /**
     * Registers the kernel ("Java (Lägesbild)") where Jupyter looks for kernels by itself, so that
     * {@code jupyter nbconvert --execute} and JupyterLab find it without extra variables: under
     * {@code dataDir}/kernels (default: {@code $JUPYTER_DATA_DIR}, else {@code ~/.local/share/jupyter}).
     * The kernel runs with {@code LAGESBILD_HOME} set to this checkout, so the notebooks open
     * {@code data/lagesbild.duckdb} here unless {@code LAGESBILD_DB} says otherwise.
     *
     * @return the kernelspec's folder
     */
    public Path install(Path dataDir) {
        Path data = dataDir != null ? dataDir : defaultDataDir();
        return writeKernelSpec(data, target().resolve("jupyter").resolve("mima-cache"));
    }

    /** Jupyter's user data folder: $JUPYTER_DATA_DIR, else ~/.local/share/jupyter. */
    public static Path defaultDataDir() {
        String chosen = System.getenv("JUPYTER_DATA_DIR");
        return chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    /** Writes kernels/lagesbild-java/kernel.json under {@code base}, with absolute paths into this checkout. */
    private Path writeKernelSpec(Path base, Path mimaCache) {
        Path kernelJar = target().resolve("kernel/rapaio-jupyter-kernel.jar");
        Path launcher = launcherJar();
        Path lib = target().resolve("lib");
        if (!Files.isRegularFile(kernelJar) || launcher == null || !Files.isDirectory(lib)) {
            throw new WarehouseException("The Java kernel is not built: " + kernelJar + " or its launcher is missing. Build with `mvn -f "
                    + home.resolve("pom.xml") + " -DskipTests package` (./lagesbild does this on first use).");
        }
        Path java = kernelJdk().resolve("bin/java");
        Path spec = base.resolve("kernels").resolve(KERNEL);
        String json = "{\n  \"argv\": [\"" + java + "\","
                + " \"--add-opens=java.base/java.nio=ALL-UNNAMED\", \"-Djava.awt.headless=true\", \"-cp\", \""
                + kernelJar + ":" + launcher + "\", \"" + LAUNCHER + "\", \"{connection_file}\"],\n"
                + "  \"display_name\": \"Java (Lägesbild)\",\n  \"language\": \"java\",\n"
                + "  \"interrupt_mode\": \"message\",\n  \"env\": {\n    \"RJK_CLASSPATH\": \"" + lib + "/*.jar\",\n"
                + "    \"RJK_COMPILER_OPTIONS\": \"\",\n    \"RJK_INIT_SCRIPT\": \"\",\n    \"RJK_TIMEOUT_MILLIS\": \"-1\",\n"
                + "    \"RJK_MIMA_CACHE\": \"" + mimaCache + "\",\n    \"LAGESBILD_HOME\": \"" + home + "\"\n  }\n}\n";
        try {
            Files.createDirectories(mimaCache);
            Files.createDirectories(spec);
            writeIfChanged(spec.resolve("kernel.json"), json);
        } catch (IOException e) {
            throw new WarehouseException("Cannot write the kernelspec under " + spec + ": " + e.getMessage()
                    + ". Choose a folder you can write to (lagesbild kernel install --data-dir DIR, then JUPYTER_PATH=DIR).", e);
        }
        return spec;
    }

    /**
     * Writes {@code text} to {@code file} unless it holds it already, through a temporary file moved
     * into place, so that a Jupyter starting beside (another test, another `lagesbild notebook`) never
     * reads a half-written kernelspec.
     */
    private static void writeIfChanged(Path file, String text) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The kernel's main class: rapaio's, without its start-up race. */
    static final String LAUNCHER = "se.lagesbild.notebooks.kernel.KernelLauncher";

    /** The launcher's jar (target/kernel/*-kernel-launcher.jar), or null when not built. */
    private Path launcherJar() {
        try (Stream<Path> files = Files.list(target().resolve("kernel"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-kernel-launcher.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Debian's jupyter command. */
    public static String jupyterCommand() {
        for (String candidate : List.of("/usr/bin/jupyter", "/usr/local/bin/jupyter")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new WarehouseException("Jupyter is not installed. Install Debian's packages: apt-get install jupyter-nbconvert"
                + " python3-nbclient jupyter-client jupyter-notebook (./lagesbild demo and ./lagesbild test do this when run as root).");
    }

    /** A JDK 21 or newer for the kernel: LAGESBILD_KERNEL_JDK, else the newest under /usr/lib/jvm. */
    public static Path kernelJdk() {
        String chosen = System.getenv("LAGESBILD_KERNEL_JDK");
        if (chosen != null && !chosen.isBlank()) {
            Path jdk = Path.of(chosen);
            if (featureVersion(jdk) < MIN_KERNEL_JDK) {
                throw new WarehouseException("LAGESBILD_KERNEL_JDK=" + chosen + " is not a JDK " + MIN_KERNEL_JDK + " or newer.");
            }
            return jdk;
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> featureVersion(p) >= MIN_KERNEL_JDK).max(Comparator.comparingInt(Jupyter::featureVersion))
                    .orElseThrow(() -> new WarehouseException("The Java kernel needs a JDK " + MIN_KERNEL_JDK + " or newer and none is"
                            + " under /usr/lib/jvm. Install one (for example Temurin 25) or point LAGESBILD_KERNEL_JDK at it."));
        } catch (IOException e) {
            throw new WarehouseException("Cannot look for a JDK under /usr/lib/jvm: " + e.getMessage()
                    + ". Point LAGESBILD_KERNEL_JDK at a JDK " + MIN_KERNEL_JDK + " or newer.", e);
        }
    }

    /** The feature version in a JDK's {@code release} file (JAVA_VERSION="25.0.1"), 0 when none. */
    static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(line.indexOf('"') + 1).split("[.\"]")[0];
                    return Integer.parseInt(v.startsWith("1") && v.length() == 1 ? "1" : v);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Executes {@code notebook} headlessly with {@code parameters} in its environment and writes it
     * as {@code format} (html or notebook) to {@code out}/{@code name}. A failing cell fails the run
     * (errors are never allowed).
     *
     * @return what nbconvert printed
     * @throws WarehouseException naming the notebook and with the end of nbconvert's output, when a cell fails
     */
    public String execute(Path notebook, String format, Path out, String name, Map<String, String> parameters, int timeoutSeconds) {
        for (int attempt = 1; ; attempt++) {
            try {
                return executeOnce(notebook, format, out, name, parameters, timeoutSeconds);
            } catch (KernelDidNotStart e) {
                // the kernel (rapaio 3.0.1) now and then binds its sockets but never answers (seen in about one start
                // in ten here); a new kernel does
                if (attempt == START_ATTEMPTS) {
                    throw new WarehouseException("The Java kernel did not start in " + START_ATTEMPTS + " attempts of " + STARTUP_SECONDS
                            + " s each for " + notebook.getFileName() + ". Jupyter's output: " + e.getMessage());
                }
            }
        }
    }

    /** Starts of the kernel tried before giving up, and how long each may take to answer. */
    static final int START_ATTEMPTS = 5;
    static final int STARTUP_SECONDS = Integer.getInteger("lagesbild.kernelStartup", 20);

    /** The kernel did not answer its first request. */
    private static final class KernelDidNotStart extends RuntimeException {
        KernelDidNotStart(String log) {
            super(log);
        }
    }

    private String executeOnce(Path notebook, String format, Path out, String name, Map<String, String> parameters, int timeoutSeconds) {
        Map<String, String> env = prepare();
        List<String> command = new ArrayList<>(List.of(jupyterCommand(), "nbconvert", "--to", format, "--execute",
                "--ExecutePreprocessor.kernel_name=" + KERNEL, "--ExecutePreprocessor.timeout=" + timeoutSeconds,
                "--ExecutePreprocessor.startup_timeout=" + STARTUP_SECONDS,
                "--output-dir", out.toAbsolutePath().toString(), "--output", name, notebook.toAbsolutePath().toString()));
        if (format.equals("html")) {
            // the report's own page (notebooks/templates/lagesbild-report): no scripts, a table of contents, A4 print rules
            command.addAll(command.size() - 1, List.of("--no-input", "--template=" + REPORT_TEMPLATE,
                    "--TemplateExporter.extra_template_basedirs=" + notebooks().resolve("templates")));
        }
        ProcessBuilder builder = withEnvironment(new ProcessBuilder(command), env, parameters).redirectErrorStream(true)
                .directory(notebook.toAbsolutePath().getParent().toFile());
        try {
            Files.createDirectories(out);
            Process process = builder.start();
            Thread stop = stopsWithThisProcess(process);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds + 60L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new WarehouseException("Executing " + notebook + " took longer than " + timeoutSeconds + " s; stopped.");
            }
            Runtime.getRuntime().removeShutdownHook(stop);
            if (process.exitValue() != 0) {
                Path log = target().resolve("jupyter").resolve("last-failure.log");
                Files.writeString(log, output, StandardCharsets.UTF_8);
                // a kernel that never answered, or that died before its first answer (seen once on a loaded machine): start another
                if (output.contains("Kernel didn't respond in") || output.contains("Kernel died before replying to kernel_info")) {
                    throw new KernelDidNotStart(log.toString());
                }
                throw new WarehouseException("A cell of " + notebook.getFileName() + " failed, so nothing was written (Jupyter's whole"
                        + " output: " + log + "):\n" + tail(output.replaceAll("\u001B\\[[0-9;]*m", ""), 40));
            }
            return output;
        } catch (IOException e) {
            throw new WarehouseException("Cannot run Jupyter on " + notebook + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("Interrupted while executing " + notebook);
        }
    }

    /**
     * Opens Jupyter Notebook on the project's notebooks with the Java kernel, until stopped; as root
     * (as on this project's machines and in CI) with {@code --allow-root}, which Jupyter otherwise
     * refuses. Prints the address first; Jupyter prints its own with the token.
     *
     * @return Jupyter's exit code
     */
    public int open(Map<String, String> parameters, int port, java.io.PrintWriter out) {
        Map<String, String> env = prepare();
        List<String> command = new ArrayList<>(List.of(jupyterCommand(), "notebook", "--no-browser", "--ip=127.0.0.1", "--port=" + port,
                "--notebook-dir=" + notebooks()));
        if (isRoot()) {
            command.add("--allow-root");
        }
        ProcessBuilder builder = withEnvironment(new ProcessBuilder(command), env, parameters).inheritIO();
        out.printf("Jupyter Notebook on http://127.0.0.1:%d/ (open the address with the token that Jupyter prints below; the kernel is"
                + " \"Java (Lägesbild)\"). Stop with Ctrl-C.%n", port);
        out.flush();
        try {
            Process jupyter = builder.start();
            Thread stop = stopsWithThisProcess(jupyter);
            int exit = jupyter.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return exit;
        } catch (IOException e) {
            throw new WarehouseException("Cannot start Jupyter Notebook: " + e.getMessage()
                    + ". Install Debian's jupyter-notebook package.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * Stops {@code process} and everything it started (Jupyter's kernels) when this JVM ends: on
     * SIGTERM or SIGINT (kill, Ctrl-C) as on a normal exit. Without it a killed {@code lagesbild
     * notebook} left Jupyter serving on its port. Returns the hook, to remove once the process ended.
     */
    static Thread stopsWithThisProcess(Process process) {
        Thread hook = new Thread(() -> {
            if (!process.isAlive()) {
                return;
            }
            java.util.List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }, "stop-jupyter");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Jupyter's folders and the notebook parameters in the environment, Debian's python3 first on the PATH. */
    private static ProcessBuilder withEnvironment(ProcessBuilder builder, Map<String, String> env, Map<String, String> parameters) {
        builder.environment().putAll(env);
        builder.environment().putAll(parameters);
        builder.environment().put("PATH", "/usr/bin:/bin:" + builder.environment().getOrDefault("PATH", ""));
        return builder;
    }

    /** Whether this process runs as root (Jupyter then needs --allow-root). */
    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
