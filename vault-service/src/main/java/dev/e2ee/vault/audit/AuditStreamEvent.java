package dev.e2ee.vault.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** One event of {@code e2ee:audit:events} (format in docs/architecture.md); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditStreamEvent(
        UUID eventId,
        String type,
        String principal,
        UUID envelopeId,
        UUID promptId,
        String requestId,
        String clientAddress,
        String outcome,
        String reason,
        Instant timestamp,
        Long count) {

    boolean valid() {
        return eventId != null
                && type != null
                && type.length() <= 64
                && timestamp != null
                && ("success".equals(outcome) || "failure".equals(outcome));
    }

    boolean isDecryption() {
        return type.startsWith("envelope.decrypt") && envelopeId != null;
    }
}
