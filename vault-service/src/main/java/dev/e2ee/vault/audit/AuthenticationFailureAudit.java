package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.AggregatedAuthenticationFailures;
import dev.e2ee.platform.security.AuthenticationFailureTally;
import dev.e2ee.vault.TimeOrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Records the platform's 401s (and refused token exchanges) aggregated ({@link AggregatedAuthenticationFailures}): at
 * most one {@code auth.failed} row per client address and minute, written once the minute is over, with the first
 * failure's request id and {@code details.count} / {@code details.reasons}; every
 * {@code e2ee.vault.audit.auth-failure-flush-interval}, the first time 10 s after startup.
 */
@Component
class AuthenticationFailureAudit extends AggregatedAuthenticationFailures {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationFailureAudit.class);

    private final AuditRecorder recorder;

    AuthenticationFailureAudit(AuditRecorder recorder, Clock clock, AuditProperties properties) {
        super(clock, properties.authFailureFlushInterval(), Duration.ofSeconds(10));
        this.recorder = recorder;
    }

    @Override
    protected boolean record(AuthenticationFailureTally.Summary summary) {
        try {
            recorder.insert(row(summary));
            return true;
        } catch (DataAccessException e) {
            log.warn(
                    "auth.failed audit rows not written ({}); retrying",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private AuditRow row(AuthenticationFailureTally.Summary summary) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", summary.count());
        details.put("reasons", summary.reasons());
        details.put("minute", summary.minute().toString());
        return new AuditRow(
                TimeOrderedIds.next(),
                summary.firstAt(),
                "auth.failed",
                AuditOutcome.FAILURE,
                null,
                summary.firstRequestId(),
                truncate(summary.clientAddress(), 64),
                "http",
                truncate(summary.method() + " " + summary.path(), 128),
                summary.mainReason(),
                details,
                "vault");
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
