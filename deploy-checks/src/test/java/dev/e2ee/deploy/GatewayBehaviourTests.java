package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real nginx gateway config (gateway/nginx.local.conf.template + http.conf + routes.conf, rendered the
 * way scripts/run-local.sh does) in front of two stand-in upstreams that report who answered and what they
 * received. Skipped, with the reason, when nginx is not installed.
 */
class GatewayBehaviourTests {

    @TempDir
    static Path dir;

    private static HttpServer vault;
    private static HttpServer prompt;
    private static Process nginx;
    private static int gatewayPort;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startGateway() throws Exception {
        Path binary = HostTools.required("nginx", "nginx", "gateway behaviour tests");
        vault = stub("vault");
        prompt = stub("prompt");
        gatewayPort = freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, render(), StandardCharsets.UTF_8);
        nginx = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        conf.toString(),
                        "-e",
                        dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        awaitPort(gatewayPort);
    }

    @AfterAll
    static void stopGateway() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (vault != null) {
            vault.stop(0);
            prompt.stop(0);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/envelopes/decrypt, prompt",
        "POST, /api/v1/prompts/process, prompt",
        "POST, /api/v1/sessions, prompt",
        "GET, /api/v1/sessions/3f1c, prompt",
        "DELETE, /api/v1/sessions/3f1c, prompt",
        "GET, /api/v1/responses/9a2b, prompt",
        "POST, /api/v1/prompts, vault",
        "GET, /api/v1/prompts/process-not, vault",
        "GET, /api/v1/sessionsx, vault",
        "POST, /api/v1/envelopes, vault",
        "GET, /api/v1/health, vault",
        "GET, /api/docs, vault",
        "GET, /v3/api-docs, vault",
        "GET, /api/swagger-ui/index.html, vault"
    })
    void requestWhenProxiedThenReachesTheServiceTheSpecNames(String method, String path, String upstream)
            throws Exception {
        HttpResponse<String> response = send(method, path, "x-request-id-" + upstream);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Upstream")).contains(upstream);
        assertThat(response.body()).contains("path=" + path);
    }

    @Test
    void requestIdWhenSaneThenForwardedAndEchoedOtherwiseReplaced() throws Exception {
        HttpResponse<String> kept = send("GET", "/api/v1/health", "client-id-1");
        assertThat(kept.headers().allValues("X-Request-ID")).containsExactly("client-id-1");
        assertThat(kept.body()).contains("request-id=client-id-1");
        HttpResponse<String> generated = send("GET", "/api/v1/health", null);
        String id = generated.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(generated.body()).contains("request-id=" + id);
        HttpResponse<String> replaced = send("GET", "/api/v1/health", "bad id\"<script>");
        assertThat(replaced.headers().firstValue("X-Request-ID").orElseThrow()).matches("[0-9a-f]{32}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/prompts/process", "/api/v1/prompts"})
    void traceContextWhenSentThenForwardedUnchangedToEitherService(String path) throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=opaque")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("traceparent=" + traceparent, "tracestate=vendor=opaque");
    }

    @Test
    void proxiedRequestWhenSentThenCarriesTheClientAddressAndSecurityHeaders() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/health", "r1");
        assertThat(response.body()).contains("forwarded-for=127.0.0.1", "real-ip=127.0.0.1");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Server")).contains("nginx");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isEmpty();
    }

    @Test
    void forwardedForWhenSuppliedByTheClientThenReplacedByTheRealPeer() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/health"))
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Real-IP", "203.0.113.9")
                .timeout(Duration.ofSeconds(10))
                .build();
        String body = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body)
                .contains("forwarded-for=127.0.0.1\n", "real-ip=127.0.0.1")
                .doesNotContain("203.0.113.9");
    }

    @Test
    void bodyWhenOverOneMebibyteThenGateway413ProblemAndNothingForwarded() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/prompts"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(response.headers().firstValue("X-Upstream")).isEmpty();
    }

    @Test
    void pathWhenOutsideTheApiThenProblem404FromTheGateway() throws Exception {
        HttpResponse<String> response = send("GET", "/etc/passwd", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(response.headers().firstValue("X-Upstream")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/metrics",
                "/api/v1/metrics/",
                "/api/v1//metrics",
                "/api/v1/./metrics",
                "/api/v1/x/../metrics",
                "/api/v1/%6Detrics",
                "/api/v1/metrics;jsessionid=1",
                "/api/v1/metrics.txt"
            })
    void metricsPathWhenRequestedThroughTheGatewayThen404AndNothingForwarded(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(response.headers().firstValue("X-Upstream")).isEmpty();
    }

    private static HttpResponse<String> send(String method, String path, String requestId) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .timeout(Duration.ofSeconds(10));
        if (requestId != null) {
            builder.header("X-Request-ID", requestId);
        }
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gatewayPort + path);
    }

    private static String render() {
        return RepositoryFiles.read("gateway/nginx.local.conf.template")
                .replace("@RUN_DIR@", dir.toString())
                .replace("@LOG_DIR@", dir.toString())
                .replace("@GATEWAY_DIR@", RepositoryFiles.path("gateway").toString())
                .replace(
                        "@MIME_TYPES@",
                        RepositoryFiles.path("deploy-checks/src/test/resources/mime.types")
                                .toString())
                .replace("@LISTEN@", "127.0.0.1:" + gatewayPort)
                .replace("@VAULT_UPSTREAM@", "127.0.0.1:" + vault.getAddress().getPort())
                .replace("@PROMPT_UPSTREAM@", "127.0.0.1:" + prompt.getAddress().getPort());
    }

    /** A stand-in upstream: answers 200 with who it is and the request's path, id and forwarding headers. */
    private static HttpServer stub(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            var in = exchange.getRequestHeaders();
            String body = "path=" + exchange.getRequestURI().getPath() + "\nrequest-id=" + in.getFirst("X-Request-ID")
                    + "\nforwarded-for=" + in.getFirst("X-Forwarded-For") + "\nreal-ip=" + in.getFirst("X-Real-IP")
                    + "\ntraceparent=" + in.getFirst("traceparent") + "\ntracestate=" + in.getFirst("tracestate");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Upstream", name);
            exchange.getResponseHeaders().add("X-Request-ID", "upstream-must-be-hidden");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        await("nginx listening on " + port)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException notYet) {
                        assertThat(nginx.isAlive())
                                .as("nginx exited: " + Files.readString(dir.resolve("nginx.out")))
                                .isTrue();
                        return false;
                    }
                });
    }
}
