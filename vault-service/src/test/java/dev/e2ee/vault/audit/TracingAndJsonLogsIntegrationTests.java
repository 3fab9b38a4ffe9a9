package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.test.EcsLogLines;
import dev.e2ee.platform.test.JsonLogsAndTracing;
import dev.e2ee.platform.test.OtlpReceiver;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 18 (logs and traces), against real PostgreSQL and Redis: with {@code LOG_FORMAT=json} and
 * {@code TRACING_ENABLED=true}, the audit consumer continues the trace of the stream entry's {@code traceparent}
 * (its ECS log line has the event's request id and that trace id, its span reaches the OTLP receiver), and a
 * request's {@code traceparent} is continued by its server span. No prompt text or secret is in any exported span.
 */
@JsonLogsAndTracing
@TestPropertySource(properties = "logging.level.dev.e2ee.vault.audit.AuditStreamConsumer=DEBUG")
class TracingAndJsonLogsIntegrationTests extends VaultIntegrationTest {

    static final OtlpReceiver OTLP = OtlpReceiver.SHARED;

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        OTLP.register(registry);
    }

    @Test
    void auditEntryWhenItCarriesATraceparentThenConsumerLogLineAndSpanShareThatTrace(CapturedOutput output) {
        String traceId = traceId();
        String requestId = "obs-" + UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "prompt.process");
        event.put("principal", "obs-user");
        event.put("requestId", requestId);
        event.put("outcome", "success");
        event.put("timestamp", Instant.now().toString());

        redis.opsForStream()
                .add(StreamRecords.string(Map.of(
                                "event",
                                json.writeValueAsString(event),
                                "traceparent",
                                "00-" + traceId + "-00f067aa0ba902b7-01"))
                        .withStreamKey(AUDIT_STREAM));

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
    void requestWhenTracedThenServerSpanContinuesTheCallersTraceWithoutConfidentialValues() {
        String traceId = traceId();
        String text = "Mk" + UUID.randomUUID().toString().replace("-", "");
        String secret = "Sk" + UUID.randomUUID().toString().replace("-", "");
        String token = userToken();

        HttpRequest.Builder create = request("/api/v1/prompts", token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(Map.of("promptText", text, "secret", secret))));
        assertThat(send(create).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(OTLP.hasSpan(traceId, "http post /api/v1/prompts"))
                        .isTrue());
        assertThat(OTLP.received()).doesNotContain(text).doesNotContain(secret).doesNotContain(token);
    }

    private static String traceId() {
        return HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 16);
    }
}
