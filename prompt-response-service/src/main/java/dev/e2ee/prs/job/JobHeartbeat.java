package dev.e2ee.prs.job;

import dev.e2ee.prs.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs the claim heartbeats of this instance's running jobs on one daemon thread. A heartbeat that reports the claim
 * lost stops; a failing one (Redis unavailable) is logged and tried again at the next beat.
 */
@Component
class JobHeartbeat implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobHeartbeat.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /** A running heartbeat; closing it stops the beats. */
    static final class Beat implements AutoCloseable {

        private volatile ScheduledFuture<?> future;

        @Override
        public void close() {
            ScheduledFuture<?> running = future;
            if (running != null) {
                running.cancel(false);
            }
        }
    }

    /** Calls {@code refresh} every {@code interval} until the returned beat is closed or {@code refresh} is false. */
    Beat every(Duration interval, BooleanSupplier refresh) {
        long millis = Math.max(10, interval.toMillis());
        Beat beat = new Beat();
        beat.future =
                scheduler.scheduleWithFixedDelay(() -> beatOnce(beat, refresh), millis, millis, TimeUnit.MILLISECONDS);
        return beat;
    }

    private static void beatOnce(Beat beat, BooleanSupplier refresh) {
        try {
            if (!refresh.getAsBoolean()) {
                log.info("Job claim lost to another consumer; its result will be discarded if it finishes second");
                beat.close();
            }
        } catch (DataAccessException | StorageUnavailableException e) {
            log.warn("Job claim heartbeat failed ({}); retrying", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
