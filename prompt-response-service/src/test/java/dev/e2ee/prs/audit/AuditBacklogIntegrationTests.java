package dev.e2ee.prs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Finding 14.5: the audit stream is never trimmed by the publisher; a full backlog fails decryption closed. */
class AuditBacklogIntegrationTests extends IntegrationTestBase {

    private static final String STREAM = RedisKeys.AUDIT_STREAM + ":backlog-" + UUID.randomUUID();

    @DynamicPropertySource
    static void smallBacklog(DynamicPropertyRegistry registry) {
        registry.add("e2ee.audit.stream", () -> STREAM);
        registry.add("e2ee.audit.max-backlog", () -> "3");
    }

    @Test
    void decryptWhenBacklogAtLimitThen503AndNoEventDroppedAndOpensOnceTheVaultCaughtUp() {
        String alice = userToken("alice-" + UUID.randomUUID());
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var envelope = TestKeys.get().seal("backlog " + i);
            assertThat(decrypt(envelope, alice).statusCode()).isEqualTo(200);
            opened.add(envelope.id().toString());
        }
        redis.expire(STREAM, Duration.ofHours(1));
        var fourth = TestKeys.get().seal("backlog 3");

        HttpResponse<String> refused = decrypt(fourth, alice);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused).path("code").asString()).isEqualTo("AUDIT_UNAVAILABLE");
        List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(STREAM, Range.unbounded());
        assertThat(entries)
                .extracting(e -> JSON.readTree(String.valueOf(e.getValue().get("event")))
                        .path("envelopeId")
                        .asString())
                .as("every event of an answered decryption is still there")
                .containsExactlyElementsOf(opened);
        assertThat(entries)
                .as("each entry authenticated for the vault")
                .allMatch(IntegrationTestBase::authenticStreamEntry);
        redis.opsForStream().delete(STREAM, entries.get(0).getId());
        assertThat(decrypt(fourth, alice).statusCode())
                .as("the refused envelope was not consumed")
                .isEqualTo(200);
        redis.delete(STREAM);
    }

    @Test
    void publishWhenRedisLostTheStreamThenStreamRecreatedWithTheVaultsGroup() {
        redis.delete(STREAM);

        assertThat(decrypt(TestKeys.get().seal("after an empty Redis"), userToken("bob-" + UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(200);

        assertThat(redis.opsForStream().groups(STREAM))
                .extracting(group -> group.groupName())
                .as("the vault's group exists, so the event is delivered whenever the vault polls")
                .containsExactly("vault");
        redis.delete(STREAM);
    }

    private HttpResponse<String> decrypt(dev.e2ee.crypto.envelope.Envelope envelope, String token) {
        return post("/api/v1/envelopes/decrypt", token, "{\"envelope\":" + TestKeys.json(envelope) + "}");
    }
}
