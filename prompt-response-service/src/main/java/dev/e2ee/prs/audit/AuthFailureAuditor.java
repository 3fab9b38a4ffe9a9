package dev.e2ee.prs.audit;

import dev.e2ee.platform.security.AggregatedAuthenticationFailures;
import dev.e2ee.platform.security.AuthenticationFailureTally;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the platform's 401s into {@code auth.failed} audit events (the reason stays in the audit log), aggregated
 * ({@link AggregatedAuthenticationFailures}): at most one event per client address and minute, published once the
 * minute is over, carrying the first failure's request id, the most frequent reason and {@code count}; every
 * {@code e2ee.audit.auth-failure-flush-interval}.
 */
@Component
public class AuthFailureAuditor extends AggregatedAuthenticationFailures {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureAuditor.class);

    private final AuditPublisher publisher;

    AuthFailureAuditor(AuditPublisher publisher, Clock clock, AuditProperties properties) {
        super(clock, properties.authFailureFlushInterval(), properties.authFailureFlushInterval());
        this.publisher = publisher;
    }

    @Override
    protected boolean record(AuthenticationFailureTally.Summary summary) {
        try {
            publisher.publish(AuditEvent.failure(AuditEvent.AUTH_FAILED, "anonymous", summary.mainReason())
                    .withRequest(summary.firstRequestId(), summary.clientAddress())
                    .aggregated(summary.count(), summary.firstAt()));
            return true;
        } catch (AuditUnavailableException e) {
            log.warn("auth.failed audit events not published; retrying");
            return false;
        }
    }
}
