package dev.e2ee.vault.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.5: a failed decrypt reported by the prompt-response service for someone else's envelope (its ids taken
 * from an envelope that did not verify, or presented by a principal the envelope is not for) never lands in the
 * owner's envelope records.
 */
class EnvelopeDecryptionRecordsIntegrationTests extends VaultIntegrationTest {

    @Test
    void decryptFailureWhenReportedForAnotherUsersEnvelopeThenOwnersRecordsUnchanged() {
        String alice = newSubject();
        String aliceToken = token(alice, Role.USER);
        String promptId = createPrompt(aliceToken, "alice's prompt", "pw");
        String envelopeId = createEnvelope(aliceToken, promptId, "pw");
        Long aliceAuditRows = aliceAuditRows(alice);

        UUID forged = publish(failure(newSubject(), envelopeId, promptId, "BAD_SIGNATURE"));
        UUID replayByOther = publish(failure(newSubject(), envelopeId, promptId, "REPLAYED"));

        awaitRecorded(forged);
        awaitRecorded(replayByOther);
        assertEnvelopeUntouched(envelopeId, aliceToken);
        assertThat(aliceAuditRows(alice)).isEqualTo(aliceAuditRows);
    }

    @Test
    void decryptFailureWhenReportedForTheEnvelopesOwnPrincipalThenRecorded() {
        String alice = newSubject();
        String aliceToken = token(alice, Role.USER);
        String promptId = createPrompt(aliceToken, "alice's other prompt", "pw");
        String envelopeId = createEnvelope(aliceToken, promptId, "pw");

        UUID replay = publish(failure(alice, envelopeId, promptId, "REPLAYED"));

        awaitRecorded(replay);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM envelope_decryptions WHERE event_id = ?", Long.class, replay))
                .isEqualTo(1);
    }

    private static Map<String, Object> failure(String principal, String envelopeId, String promptId, String reason) {
        Map<String, Object> event = streamEvent("envelope.decrypt_failed", principal, "failure");
        event.put("envelopeId", envelopeId);
        event.put("promptId", promptId);
        event.put("reason", reason);
        return event;
    }

    private UUID publish(Map<String, Object> event) {
        publishAuditEvent(event);
        return UUID.fromString((String) event.get("eventId"));
    }

    private void awaitRecorded(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(auditRows(eventId)).isEqualTo(1));
    }

    private Long aliceAuditRows(String alice) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_logs WHERE principal = ?", Long.class, alice);
    }
}
