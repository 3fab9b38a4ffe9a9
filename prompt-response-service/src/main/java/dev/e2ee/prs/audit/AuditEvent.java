package dev.e2ee.prs.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One event on the audit stream (format in docs/architecture.md). Never holds prompt text, responses, keys or
 * tokens: ids, the principal, the outcome and a short reason only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        UUID eventId,
        String type,
        String principal,
        UUID envelopeId,
        UUID promptId,
        String requestId,
        String clientAddress,
        String outcome,
        String reason,
        String timestamp,
        Long count) {

    public static final String ENVELOPE_DECRYPT = "envelope.decrypt";
    public static final String ENVELOPE_DECRYPT_FAILED = "envelope.decrypt_failed";
    public static final String PROMPT_PROCESS = "prompt.process";
    public static final String SESSION_CREATE = "session.create";
    public static final String SESSION_DELETE = "session.delete";
    public static final String JOB_COMPLETE = "job.complete";
    public static final String JOB_FAILED = "job.failed";
    public static final String AUTH_FAILED = "auth.failed";

    /** A successful event of this type by this principal, now. */
    public static AuditEvent success(String type, String principal) {
        return new AuditEvent(UUID.randomUUID(), type, principal, null, null, null, null, "success", null, now(), null);
    }

    /** A failed event of this type by this principal, now, with a short machine-readable reason. */
    public static AuditEvent failure(String type, String principal, String reason) {
        return new AuditEvent(
                UUID.randomUUID(), type, principal, null, null, null, null, "failure", reason, now(), null);
    }

    public AuditEvent withEnvelope(UUID envelope, UUID prompt) {
        return new AuditEvent(
                eventId,
                type,
                principal,
                envelope,
                prompt,
                requestId,
                clientAddress,
                outcome,
                reason,
                timestamp,
                count);
    }

    public AuditEvent withRequest(String request, String client) {
        return new AuditEvent(
                eventId, type, principal, envelopeId, promptId, request, client, outcome, reason, timestamp, count);
    }

    /** This event standing for {@code occurrences} of the same failure (aggregated {@code auth.failed}), at {@code at}. */
    public AuditEvent aggregated(long occurrences, java.time.Instant at) {
        return new AuditEvent(
                eventId,
                type,
                principal,
                envelopeId,
                promptId,
                requestId,
                clientAddress,
                outcome,
                reason,
                at.truncatedTo(ChronoUnit.MILLIS).toString(),
                occurrences);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
