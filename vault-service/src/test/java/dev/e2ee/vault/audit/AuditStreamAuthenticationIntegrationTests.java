package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.security.AuditStreamMac;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * Whoever can write to Redis but does not hold the services' shared key cannot put an event into the audit log: an
 * entry without a valid MAC (none, another key's, or a valid MAC over another event or trace context) records no
 * audit row, no decryption and no envelope status; it is acknowledged, counted and logged by stream id only.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditStreamAuthenticationIntegrationTests extends VaultIntegrationTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired
    MeterRegistry meters;

    @Test
    void streamWhenEntriesCarryNoOrAWrongMacThenNothingRecordedAndTheAuthenticEntryBehindRecorded(
            CapturedOutput output) {
        String alice = newSubject();
        String aliceToken = token(alice, Role.USER);
        String promptId = createPrompt(aliceToken, "alice's prompt", "pw");
        String envelopeId = createEnvelope(aliceToken, promptId, "pw");
        double before = unauthenticated();

        String noMac = decrypted(alice, envelopeId, promptId);
        String otherKey = decrypted(alice, envelopeId, promptId);
        String signed = decrypted(alice, envelopeId, promptId);
        String altered = signed.replace(alice, newSubject());
        String relinked = decrypted(alice, envelopeId, promptId);
        List<RecordId> forged = List.of(
                addStreamEntry(redis, Map.of("event", noMac)),
                addStreamEntry(
                        redis,
                        Map.of(
                                "event",
                                otherKey,
                                AuditStreamMac.FIELD,
                                AuditStreamMac.forSecret(random()).sign(otherKey, ""))),
                addStreamEntry(redis, Map.of("event", altered, AuditStreamMac.FIELD, STREAM_MAC.sign(signed, ""))),
                addStreamEntry(
                        redis,
                        Map.of(
                                "event",
                                relinked,
                                "traceparent",
                                TRACEPARENT,
                                AuditStreamMac.FIELD,
                                STREAM_MAC.sign(relinked, ""))),
                addStreamEntry(redis, Map.of("event", noMac, AuditStreamMac.FIELD, "not base64 !")));
        Map<String, Object> authenticEvent = streamEvent("prompt.process", "prompt-user", "success");
        UUID authentic = UUID.fromString((String) authenticEvent.get("eventId"));
        publishAuditEvent(authenticEvent);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(auditRows(authentic))
                        .as("the authentic entry behind the forged ones")
                        .isEqualTo(1));
        for (String event : List.of(noMac, otherKey, signed, relinked)) {
            assertThat(auditRows(UUID.fromString(eventId(event)))).isZero();
        }
        assertEnvelopeUntouched(envelopeId, aliceToken);
        awaitAcknowledged(forged.get(0), forged.get(forged.size() - 1));
        assertThat(unauthenticated()).isGreaterThanOrEqualTo(before + forged.size());
        forged.forEach(id -> assertThat(output).contains("dropped entry " + id + " without a valid MAC"));
        for (String event : List.of(noMac, otherKey, signed, relinked)) {
            assertThat(output).as("the log names stream ids, not content").doesNotContain(eventId(event));
        }
    }

    private String decrypted(String principal, String envelopeId, String promptId) {
        Map<String, Object> event = streamEvent("envelope.decrypt", principal, "success");
        event.put("envelopeId", envelopeId);
        event.put("promptId", promptId);
        return json.writeValueAsString(event);
    }

    private String eventId(String event) {
        return (String) json.readValue(event, Map.class).get("eventId");
    }

    private double unauthenticated() {
        return meters.counter(AuditStreamEntries.REJECTED, List.of(Tag.of("reason", "unauthenticated")))
                .count();
    }
}
