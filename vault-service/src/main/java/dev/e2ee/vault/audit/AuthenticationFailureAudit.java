package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.AuthenticationFailedEvent;
import dev.e2ee.platform.security.AuthenticationFailureTally;
import dev.e2ee.vault.TimeOrderedIds;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Records the platform's 401s (and refused token exchanges) aggregated: at most one {@code auth.failed} row per
 * client address and minute, written once the minute is over, with the first failure's request id and
 * {@code details.count} / {@code details.reasons}. A flood of bad credentials therefore cannot grow the append-only
 * audit log faster than its number of sources.
 */
@Component
class AuthenticationFailureAudit implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationFailureAudit.class);
    private static final int MAX_SOURCES_PER_MINUTE = 10_000;

    private final AuditRecorder recorder;
    private final Clock clock;
    private final AuditProperties properties;
    private final AuthenticationFailureTally tally = new AuthenticationFailureTally(MAX_SOURCES_PER_MINUTE);

    AuthenticationFailureAudit(AuditRecorder recorder, Clock clock, AuditProperties properties) {
        this.recorder = recorder;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener
    void on(AuthenticationFailedEvent event) {
        tally.add(event, Instant.now(clock));
    }

    /** Flushes every {@code e2ee.vault.audit.auth-failure-flush-interval}, the first time 10 s after startup. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::flushEnded, properties.authFailureFlushInterval(), Duration.ofSeconds(10)));
    }

    /** Writes the rows of the minutes that are over. */
    void flushEnded() {
        flush(false);
    }

    /** Writes every row now, including the current minute's (shutdown, tests). */
    @PreDestroy
    void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        for (AuthenticationFailureTally.Summary summary : tally.drain(Instant.now(clock), all)) {
            try {
                recorder.insert(row(summary));
            } catch (DataAccessException e) {
                tally.restore(summary);
                log.warn(
                        "auth.failed audit rows not written ({}); retrying",
                        e.getClass().getSimpleName());
                return;
            }
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
