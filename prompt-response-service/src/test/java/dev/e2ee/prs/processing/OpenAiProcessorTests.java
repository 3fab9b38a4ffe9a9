package dev.e2ee.prs.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI processor against a local HTTP stand-in for the chat-completions API (the only mock allowed). */
class OpenAiProcessorTests {

    private static final String OK_BODY = """
            {"id":"c1","model":"stand-in-model","choices":[{"index":0,"message":{"role":"assistant","content":"Hello back"}}],
             "usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    record Reply(int status, String body, boolean hang) {}

    record Recorded(String path, String authorization, String body) {}

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(
                exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = replies.isEmpty() ? new Reply(200, OK_BODY, false) : replies.poll();
        if (reply.hang()) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private OpenAiProcessor processor(String baseUrl, int minimumCalls) {
        OpenAiProperties properties = new OpenAiProperties(
                baseUrl,
                "test-llm-key",
                "configured-model",
                "Be brief.",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(10),
                2.0,
                50f,
                minimumCalls,
                minimumCalls,
                Duration.ofMinutes(5));
        return new OpenAiProcessor(properties, new OpenAiClient(properties, json));
    }

    private OpenAiProcessor processor() {
        return processor("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", 50);
    }

    private static ProcessorRequest request(List<ProcessorRequest.ChatTurn> history) {
        return new ProcessorRequest("What is E2EE?", history, ProcessOptions.defaults());
    }

    @Test
    void processWhenEndpointAnswersThenResultModelUsageAndHistoryAsMessages() {
        ProcessorResult result =
                processor().process(request(List.of(new ProcessorRequest.ChatTurn("first question", "first answer"))));

        assertThat(result.result()).isEqualTo("Hello back");
        assertThat(result.model()).isEqualTo("stand-in-model");
        assertThat(result.details()).containsEntry("totalTokens", 9);
        assertThat(requests).hasSize(1);
        Recorded sent = requests.get(0);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer test-llm-key");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("model").asString()).isEqualTo("configured-model");
        assertThat(body.path("messages").size()).isEqualTo(4);
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("first question");
        assertThat(body.path("messages").path(2).path("role").asString()).isEqualTo("assistant");
        assertThat(body.path("messages").path(3).path("content").asString()).isEqualTo("What is E2EE?");
    }

    @Test
    void processWhenEndpointFailsTwiceWith5xxThenRetriedAndSucceeds() {
        replies.add(new Reply(502, "{}", false));
        replies.add(new Reply(500, "{}", false));

        ProcessorResult result = processor().process(request(List.of()));

        assertThat(result.result()).isEqualTo("Hello back");
        assertThat(requests).hasSize(3);
    }

    @Test
    void processWhenEndpointKeepsFailingWith5xxThenUnavailableAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            replies.add(new Reply(503, "{\"error\":\"overloaded\"}", false));
        }

        assertThatThrownBy(() -> processor().process(request(List.of())))
                .isInstanceOf(ProcessorUnavailableException.class);
        assertThat(requests).hasSize(3);
    }

    @Test
    void processWhenEndpointIsSlowThenTimeoutWithoutRetry() {
        replies.add(new Reply(200, OK_BODY, true));

        long started = System.nanoTime();
        assertThatThrownBy(() -> processor().process(request(List.of()))).isInstanceOf(ProcessorTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(requests).hasSize(1);
    }

    @Test
    void processWhenEndpointRefusesTheRequestThenUnavailableWithoutRetry() {
        replies.add(new Reply(401, "{\"error\":\"bad key\"}", false));

        assertThatThrownBy(() -> processor().process(request(List.of())))
                .isInstanceOf(ProcessorUnavailableException.class);
        assertThat(requests).hasSize(1);
    }

    @Test
    void processWhenEndpointIsDownThenUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() ->
                        processor("http://127.0.0.1:" + closedPort + "/v1", 50).process(request(List.of())))
                .isInstanceOf(ProcessorUnavailableException.class);
    }

    @Test
    void processWhenFailuresExceedThresholdThenCircuitOpensAndCallsFailFast() {
        for (int i = 0; i < 20; i++) {
            replies.add(new Reply(500, "{}", false));
        }
        OpenAiProcessor processor =
                processor("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", 4);

        assertThatThrownBy(() -> processor.process(request(List.of())))
                .isInstanceOf(ProcessorUnavailableException.class);
        assertThatThrownBy(() -> processor.process(request(List.of())))
                .isInstanceOf(ProcessorUnavailableException.class);
        int seenWhenOpen = requests.size();

        assertThat(processor.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> processor.process(request(List.of())))
                .isInstanceOf(ProcessorUnavailableException.class);
        assertThat(requests).hasSize(seenWhenOpen);
    }
}
