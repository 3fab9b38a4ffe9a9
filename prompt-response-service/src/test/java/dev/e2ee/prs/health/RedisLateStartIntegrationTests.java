package dev.e2ee.prs.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.test.RedisServer;
import dev.e2ee.platform.test.TestInfrastructure;
import dev.e2ee.prs.IntegrationTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14.13: the prompt-response service starts while Redis is unreachable, reports not-ready (503), and becomes
 * ready once Redis answers. "Redis" is a port nothing listens on (or one that accepts connections and never answers)
 * until the test opens a forwarder on it to the real test Redis.
 */
class RedisLateStartIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void startWhenRedisUnreachableOrSilentThenStartsNotReadyAndBecomesReadyWhenRedisAnswers(boolean silent)
            throws Exception {
        RedisServer redis = TestInfrastructure.redis();
        int port = freePort();
        Map<String, Object> unreachableRedis = Map.of(
                "spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", Integer.toString(port),
                "e2ee.jobs.workers", "2");

        // silent: a port that accepts connections and never answers (a Redis too slow for the timeouts)
        ServerSocket blackHole = silent ? new ServerSocket(port) : null;
        try (ConfigurableApplicationContext app = IntegrationTestBase.startInstance(unreachableRedis)) {
            int appPort = IntegrationTestBase.portOf(app);
            assertThat(status(appPort, "/api/v1/health/live")).isEqualTo(200);
            assertThat(status(appPort, "/api/v1/health/ready")).isEqualTo(503);

            if (blackHole != null) {
                blackHole.close();
            }
            try (Forwarder forwarder = Forwarder.open(port, redis.host(), redis.port())) {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(status(appPort, "/api/v1/health/ready"))
                                .isEqualTo(200));
            }
        } finally {
            if (blackHole != null) {
                blackHole.close();
            }
        }
    }

    private int status(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A minimal TCP forwarder: every accepted connection is piped both ways to the target. */
    private record Forwarder(ServerSocket server) implements AutoCloseable {

        static Forwarder open(int port, String host, int targetPort) throws IOException {
            ServerSocket server = new ServerSocket(port);
            Thread acceptor = new Thread(() -> accept(server, host, targetPort), "redis-forwarder");
            acceptor.setDaemon(true);
            acceptor.start();
            return new Forwarder(server);
        }

        private static void accept(ServerSocket server, String host, int targetPort) {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(host, targetPort);
                    pipe(client, target);
                    pipe(target, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ended) {
                    // one side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException alreadyClosed) {
                // nothing to do
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
