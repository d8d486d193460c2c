package se.lagesbild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** A process's memory as Linux reports it in /proc, for the benchmarks' peak-memory figures. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** This process's peak resident memory (VmHWM) in GB; NaN where /proc is not there. */
    static double peakRssGb() {
        return peakRssGb(ProcessHandle.current().pid());
    }

    /** Process {@code pid}'s peak resident memory (VmHWM) in GB; NaN when it cannot be read. */
    static double peakRssGb(long pid) {
        return statusGb(pid, "VmHWM:");
    }

    /** Process {@code pid}'s resident memory now (VmRSS) in GB; NaN when it cannot be read (the process ended). */
    static double rssGb(long pid) {
        return statusGb(pid, "VmRSS:");
    }

    /** This machine's memory (MemTotal of /proc/meminfo) in GB; NaN where /proc is not there. */
    static double machineGb() {
        return kbLineGb(Path.of("/proc/meminfo"), "MemTotal:");
    }

    /** A kB figure of /proc/PID/status in GB: the line that starts with {@code field}. */
    private static double statusGb(long pid, String field) {
        return kbLineGb(Path.of("/proc", String.valueOf(pid), "status"), field);
    }

    /** The kB figure on the line of {@code file} that starts with {@code field}, in GB; NaN when it cannot be read. */
    private static double kbLineGb(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1e6;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** The process listening on TCP {@code port} (found through the socket's inode in /proc), if this user can see it. */
    static OptionalLong listeningOn(int port) {
        String hexPort = String.format(":%04X", port);
        long inode = -1;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        inode = Long.parseLong(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: no pid
            }
        }
        if (inode < 0) {
            return OptionalLong.empty();
        }
        String socket = "socket:[" + inode + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> fds = Files.list(p.resolve("fd"))) {
                    if (fds.anyMatch(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().equals(socket);
                        } catch (IOException e) {
                            return false;
                        }
                    })) {
                        return OptionalLong.of(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // a process that ended, or one we may not look into
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
