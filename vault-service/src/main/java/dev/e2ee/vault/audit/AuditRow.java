package dev.e2ee.vault.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit row as written: every column except the id; an object without sensitive values. */
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
        Map<String, ?> details,
        String source) {}
