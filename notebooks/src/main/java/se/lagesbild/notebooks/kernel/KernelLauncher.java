package se.lagesbild.notebooks.kernel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * Starts the rapaio Java kernel (3.0.1) as its own {@code MainApp} does, without its start-up race.
 *
 * <p>The kernel binds its five sockets, and starts a thread polling each, before it fills the map of
 * message handlers ({@code Channels.connect}). Jupyter sends its first {@code kernel_info_request} as
 * soon as it can connect; when that request reaches the shell socket before the map exists, the
 * shell thread dies on a {@code NullPointerException} that nobody sees (the kernel's standard error
 * goes to the notebook), and the kernel never answers: nbconvert stops after its
 * {@code startup_timeout} with "Kernel didn't respond". Which socket is bound first depends on an
 * immutable set's per-run order, so it happened in about one start in twelve here.
 *
 * <p>This launcher hands the channels, before they are bound, a handler map that waits until
 * {@code connect} has returned and then answers from the kernel's own map. A request that meets the
 * kernel's map while it is being filled finds no handler, is logged and dropped (no thread dies),
 * and Jupyter asks again a second later. Only JDK classes are used, by reflection, so this compiles
 * for Java 17 while the kernel's classes are Java 21.
 */
public final class KernelLauncher {
    private static final String KERNEL = "org.rapaio.jupyter.kernel.";

    private KernelLauncher() {
    }

    /** {@code args[0]}: the connection file Jupyter wrote. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            throw new IllegalArgumentException("Give the connection file Jupyter wrote (kernel.json: {connection_file}); got "
                    + String.join(" ", args));
        }
        // the kernel sends its standard streams to the notebook: a thread that dies says so on the process's own
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            stderr.println("Java kernel: thread " + thread.getName() + " stopped on " + e);
            e.printStackTrace(stderr);
        });
        Class<?> mainApp = Class.forName(KERNEL + "MainApp"); // its static initialiser makes the kernel
        try (InputStream logging = mainApp.getClassLoader().getResourceAsStream("logging.properties")) {
            if (logging != null) {
                LogManager.getLogManager().readConfiguration(logging);
            }
        }
        Class<?> propertiesClass = Class.forName(KERNEL + "core.ConnectionProperties");
        Object properties = Class.forName(KERNEL + "core.Transform").getMethod("fromJson", String.class, Class.class)
                .invoke(null, Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), propertiesClass);
        Field kernelField = mainApp.getDeclaredField("kernel");
        kernelField.setAccessible(true);
        Object kernel = kernelField.get(null);

        Class<?> channelsClass = Class.forName(KERNEL + "channels.Channels");
        Object channels = channelsClass.getConstructor(propertiesClass).newInstance(properties);
        Field handlers = channelsClass.getDeclaredField("handlers");
        handlers.setAccessible(true);
        CountDownLatch connected = new CountDownLatch(1);
        handlers.set(channels, new HandlersOnceConnected(connected, () -> (Map<?, ?>) handlers.get(channels)));
        channelsClass.getMethod("connect", kernel.getClass()).invoke(channels, kernel);
        connected.countDown();
        channelsClass.getMethod("joinUntilClose").invoke(channels);
    }

    /** How to read the kernel's own handler map once it is there. */
    @FunctionalInterface
    interface HandlerMap {
        Map<?, ?> read() throws IllegalAccessException;
    }

    /** A handler map that waits for the kernel's and then looks a message type up in it. */
    static final class HandlersOnceConnected extends AbstractMap<Object, Object> {
        private final CountDownLatch connected;
        private final HandlerMap kernels;

        HandlersOnceConnected(CountDownLatch connected, HandlerMap kernels) {
            this.connected = connected;
            this.kernels = kernels;
        }

        @Override
        public Object get(Object messageType) {
            try {
                connected.await();
                Map<?, ?> map = kernels.read();
                return map == this ? null : map.get(messageType);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
