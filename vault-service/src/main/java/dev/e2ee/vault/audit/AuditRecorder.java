package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.web.RequestContext;
import dev.e2ee.vault.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    private static final String COLUMNS = "event_id, occurred_at, action, outcome, principal, request_id,"
            + " client_address, resource_type, resource_id, reason, details, source";
    static final String INSERT = "INSERT INTO audit_logs (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (event_id) DO NOTHING";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditRecorder(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A successful operation of the current principal, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void success(String action, String resourceType, Object resourceId, Map<String, ?> details) {
        insert(row(action, AuditOutcome.SUCCESS, resourceType, resourceId, null, details));
    }

    /** One data-modifying statement (INSERT/UPDATE/DELETE without RETURNING) and its bind values. */
    public record Change(String sql, Object... args) {}

    /**
     * Changes and their success audit row in ONE SQL statement ({@code WITH c0 AS (<change 0>), c1 AS (...) INSERT
     * INTO audit_logs ...}): all commit together, in a single round trip, whether or not a transaction is open. The
     * hot paths of envelope and prompt creation use it (docs/performance.md). The changes run on one snapshot, so
     * none may read what another writes; a foreign key to a row inserted by an earlier change is fine (it is checked
     * at the end of the statement).
     */
    public void successWith(
            List<Change> changes, String action, String resourceType, Object resourceId, Map<String, ?> details) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            sql.append(i == 0 ? "WITH " : ", ").append('c').append(i).append(" AS (");
            sql.append(changes.get(i).sql()).append(") ");
            args.addAll(Arrays.asList(changes.get(i).args()));
        }
        args.addAll(Arrays.asList(args(row(action, AuditOutcome.SUCCESS, resourceType, resourceId, null, details))));
        jdbc.update(sql.append(INSERT).toString(), args.toArray());
    }

    /**
     * Runs {@code select} (at most one row) and, in the SAME statement, records a successful read of what it returns:
     * {@code WITH r AS (<select>), a AS (INSERT INTO audit_logs ... SELECT ... FROM r) SELECT * FROM r}. The audit
     * row commits exactly when a row is returned, in one round trip (docs/performance.md); nothing is recorded when
     * the select finds nothing. {@code detailsSql} is a jsonb expression over the selected columns (e.g.
     * {@code jsonb_build_object('version', r.version)}) added to the row's details.
     */
    public <T> Optional<T> read(
            String select,
            Object[] selectArgs,
            RowMapper<T> mapper,
            String action,
            String resourceType,
            Object resourceId,
            String detailsSql) {
        String sql = "WITH r AS (" + select + "), a AS (INSERT INTO audit_logs (" + COLUMNS + ")"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb) || " + detailsSql + ", ? FROM r"
                + " ON CONFLICT (event_id) DO NOTHING) SELECT * FROM r";
        Object[] auditArgs = args(row(action, AuditOutcome.SUCCESS, resourceType, resourceId, null, Map.of()));
        Object[] all = Arrays.copyOf(selectArgs, selectArgs.length + auditArgs.length);
        System.arraycopy(auditArgs, 0, all, selectArgs.length, auditArgs.length);
        return jdbc.query(sql, mapper, all).stream().findFirst();
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
                TimeOrderedIds.next(),
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
