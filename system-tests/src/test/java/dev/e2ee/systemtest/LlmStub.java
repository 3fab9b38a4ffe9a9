package dev.e2ee.systemtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The only stand-in of the suite: a local OpenAI-compatible {@code POST /v1/chat/completions} endpoint (the
 * external LLM). It answers {@code "answer:" + <last user message>}; a message containing {@link #SLOW} is answered
 * after {@link #slowMillis} (a slow model, so an instance can be killed mid-call). It counts calls per message.
 */
final class LlmStub implements AutoCloseable {

    static final String SLOW = "[slow-llm]";

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Integer> callerPorts = new ConcurrentHashMap<>();
    private final Map<String, String> traceparents = new ConcurrentHashMap<>();
    private volatile long slowMillis = 8_000;
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "llm-stub-late");
        thread.setDaemon(true);
        return thread;
    });

    LlmStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "llm-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    void slowMillis(long millis) {
        this.slowMillis = millis;
    }

    int callsFor(String fragment) {
        return calls.entrySet().stream()
                .filter(entry -> entry.getKey().contains(fragment))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    /** The client port of the latest call whose message contains {@code fragment}, if any. */
    java.util.OptionalInt callerPort(String fragment) {
        return callerPorts.entrySet().stream()
                .filter(entry -> entry.getKey().contains(fragment))
                .mapToInt(Map.Entry::getValue)
                .findFirst();
    }

    /** The {@code traceparent} header of the latest call whose message contains {@code fragment}, if any. */
    java.util.Optional<String> traceparent(String fragment) {
        return traceparents.entrySet().stream()
                .filter(entry -> entry.getKey().contains(fragment))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public void close() {
        late.shutdownNow();
        server.stop(0);
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode request = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode messages = request.path("messages");
        String last = messages.path(messages.size() - 1).path("content").asString("");
        calls.computeIfAbsent(last, key -> new AtomicInteger()).incrementAndGet();
        callerPorts.put(last, exchange.getRemoteAddress().getPort());
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            traceparents.put(last, traceparent);
        }
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-stub",
                "object", "chat.completion",
                "model", request.path("model").asString("stub-model"),
                "choices",
                        List.of(Map.of(
                                "index",
                                0,
                                "message",
                                Map.of("role", "assistant", "content", "answer:" + last),
                                "finish_reason",
                                "stop")),
                "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2));
        byte[] bytes = Http.json(body).getBytes(StandardCharsets.UTF_8);
        if (last.contains(SLOW)) { // a slow model: the answer leaves later, no thread waits for it
            late.schedule(() -> send(exchange, bytes), slowMillis, TimeUnit.MILLISECONDS);
        } else {
            send(exchange, bytes);
        }
    }

    private static void send(HttpExchange exchange, byte[] bytes) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the caller went away (an instance killed mid-call)
        }
    }
}
