package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.security.AuditStreamMac;
import dev.e2ee.platform.test.EcsLogLines;
import dev.e2ee.platform.test.JsonLogsAndTracing;
import dev.e2ee.platform.test.OtlpReceiver;
import dev.e2ee.platform.test.OtlpSpan;
import dev.e2ee.vault.VaultIntegrationTest;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 18 (logs and traces), against real PostgreSQL and Redis: with {@code LOG_FORMAT=json} and
 * {@code TRACING_ENABLED=true}, the audit consumer continues the trace of the stream entry's {@code traceparent}
 * (its ECS log line has the event's request id and that trace id, its span reaches the OTLP receiver), and a
 * request's {@code traceparent} is continued by its server span, whose JDBC statements are {@code query} spans below
 * it (SQL text, never bind values). No prompt text or secret is in any exported span.
 */
@JsonLogsAndTracing
@TestPropertySource(properties = "logging.level.dev.e2ee.vault.audit.AuditStreamEntries=DEBUG")
class TracingAndJsonLogsIntegrationTests extends VaultIntegrationTest {

    static final OtlpReceiver OTLP = OtlpReceiver.SHARED;
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        OTLP.register(registry);
    }

    @Test
    void auditEntryWhenItCarriesATraceparentThenConsumerLogLineAndSpanShareThatTrace(CapturedOutput output) {
        String traceId = traceId();
        String requestId = "obs-" + UUID.randomUUID();
        Map<String, Object> event = streamEvent("prompt.process", "obs-user", "success");
        event.put("requestId", requestId);

        String entryEvent = json.writeValueAsString(event);
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        addStreamEntry(
                redis,
                Map.of(
                        "event",
                        entryEvent,
                        "traceparent",
                        traceparent,
                        AuditStreamMac.FIELD,
                        STREAM_MAC.sign(entryEvent, traceparent)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(EcsLogLines.of(output.getOut()))
                        .filteredOn(
                                line -> requestId.equals(line.path("requestId").asString()))
                        .as("the consumer's ECS line for the event")
                        .anySatisfy(line -> {
                            assertThat(EcsLogLines.field(line, "message"))
                                    .startsWith("audit stream: recorded prompt.process");
                            assertThat(EcsLogLines.field(line, "trace.id")).isEqualTo(traceId);
                            assertThat(EcsLogLines.field(line, "log.level")).isEqualTo("DEBUG");
                        }));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(OTLP.hasSpan(traceId, "audit consume")).isTrue());
    }

    @Test
    void requestWhenTracedThenServerSpanContinuesTheCallersTraceWithStatementSpansAndNoConfidentialValues() {
        String traceId = traceId();
        String text = "Mk" + UUID.randomUUID().toString().replace("-", "");
        String secret = "Sk" + UUID.randomUUID().toString().replace("-", "");
        String token = userToken();

        HttpRequest.Builder create = request("/api/v1/prompts", token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN_ID + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(Map.of("promptText", text, "secret", secret))));
        assertThat(send(create).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, OtlpSpan> trace =
                    OTLP.spans(traceId).stream().collect(Collectors.toMap(OtlpSpan::spanId, span -> span, (a, b) -> a));
            OtlpSpan server = trace.values().stream()
                    .filter(span -> span.name().equals("http post /api/v1/prompts"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no server span yet"));
            assertThat(server.parentSpanId()).isEqualTo(CALLER_SPAN_ID);
            assertThat(trace.values())
                    .filteredOn(span -> span.name().equals("query"))
                    .as("JDBC statement spans of the request")
                    .isNotEmpty()
                    .allSatisfy(query -> {
                        assertThat(ancestors(query, trace)).contains(server.spanId());
                        assertThat(query.attributes()).containsKey("jdbc.query[0]");
                        assertThat(query.attributes().keySet()).noneMatch(key -> key.startsWith("jdbc.params"));
                    })
                    .anySatisfy(query ->
                            assertThat(query.attributes().get("jdbc.query[0]")).contains("INSERT INTO prompts"));
        });
        assertThat(OTLP.spans(traceId))
                .flatMap(span -> span.attributes().values())
                .noneMatch(value -> value.contains(text) || value.contains(secret) || value.contains(token));
        assertThat(OTLP.received()).doesNotContain(text).doesNotContain(secret).doesNotContain(token);
    }

    @Test
    void dataSourceWhenTracingOnThenProxiedForStatementSpans() {
        assertThat(Proxy.isProxyClass(dataSource.getClass())).isTrue();
        assertThat(Proxy.getInvocationHandler(dataSource).getClass().getName()).startsWith("net.ttddyy.dsproxy.");
    }

    /** The span ids above {@code span} in {@code trace}, nearest first, as far as the exported spans reach. */
    private static List<String> ancestors(OtlpSpan span, Map<String, OtlpSpan> trace) {
        List<String> ancestors = new ArrayList<>();
        for (OtlpSpan parent = trace.get(span.parentSpanId());
                parent != null && !ancestors.contains(parent.spanId());
                parent = trace.get(parent.parentSpanId())) {
            ancestors.add(parent.spanId());
        }
        return ancestors;
    }

    private static String traceId() {
        return HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 16);
    }
}
