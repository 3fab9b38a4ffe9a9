package dev.e2ee.prs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.test.EcsLogLines;
import dev.e2ee.platform.test.JsonLogsAndTracing;
import dev.e2ee.platform.test.OtlpReceiver;
import dev.e2ee.prs.IntegrationTestBase;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 (logs and traces), against real Redis: {@code LOG_FORMAT=json} gives ECS JSON lines with the request id;
 * with {@code TRACING_ENABLED=true} a caller's {@code traceparent} is continued, spans reach an OTLP receiver, and
 * the async job's stream entry and its audit event carry the trace to the worker (same trace id in its log line and
 * its span). Nothing confidential is in the exported spans.
 */
@JsonLogsAndTracing
@TestPropertySource(properties = "logging.level.dev.e2ee.prs.audit=DEBUG")
class TracingAndJsonLogsIntegrationTests extends IntegrationTestBase {

    static final OtlpReceiver OTLP = OtlpReceiver.SHARED;

    @Autowired
    Tracer tracer;

    @Autowired
    JobStore queue;

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        OTLP.register(registry);
    }

    @Test
    void asyncPromptWhenTracedThenStreamEntriesWorkerLogAndSpansShareTheCallersTrace(CapturedOutput output) {
        String traceId = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 16);
        String requestId = "obs-" + UUID.randomUUID();
        String marker = "Mk" + UUID.randomUUID().toString().replace("-", "");
        String token = userToken("obs-" + UUID.randomUUID());
        String auditTail = auditStreamTail();

        HttpResponse<String> accepted = post(
                "/api/v1/prompts/process",
                token,
                "{\"promptText\":\"traced " + marker + "\",\"options\":{\"async\":true}}",
                "X-Request-ID",
                requestId,
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(location, token).statusCode() == 200);

        assertThat(auditTraceparents(auditTail))
                .as("the job's audit event carries the caller's trace, authenticated with its event")
                .anyMatch(traceparent -> traceparent.startsWith("00-" + traceId + "-"));
        List<JsonNode> lines = EcsLogLines.of(output.getOut());
        assertThat(lines)
                .as("ECS JSON lines of this request, the worker's included")
                .filteredOn(line -> requestId.equals(line.path("requestId").asString()))
                .anyMatch(line -> EcsLogLines.field(line, "message").startsWith("Job "))
                .allSatisfy(line -> {
                    assertThat(line.has("@timestamp")).isTrue();
                    assertThat(EcsLogLines.field(line, "log.level")).isNotBlank();
                    assertThat(EcsLogLines.field(line, "trace.id")).isEqualTo(traceId);
                    assertThat(EcsLogLines.field(line, "span.id")).matches("[0-9a-f]{16}");
                });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(OTLP.hasSpan(traceId, "job run")).as("worker span").isTrue();
            assertThat(OTLP.hasSpan(traceId, "http post /api/v1/prompts/process"))
                    .as("server span")
                    .isTrue();
        });
        assertThat(OTLP.received()).doesNotContain(marker).doesNotContain(token);
    }

    @Test
    void jobEntryWhenQueuedInsideASpanThenHoldsItsTraceparentAndOutsideNone() {
        JobRequest request = new JobRequest(UUID.randomUUID(), "obs-owner", "req-1", null, "{}");
        Span span = tracer.nextSpan().name("test").start();
        MapRecord<String, String, String> traced;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            traced = queue.record(request);
        } finally {
            span.end();
        }

        assertThat(traced.getValue().get("traceparent"))
                .isEqualTo(
                        "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        assertThat(queue.record(request).getValue()).doesNotContainKey("traceparent");
    }

    @Test
    void metricsWhenScrapedAsOpenMetricsThenLatencyBucketsCarryTheTraceAsExemplar() {
        String traceId = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 16);
        HttpResponse<String> created = post(
                "/api/v1/sessions",
                userToken("obs-" + UUID.randomUUID()),
                "",
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<String> scrape =
                get("/api/v1/metrics", null, "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");

        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(scrape.body().lines())
                .anyMatch(line -> line.startsWith("http_request_duration_seconds_bucket{")
                        && line.contains("route=\"/api/v1/sessions\"")
                        && line.contains("trace_id=\"" + traceId + "\""));
    }

    private List<String> auditTraceparents(String sinceId) {
        List<MapRecord<String, Object, Object>> records =
                redis.opsForStream().range("e2ee:audit:events", Range.rightUnbounded(Range.Bound.exclusive(sinceId)));
        return records == null
                ? List.of()
                : records.stream()
                        .filter(IntegrationTestBase::authenticStreamEntry)
                        .map(r -> String.valueOf(r.getValue().get("traceparent")))
                        .toList();
    }
}
