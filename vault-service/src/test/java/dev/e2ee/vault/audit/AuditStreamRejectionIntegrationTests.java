package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.vault.VaultIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Entries on the audit stream that cannot be recorded because of their content (written by whoever can write to
 * Redis) are acknowledged, counted and logged without their content, and never stall the valid entries behind them
 * nor lose the valid entries of their batch.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditStreamRejectionIntegrationTests extends VaultIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void streamWhenEntriesTheDatabaseRefusesOrThatDoNotParseThenAckedCountedAndTheNextEntryRecorded(
            CapturedOutput output) {
        String marker = "poison-" + UUID.randomUUID();
        double refusedBefore = rejected("refused");
        double malformedBefore = rejected("malformed");
        Map<String, Object> nul = event(UUID.randomUUID(), Instant.now().toString());
        nul.put("principal", marker + "\u0000");
        Map<String, Object> farFuture = event(UUID.randomUUID(), "+300000-01-01T00:00:00Z");
        farFuture.put("principal", marker);
        UUID validBeforeId = UUID.randomUUID();
        UUID validId = UUID.randomUUID();

        add(json.writeValueAsString(event(validBeforeId, Instant.now().toString())));
        RecordId first = add(json.writeValueAsString(nul));
        RecordId second = add(json.writeValueAsString(farFuture));
        RecordId third = add("{\"eventId\": \"" + marker + "\"");
        add(json.writeValueAsString(event(validId, Instant.now().toString())));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(auditRows(validId))
                        .as("the valid entry behind the rejected ones")
                        .isEqualTo(1));
        assertThat(auditRows(validBeforeId))
                .as("the valid entry ahead of them, in the batch a refused entry rolled back")
                .isEqualTo(1);
        awaitAcknowledged(first, third);
        assertThat(rejected("refused")).isGreaterThanOrEqualTo(refusedBefore + 2);
        assertThat(rejected("malformed")).isGreaterThanOrEqualTo(malformedBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_logs WHERE principal LIKE ?", Long.class, marker + "%"))
                .isZero();
        assertThat(output)
                .contains("dropped entry " + first + " the database refused")
                .contains("dropped entry " + second + " the database refused")
                .contains("dropped malformed entry " + third)
                .doesNotContain(marker);
    }

    private double rejected(String reason) {
        return meters.counter(
                        AuditStreamEntries.REJECTED, List.of(io.micrometer.core.instrument.Tag.of("reason", reason)))
                .count();
    }

    private static Map<String, Object> event(UUID eventId, String timestamp) {
        Map<String, Object> event = streamEvent("prompt.process", "prompt-user", "success");
        event.put("eventId", eventId.toString());
        event.put("timestamp", timestamp);
        return event;
    }

    private RecordId add(String payload) {
        return AuditIntegrationTests.addEntry(redis, payload);
    }
}
