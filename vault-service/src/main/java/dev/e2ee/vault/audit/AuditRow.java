package dev.e2ee.vault.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit row as inserted (unsealed). {@code detailsJson} is a JSON object without sensitive values. */
record AuditRow(
        UUID eventId,
        Instant occurredAt,
        String action,
        AuditOutcome outcome,
        String principal,
        String requestId,
        String clientAddress,
        String resourceType,
        String resourceId,
        String reason,
        String detailsJson,
        String source) {}
