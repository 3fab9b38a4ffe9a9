package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: one request followed end to end. A client sends {@code POST /api/v1/prompts/process} (async, an
 * envelope) with a known W3C {@code traceparent} through the real nginx gateway; the same trace id then appears in
 * the prompt-response service's JSON log line of the worker that ran the job, in the vault's JSON log line consuming
 * the job's {@code envelope.decrypt} audit event from the Redis stream, on the LLM call, and in the exported spans,
 * down to the vault's PostgreSQL query that records that event.
 */
@Order(40)
class TraceThroughGatewayTests {

    private static Cluster cluster;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        cluster = Cluster.get();
        gateway = Gateway.start(
                cluster.vault,
                cluster.prompts.get(cluster.livePrompt()),
                cluster.logDirectory.resolveSibling("gateway-" + System.nanoTime()));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void asyncPromptWhenSentThroughTheGatewayWithATraceparentThenWorkerAndAuditConsumerLogThatTrace() {
        Api api = new Api(cluster);
        Api.User user = api.user();
        String text = Sensitive.promptText();
        JsonNode envelope = api.newEnvelope(user, text);
        String traceId = randomHex(16);

        Http.Response accepted = Http.call(gateway.base(), "POST", "/api/v1/prompts/process")
                .bearer(user.token())
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .json(Map.of("envelope", envelope, "options", Map.of("async", true)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        awaitTrue(
                "job done",
                () -> Http.call(gateway.base(), "GET", location)
                                .bearer(user.token())
                                .send()
                                .status()
                        == 200);

        awaitTrue(
                "the worker's log line carries the trace",
                () -> logged(cluster.prompts, traceId, line -> message(line).startsWith("Job ")));
        awaitTrue(
                "the vault's audit consumption of the decryption carries the trace",
                () -> logged(
                        List.of(cluster.vault),
                        traceId,
                        line -> message(line).startsWith("audit stream: recorded envelope.decrypt")));
        assertThat(cluster.llm.traceparent(text))
                .as("the LLM call continues the trace")
                .hasValueSatisfying(header -> assertThat(header).startsWith("00-" + traceId + "-"));
        awaitTrue("spans of the trace exported", () -> cluster.otlp.hasTrace(traceId));
        awaitTrue(
                "the vault's PostgreSQL write of the audit event is a span of the trace",
                () -> cluster.otlp.spansOf(traceId).stream()
                        .anyMatch(span -> span.name().equals("query")
                                && "vault-db".equals(span.attributes().get("jdbc.datasource.name"))));
        assertThat(cluster.otlp.spansOf(traceId))
                .as("no span of the trace names the prompt text")
                .allSatisfy(span -> assertThat(span.toString()).doesNotContain(text));
    }

    /** True when a JSON log line of {@code processes} has {@code trace.id} = {@code traceId} and matches. */
    private static boolean logged(List<ServiceProcess> processes, String traceId, Predicate<JsonNode> matching) {
        return processes.stream()
                .flatMap(process -> process.logs().stream())
                .flatMap(TraceThroughGatewayTests::jsonLines)
                .filter(line -> traceId.equals(line.path("trace.id").asString()))
                .anyMatch(matching);
    }

    private static java.util.stream.Stream<JsonNode> jsonLines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("{"))
                    .flatMap(line -> {
                        try {
                            return java.util.stream.Stream.of(Http.JSON.readTree(line));
                        } catch (JacksonException e) {
                            return java.util.stream.Stream.empty();
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(JsonNode line) {
        return line.path("message").asString("");
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        Faults.await(what, Duration.ofSeconds(60), Duration.ofMillis(250), condition);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
