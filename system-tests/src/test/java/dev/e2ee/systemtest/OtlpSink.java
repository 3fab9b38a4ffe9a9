package dev.e2ee.systemtest;

import com.sun.net.httpserver.HttpServer;
import dev.e2ee.platform.test.OtlpSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The suite's OpenTelemetry collector stand-in: accepts OTLP/HTTP ({@code POST /v1/traces}, http/protobuf) from every
 * service and appends each raw body to one file, which the end-of-suite scan reads like a log (ISO-8859-1, one char
 * per byte: span names and attribute values are plain UTF-8 inside the protobuf), and keeps the decoded spans for
 * assertions on a trace's shape.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final Path file;
    private final List<OtlpSpan> spans = new ArrayList<>();

    OtlpSink(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                Files.write(file, body, StandardOpenOption.APPEND);
                spans.addAll(OtlpSpan.decode(body));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} for the services. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Path file() {
        return file;
    }

    /** Everything received so far, one char per byte. */
    synchronized String received() {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a span of trace {@code traceIdHex} (32 hex digits; 16 raw bytes on the wire) was received. */
    boolean hasTrace(String traceIdHex) {
        return received().contains(new String(HexFormat.of().parseHex(traceIdHex), StandardCharsets.ISO_8859_1));
    }

    /** The decoded spans of trace {@code traceIdHex} received so far. */
    synchronized List<OtlpSpan> spansOf(String traceIdHex) {
        return spans.stream().filter(span -> span.traceId().equals(traceIdHex)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
