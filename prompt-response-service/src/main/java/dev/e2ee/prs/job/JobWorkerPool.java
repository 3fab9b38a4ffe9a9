package dev.e2ee.prs.job;

import dev.e2ee.platform.tracing.StreamTraceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker threads of this instance: each (re)creates the consumer group when it starts and after any failed
 * Redis call (so a Redis that came back empty is set up again), reads new jobs from the consumer group and, every
 * {@code reclaimInterval}, one of them takes over jobs left unacknowledged by a dead consumer. Stopping (graceful
 * shutdown) stops reading, lets running jobs finish for up to {@code shutdownWait} and leaves everything else
 * pending in the group for the other instances.
 */
@Component
class JobWorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkerPool.class);

    private final JobConsumerGroup stream;
    private final JobRunner worker;
    private final JobProperties properties;
    private final StreamTraceContext traces;
    private final String instance = instanceName();
    private final AtomicLong nextReclaim = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    JobWorkerPool(JobConsumerGroup stream, JobRunner worker, JobProperties properties, StreamTraceContext traces) {
        this.stream = stream;
        this.worker = worker;
        this.properties = properties;
        this.traces = traces;
    }

    @Override
    public synchronized void start() {
        if (running || properties.workers() <= 0) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            String consumer = instance + "-" + i;
            threads.add(new Thread(() -> loop(consumer), "job-worker-" + i));
        }
        threads.forEach(Thread::start);
        log.info("Job workers started: {} thread(s) as {}", threads.size(), instance);
    }

    @Override
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + properties.shutdownWait().toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
        threads.clear();
        log.info("Job workers stopped; unfinished jobs stay pending for other instances");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop(String consumer) {
        boolean groupReady = false;
        while (running) {
            try {
                if (!groupReady) {
                    stream.ensureGroup();
                    groupReady = true;
                }
                List<JobConsumerGroup.Delivery> batch = reclaimDue() ? stream.claimStale(consumer, 10) : List.of();
                if (batch.isEmpty()) {
                    batch = stream.readNew(consumer, 1);
                }
                if (batch.isEmpty()) {
                    pause(properties.pollInterval().toMillis());
                }
                for (JobConsumerGroup.Delivery delivery : batch) {
                    // the job's span continues the trace of the request that queued it (entry field traceparent)
                    try (StreamTraceContext.Scope span = traces.continueFrom("job run", delivery.fields())) {
                        worker.handle(delivery);
                    }
                }
            } catch (RuntimeException e) {
                // Redis may have come back empty (restart without persistence, failover, flush): the group is gone
                // and every read fails with NOGROUP until it is created again, so re-create it before the next read
                groupReady = false;
                if (!JobRunner.isTransient(e)) {
                    log.error("Job worker {} failed; the job stays pending", consumer, e);
                } else {
                    log.warn(
                            "Job worker {}: storage unavailable ({}); retrying",
                            consumer,
                            e.getClass().getSimpleName());
                }
                pause(1000);
            } finally {
                MDC.remove("requestId");
            }
        }
    }

    private boolean reclaimDue() {
        long now = System.nanoTime();
        long due = nextReclaim.get();
        return now - due >= 0
                && nextReclaim.compareAndSet(
                        due, now + properties.reclaimInterval().toNanos());
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
