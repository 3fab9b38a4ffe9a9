package dev.e2ee.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One service jar running as a real process ({@code java -Xmx256m -jar …}) with its environment, on a fixed free
 * port that survives restarts. Output goes to a log file per start (scanned for leaks at the end of the suite).
 * Secrets travel in the environment, never on the command line.
 */
final class ServiceProcess {

    /** How long {@link #readyStatus()} waits for an answer before it counts as none (-1). */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final int port;
    private final Path logDirectory;
    private final List<Path> logs = new ArrayList<>();
    private Process process;
    private volatile boolean retired;

    ServiceProcess(
            String name,
            Path jar,
            Map<String, String> environment,
            List<String> arguments,
            int port,
            Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        this.port = port;
        this.logDirectory = logDirectory;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    String name() {
        return name;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (retired) {
            throw new IllegalStateException(name + " is stopped for good: the test JVM is exiting");
        }
        Path log = logDirectory.resolve(name + "-" + (logs.size() + 1) + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.security.egd=file:/dev/urandom",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            Files.createDirectories(logDirectory);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        logs.add(log);
    }

    /** Polls {@code /api/v1/health/ready} until it answers 200; fails with the log tail when the process dies. */
    void awaitReady(Duration timeout) {
        try {
            await(name + " ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!alive()) {
                            throw new IllegalStateException(name + " exited during startup:\n" + logTail(60));
                        }
                        return readyStatus() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail(60), e);
        }
    }

    /** Status of the readiness probe, or -1 when nothing answers. */
    int readyStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(base().resolve("/api/v1/health/ready"))
                    .timeout(PROBE_TIMEOUT)
                    .build();
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * No start after this: at JVM exit a background restart (a start-up retry in {@code Cluster.awaitReady}) could
     * otherwise launch the service again after it was stopped, and leave it running with nobody to stop it.
     */
    synchronized void retire() {
        retired = true;
    }

    /** SIGTERM, then SIGKILL when still running after {@code grace}; returns the exit code (or -1 if killed). */
    int terminate(Duration grace) {
        if (process == null) {
            return 0;
        }
        process.destroy(); // SIGTERM on Linux
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** {@code kill -9}: no shutdown hooks, no graceful shutdown. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM without waiting. */
    void signalTerm() {
        process.destroy();
    }

    /** Waits for the process to exit; the exit code, or empty if it was still running at the deadline. */
    java.util.OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue())
                    : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    List<Path> logs() {
        return List.copyOf(logs);
    }

    String logTail(int lines) {
        if (logs.isEmpty()) {
            return "(no log)";
        }
        try {
            List<String> all = Files.readAllLines(logs.get(logs.size() - 1), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
