package dev.e2ee.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real nginx gateway (gateway/nginx.local.conf.template with the shared http.conf and routes.conf, rendered the
 * way scripts/run-local.sh does) in front of the cluster's vault and one prompt-response instance. Skipped when
 * nginx is not installed, except in CI mode, where that fails.
 */
final class Gateway implements AutoCloseable {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).getParent();

    private final Process nginx;
    private final int port;

    private Gateway(Process nginx, int port) {
        this.nginx = nginx;
        this.port = port;
    }

    static Gateway start(ServiceProcess vault, ServiceProcess prompt, Path dir) {
        Optional<Path> binary = Stream.of(
                        System.getenv().getOrDefault("PATH", "").split(":"),
                        new String[] {"/usr/sbin", "/usr/local/sbin"})
                .flatMap(Stream::of)
                .map(p -> Path.of(p, "nginx"))
                .filter(Files::isExecutable)
                .findFirst();
        if (Infra.ciMode() && binary.isEmpty()) {
            throw new IllegalStateException("CI mode: nginx must be installed for the gateway system tests");
        }
        Assumptions.assumeTrue(binary.isPresent(), "nginx is not installed: gateway system tests skipped");
        int port = ServiceProcess.freePort();
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, render(dir, port, vault, prompt), StandardCharsets.UTF_8);
            Process nginx = new ProcessBuilder(
                            binary.get().toString(),
                            "-p",
                            dir.toString(),
                            "-c",
                            conf.toString(),
                            "-e",
                            dir.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            Gateway gateway = new Gateway(nginx, port);
            gateway.awaitListening(Duration.ofSeconds(20));
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static String render(Path dir, int port, ServiceProcess vault, ServiceProcess prompt) throws IOException {
        return Files.readString(REPOSITORY.resolve("gateway/nginx.local.conf.template"))
                .replace("@RUN_DIR@", dir.toString())
                .replace("@LOG_DIR@", dir.toString())
                .replace("@GATEWAY_DIR@", REPOSITORY.resolve("gateway").toString())
                .replace(
                        "@MIME_TYPES@",
                        REPOSITORY
                                .resolve("deploy-checks/src/test/resources/mime.types")
                                .toString())
                .replace("@LISTEN@", "127.0.0.1:" + port)
                .replace("@VAULT_UPSTREAM@", "127.0.0.1:" + vault.port())
                .replace("@PROMPT_UPSTREAM@", "127.0.0.1:" + prompt.port());
    }

    private void awaitListening(Duration timeout) {
        Faults.await("nginx listening on " + port, timeout, Duration.ofMillis(100), () -> {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited with " + nginx.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            nginx.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
