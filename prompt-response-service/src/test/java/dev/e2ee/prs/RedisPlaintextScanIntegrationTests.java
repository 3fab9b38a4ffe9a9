package dev.e2ee.prs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.test.Eventually;
import dev.e2ee.prs.audit.AuthFailureAuditor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import tools.jackson.databind.JsonNode;

/**
 * Runs every flow that stores something (envelope, cache, session, async job, audit) with unique marker texts, then
 * reads every key in Redis, of every type, and proves neither a prompt nor a response is stored in plaintext.
 */
class RedisPlaintextScanIntegrationTests extends IntegrationTestBase {

    @Autowired
    AuthFailureAuditor authFailures;

    @Test
    void redisWhenAllFlowsRanThenNoPlaintextPromptOrResponseAnywhere() {
        String marker = "PLAINTEXT-MARKER-" + UUID.randomUUID();
        String tail = auditStreamTail();
        // Stream entries older than this test cannot hold its random marker: reading only the newer ones keeps the
        // scan quick on a shared Redis whose streams hold many entries (a benchmark's audit stream reached 1M).
        String since = (System.currentTimeMillis() - 60_000) + "-0";
        runAllFlows(marker);
        authFailures.flushAll();

        List<String> offending = new ArrayList<>();
        int scanned = 0;
        try (Cursor<String> keys =
                redis.scan(ScanOptions.scanOptions().count(1000).build())) {
            while (keys.hasNext()) {
                String key = keys.next();
                scanned++;
                if (key.contains(marker) || contentsOf(key, since).contains(marker)) {
                    offending.add(key);
                }
            }
        }

        assertThat(scanned).isGreaterThan(0);
        assertThat(offending).as("keys holding plaintext").isEmpty();
        List<String> types = auditEventsSince(tail).stream()
                .map(e -> e.path("type").asString())
                .toList();
        assertThat(types)
                .contains(
                        "envelope.decrypt",
                        "prompt.process",
                        "session.create",
                        "session.delete",
                        "job.complete",
                        "auth.failed");
    }

    private void runAllFlows(String marker) {
        String alice = userToken("alice");
        String envelope = TestKeys.json(TestKeys.get().seal(marker + " sealed"));
        assertThat(post("/api/v1/envelopes/decrypt", alice, "{\"envelope\":" + envelope + "}")
                        .statusCode())
                .isEqualTo(200);
        String envelope2 = TestKeys.json(TestKeys.get().seal(marker + " sealed-process"));
        assertThat(post("/api/v1/prompts/process", alice, "{\"envelope\":" + envelope2 + "}")
                        .statusCode())
                .isEqualTo(200);
        String plain = "{\"promptText\":\"" + marker + " cached\"}";
        assertThat(post("/api/v1/prompts/process", alice, plain).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/prompts/process", alice, plain).statusCode()).isEqualTo(200);
        String session = json(post("/api/v1/sessions", alice, "")).path("id").asString();
        for (int i = 0; i < 2; i++) {
            String turn = "{\"promptText\":\"" + marker + " turn " + i + "\",\"sessionId\":\"" + session + "\"}";
            assertThat(post("/api/v1/prompts/process", alice, turn).statusCode())
                    .isEqualTo(200);
        }
        String asyncBody = "{\"promptText\":\"" + marker + " async\",\"options\":{\"async\":true}}";
        String location = post("/api/v1/prompts/process", alice, asyncBody)
                .headers()
                .firstValue("Location")
                .orElseThrow();
        awaitDone(location, alice);
        String otherSession =
                json(post("/api/v1/sessions", alice, "")).path("id").asString();
        assertThat(delete("/api/v1/sessions/" + otherSession, alice).statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/sessions/" + session, "not-a-valid-token").statusCode())
                .isEqualTo(401);
    }

    private void awaitDone(String location, String token) {
        Eventually.status(() -> get(location, token).statusCode(), 200);
        HttpResponse<String> response = get(location, token);
        JsonNode body = json(response);
        assertThat(body.at("/response/result").asString()).endsWith("async");
    }

    private String contentsOf(String key, String sinceStreamId) {
        DataType type = redis.type(key);
        if (type == null) {
            return "";
        }
        return switch (type) {
            case STRING -> String.valueOf(redis.opsForValue().get(key));
            case HASH -> String.valueOf(redis.opsForHash().entries(key));
            case LIST -> String.valueOf(redis.opsForList().range(key, 0, -1));
            case SET -> String.valueOf(redis.opsForSet().members(key));
            case ZSET -> String.valueOf(redis.opsForZSet().range(key, 0, -1));
            case STREAM ->
                String.valueOf(
                        redis.opsForStream().range(key, Range.rightUnbounded(Range.Bound.inclusive(sinceStreamId))));
            default ->
                new String(String.valueOf(redis.dump(key)).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        };
    }
}
