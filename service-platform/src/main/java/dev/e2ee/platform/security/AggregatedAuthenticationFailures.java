package dev.e2ee.platform.security;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Audits the platform's 401s aggregated, the same way in both services: each {@link AuthenticationFailedEvent} is
 * counted in an {@link AuthenticationFailureTally} (at most one summary per client address and minute), and every
 * {@code flushInterval} the summaries of the minutes that are over are handed to the service's {@link #record}. A
 * summary that could not be recorded is kept and retried at the next flush; at shutdown every minute is flushed. A
 * flood of bad credentials therefore cannot grow the audit log faster than its number of sources.
 */
public abstract class AggregatedAuthenticationFailures implements SchedulingConfigurer {

    private static final int MAX_SOURCES_PER_MINUTE = 10_000;

    private final AuthenticationFailureTally tally = new AuthenticationFailureTally(MAX_SOURCES_PER_MINUTE);
    private final Clock clock;
    private final Duration flushInterval;
    private final Duration firstFlush;

    /**
     * @param flushInterval the service's setting: pause between two flushes
     * @param firstFlush delay of the first flush after startup
     */
    protected AggregatedAuthenticationFailures(Clock clock, Duration flushInterval, Duration firstFlush) {
        this.clock = clock;
        this.flushInterval = flushInterval;
        this.firstFlush = firstFlush;
    }

    @EventListener
    public void on(AuthenticationFailedEvent event) {
        tally.add(event, Instant.now(clock));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::flushEnded, flushInterval, firstFlush));
    }

    /** Records the summaries of the minutes that are over. */
    public void flushEnded() {
        flush(false);
    }

    /** Records every summary now, including the current minute's (shutdown, tests). */
    @PreDestroy
    public void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        for (AuthenticationFailureTally.Summary summary : tally.drain(Instant.now(clock), all)) {
            if (!record(summary)) {
                tally.restore(summary);
                return;
            }
        }
    }

    /**
     * Writes one summary to the service's audit log.
     *
     * @return false when the audit log is unavailable: the summary is kept and retried at the next flush
     */
    protected abstract boolean record(AuthenticationFailureTally.Summary summary);
}
