package dev.e2ee.prs.audit;

import dev.e2ee.platform.security.AuthenticationFailedEvent;
import dev.e2ee.platform.security.AuthenticationFailureTally;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the platform's 401s into {@code auth.failed} audit events (the reason stays in the audit log), aggregated:
 * at most one event per client address and minute, published once the minute is over, carrying the first failure's
 * request id, the most frequent reason and {@code count}.
 */
@Component
public class AuthFailureAuditor {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureAuditor.class);
    private static final int MAX_SOURCES_PER_MINUTE = 10_000;

    private final AuditPublisher publisher;
    private final Clock clock;
    private final AuthenticationFailureTally tally = new AuthenticationFailureTally(MAX_SOURCES_PER_MINUTE);

    AuthFailureAuditor(AuditPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationFailedEvent event) {
        tally.add(event, Instant.now(clock));
    }

    /** Publishes the events of the minutes that are over. */
    /** Every {@code e2ee.audit.auth-failure-flush-interval} (scheduled in {@link AuditScheduling}). */
    void flushEnded() {
        flush(false);
    }

    /** Publishes every event now, including the current minute's (shutdown, tests). */
    @PreDestroy
    public void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        for (AuthenticationFailureTally.Summary summary : tally.drain(Instant.now(clock), all)) {
            try {
                publisher.publish(AuditEvent.failure(AuditEvent.AUTH_FAILED, "anonymous", summary.mainReason())
                        .withRequest(summary.firstRequestId(), summary.clientAddress())
                        .aggregated(summary.count(), summary.firstAt()));
            } catch (AuditUnavailableException e) {
                tally.restore(summary);
                log.warn("auth.failed audit events not published; retrying");
                return;
            }
        }
    }
}
