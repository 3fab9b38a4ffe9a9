package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.web.RequestContext;
import dev.e2ee.vault.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit rows, always through the database function {@code audit_append} (V6 migration). Successful
 * operations are recorded in the caller's transaction (so the row exists exactly when the change does), or handed to
 * the feature's repository as a {@link PendingAudit} to write in the same statement as the change; failures in their
 * own transaction, so they survive the rollback of what failed. Rows are inserted unsealed; {@link AuditChainSealer}
 * chains them shortly after commit. Never pass sensitive values.
 */
@Component
public class AuditRecorder {

    static final String APPEND = "SELECT audit_append(CAST(? AS jsonb))";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditRecorder(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A successful operation of the current principal, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void success(String action, String resourceType, Object resourceId, Map<String, ?> details) {
        insert(row(new AuditEvent(action, resourceType, resourceId, details), AuditOutcome.SUCCESS, null));
    }

    /**
     * The success row of the current principal and request for {@code event}, for the feature's repository to write
     * in the same statement as the change (one round trip; see {@link PendingAudit}).
     */
    public PendingAudit pending(AuditEvent event) {
        return new PendingAudit(document(row(event, AuditOutcome.SUCCESS, null)));
    }

    /** A refused or failed operation of the current principal, committed on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String action, String resourceType, Object resourceId, String reason) {
        insert(row(new AuditEvent(action, resourceType, resourceId, Map.of()), AuditOutcome.FAILURE, reason));
    }

    /** A successful operation that changes nothing else (e.g. a token exchange), committed on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void standalone(E2eePrincipal principal, String action, String resourceType, Object resourceId) {
        AuditRow row = row(new AuditEvent(action, resourceType, resourceId, Map.of()), AuditOutcome.SUCCESS, null);
        insert(new AuditRow(
                row.eventId(),
                row.occurredAt(),
                action,
                AuditOutcome.SUCCESS,
                principal.subject(),
                row.requestId(),
                row.clientAddress(),
                resourceType,
                row.resourceId(),
                null,
                Map.of("authMethod", authMethod(principal)),
                "vault"));
    }

    /** A row built by the caller (authentication failures, stream events); true when newly inserted. */
    @Transactional(propagation = Propagation.REQUIRED)
    boolean insert(AuditRow row) {
        return Boolean.TRUE.equals(
                jdbc.sql(APPEND).param(document(row)).query(Boolean.class).single());
    }

    /** The row as the JSON document {@code audit_append} reads (timestamps in microseconds, as stored). */
    String document(AuditRow row) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("eventId", row.eventId().toString());
        document.put(
                "occurredAt", row.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
        document.put("action", row.action());
        document.put("outcome", row.outcome().wireName());
        document.put("principal", row.principal());
        document.put("requestId", row.requestId());
        document.put("clientAddress", row.clientAddress());
        document.put("resourceType", row.resourceType());
        document.put("resourceId", row.resourceId());
        document.put("reason", row.reason());
        document.put("details", row.details());
        document.put("source", row.source());
        return json.writeValueAsString(document);
    }

    private AuditRow row(AuditEvent event, AuditOutcome outcome, String reason) {
        RequestContext request = RequestContext.current();
        E2eePrincipal principal = CurrentPrincipal.current().orElse(null);
        Map<String, Object> all = new LinkedHashMap<>(event.details());
        if (principal != null) {
            all.put("authMethod", authMethod(principal));
            if (principal.apiKeyId() != null) {
                all.put("apiKeyId", principal.apiKeyId());
            }
        }
        return new AuditRow(
                TimeOrderedIds.next(),
                Instant.now(clock),
                event.action(),
                outcome,
                principal == null ? null : principal.subject(),
                request.requestId(),
                request.clientAddress(),
                event.resourceType(),
                event.resourceId() == null ? null : event.resourceId().toString(),
                reason,
                all,
                "vault");
    }

    private static String authMethod(E2eePrincipal principal) {
        return principal.method().name().toLowerCase(Locale.ROOT);
    }
}
