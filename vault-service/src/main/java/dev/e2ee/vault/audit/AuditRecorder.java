package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.web.RequestContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit rows. Successful operations are recorded in the caller's transaction (so the row exists exactly
 * when the change does); failures in their own transaction, so they survive the rollback of what failed. Rows are
 * inserted unsealed; {@link AuditChainSealer} chains them shortly after commit. Never pass sensitive values.
 */
@Component
public class AuditRecorder {

    static final String INSERT = """
            INSERT INTO audit_logs (event_id, occurred_at, action, outcome, principal, request_id, client_address,
                                    resource_type, resource_id, reason, details, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (event_id) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditRecorder(JdbcTemplate jdbc, JsonMapper json, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A successful operation of the current principal, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void success(String action, String resourceType, Object resourceId, Map<String, ?> details) {
        insert(row(action, AuditOutcome.SUCCESS, resourceType, resourceId, null, details));
    }

    /**
     * A change and its success audit row in ONE SQL statement ({@code WITH change AS (<changeSql>) INSERT INTO
     * audit_logs ...}): both commit together, in a single round trip, whether or not a transaction is open. The hot
     * path of envelope creation uses it (docs/performance.md); {@code changeSql} must be one INSERT/UPDATE/DELETE
     * without RETURNING.
     */
    public void successWith(
            String changeSql,
            Object[] changeArgs,
            String action,
            String resourceType,
            Object resourceId,
            Map<String, ?> details) {
        Object[] auditArgs = args(row(action, AuditOutcome.SUCCESS, resourceType, resourceId, null, details));
        Object[] all = new Object[changeArgs.length + auditArgs.length];
        System.arraycopy(changeArgs, 0, all, 0, changeArgs.length);
        System.arraycopy(auditArgs, 0, all, changeArgs.length, auditArgs.length);
        jdbc.update("WITH change AS (" + changeSql + ") " + INSERT, all);
    }

    /** A refused or failed operation of the current principal, committed on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String action, String resourceType, Object resourceId, String reason) {
        insert(row(action, AuditOutcome.FAILURE, resourceType, resourceId, reason, Map.of()));
    }

    /** A successful operation that changes nothing else (e.g. a token exchange), committed on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void standalone(E2eePrincipal principal, String action, String resourceType, Object resourceId) {
        AuditRow row = row(action, AuditOutcome.SUCCESS, resourceType, resourceId, null, Map.of());
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
                json.writeValueAsString(
                        Map.of("authMethod", principal.method().name().toLowerCase(java.util.Locale.ROOT))),
                "vault"));
    }

    /** A row built by the caller (authentication failures, stream events); true when newly inserted. */
    @Transactional(propagation = Propagation.REQUIRED)
    boolean insert(AuditRow row) {
        return jdbc.update(INSERT, args(row)) == 1;
    }

    private static Object[] args(AuditRow row) {
        return new Object[] {
            row.eventId(),
            Timestamp.from(row.occurredAt().truncatedTo(ChronoUnit.MICROS)),
            row.action(),
            row.outcome().wireName(),
            row.principal(),
            row.requestId(),
            row.clientAddress(),
            row.resourceType(),
            row.resourceId(),
            row.reason(),
            row.detailsJson(),
            row.source()
        };
    }

    private AuditRow row(
            String action,
            AuditOutcome outcome,
            String resourceType,
            Object resourceId,
            String reason,
            Map<String, ?> details) {
        RequestContext request = RequestContext.current();
        E2eePrincipal principal = CurrentPrincipal.current().orElse(null);
        Map<String, Object> all = new LinkedHashMap<>(details);
        if (principal != null) {
            all.put("authMethod", principal.method().name().toLowerCase(java.util.Locale.ROOT));
            if (principal.apiKeyId() != null) {
                all.put("apiKeyId", principal.apiKeyId());
            }
        }
        return new AuditRow(
                UUID.randomUUID(),
                Instant.now(clock),
                action,
                outcome,
                principal == null ? null : principal.subject(),
                request.requestId(),
                request.clientAddress(),
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                reason,
                json.writeValueAsString(all),
                "vault");
    }
}
