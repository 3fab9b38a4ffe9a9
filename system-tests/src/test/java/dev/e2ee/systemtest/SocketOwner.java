package dev.e2ee.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Which of our child processes owns a local TCP port (Linux {@code /proc}), to kill the one mid-call. */
final class SocketOwner {

    private SocketOwner() {}

    static Optional<ServiceProcess> of(int localPort, List<ServiceProcess> candidates) {
        Optional<String> inode = inode(localPort);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String link = "socket:[" + inode.get() + "]";
        for (ServiceProcess process : candidates) {
            if (process.alive() && holds(process.pid(), link)) {
                return Optional.of(process);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(hexPort)) {
                        return Optional.of(fields[9]);
                    }
                }
            } catch (IOException e) {
                // table missing (no IPv6): try the next
            }
        }
        return Optional.empty();
    }

    private static boolean holds(long pid, String link) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(link);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
