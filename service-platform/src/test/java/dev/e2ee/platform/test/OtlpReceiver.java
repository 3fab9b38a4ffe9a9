package dev.e2ee.platform.test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An in-process OTLP/HTTP trace receiver for tests: answers {@code POST /v1/traces} with 200 and keeps every raw
 * (http/protobuf) request body, so tests can look for trace ids (16 raw bytes), span names and attribute values
 * (UTF-8 strings) in what a service exported, or read the decoded {@link #spans() spans}. {@link #SHARED} serves the test classes annotated
 * {@link JsonLogsAndTracing} (one per JVM, on daemon threads).
 */
public final class OtlpReceiver implements AutoCloseable {

    public static final OtlpReceiver SHARED = start();

    private final HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                receiver.bodies.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OTLP base URL ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The traces endpoint (Boot's {@code management.opentelemetry.tracing.export.otlp.endpoint}). */
    public String tracesUrl() {
        return baseUrl() + "/v1/traces";
    }

    /** Points the service's span exporter here (call from a {@code @DynamicPropertySource} method). */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", this::tracesUrl);
    }

    /** Every body received so far, as ISO-8859-1 text (one char per byte, so byte searches work on strings). */
    public String received() {
        StringBuilder all = new StringBuilder();
        bodies.forEach(body -> all.append(new String(body, StandardCharsets.ISO_8859_1)));
        return all.toString();
    }

    /** Every span received so far, decoded ({@link OtlpSpan}). */
    public List<OtlpSpan> spans() {
        return bodies.stream().flatMap(body -> OtlpSpan.decode(body).stream()).toList();
    }

    /** The spans of the trace {@code traceIdHex} received so far. */
    public List<OtlpSpan> spans(String traceIdHex) {
        return spans().stream()
                .filter(span -> span.traceId().equalsIgnoreCase(traceIdHex))
                .toList();
    }

    /** True when an exported span belongs to the trace {@code traceIdHex} (32 hex digits). */
    public boolean hasTrace(String traceIdHex) {
        return received().contains(new String(HexFormat.of().parseHex(traceIdHex), StandardCharsets.ISO_8859_1));
    }

    /** True when some exported span of the trace {@code traceIdHex} is named {@code spanName} (same request body). */
    public boolean hasSpan(String traceIdHex, String spanName) {
        String id = new String(HexFormat.of().parseHex(traceIdHex), StandardCharsets.ISO_8859_1);
        return bodies.stream()
                .map(body -> new String(body, StandardCharsets.ISO_8859_1))
                .anyMatch(body -> body.contains(id) && body.contains(spanName));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
