package dev.e2ee.prs.job;

import dev.e2ee.platform.ApiException;
import dev.e2ee.prs.audit.AuditEvent;
import dev.e2ee.prs.audit.AuditPublisher;
import dev.e2ee.prs.audit.AuditUnavailableException;
import dev.e2ee.prs.storage.EncryptedValues;
import dev.e2ee.prs.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs one delivered job, at least once and idempotently by job id: a job whose state is no longer pending (done,
 * failed, or expired) is only acknowledged, never re-run; while it runs its claim is kept fresh ({@link JobHeartbeat});
 * and if it was run twice anyway (a consumer presumed dead), the first completion wins and later results are
 * discarded ({@link JobStore#complete}). A job that fails on infrastructure (Redis, audit) is left
 * unacknowledged so that it is claimed again later; a job delivered more than {@code maxDeliveries} times fails.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final JobState.Failure JOB_FAILED =
            new JobState.Failure(500, "JOB_FAILED", "Job failed", "The job could not be completed.");

    private final JobStore queue;
    private final JobConsumerGroup stream;
    private final JobHandler handler;
    private final AuditPublisher audit;
    private final JobProperties properties;
    private final JobHeartbeat heartbeat;

    JobRunner(
            JobStore queue,
            JobConsumerGroup stream,
            JobHandler handler,
            AuditPublisher audit,
            JobProperties properties,
            JobHeartbeat heartbeat) {
        this.queue = queue;
        this.stream = stream;
        this.handler = handler;
        this.audit = audit;
        this.properties = properties;
        this.heartbeat = heartbeat;
    }

    void handle(JobConsumerGroup.Delivery delivery) {
        Optional<JobStore.Stored> stored = readableState(delivery);
        if (stored.isEmpty() || stored.get().state().status() != JobState.Status.PENDING) {
            log.debug("Job entry {} already finished, expired or unreadable; acknowledging", delivery.id());
            stream.done(delivery.id());
            return;
        }
        JobState pending = stored.get().state();
        Optional<JobRequest> request = decode(delivery);
        request.map(JobRequest::requestId).ifPresent(id -> MDC.put("requestId", id));
        JobState finished = request.isEmpty() || delivery.deliveries() > properties.maxDeliveries()
                ? pending.failed(JOB_FAILED, queue.now())
                : runKeepingClaim(delivery, pending, request.get());
        finish(delivery, stored.get(), finished, request);
    }

    /** Audits and stores the first completion of the job; a later (duplicate) run's result is only discarded. */
    private void finish(
            JobConsumerGroup.Delivery delivery,
            JobStore.Stored pending,
            JobState finished,
            Optional<JobRequest> request) {
        UUID jobId = finished.jobId();
        boolean first = queue.isUnchanged(pending);
        if (first) {
            publish(finished, request);
            first = queue.complete(pending, finished);
        }
        stream.done(delivery.id());
        if (first) {
            log.info("Job {} {} after {} deliver(ies)", jobId, finished.status(), delivery.deliveries());
        } else {
            log.info("Job {} was completed by another run; this run's result is discarded", jobId);
        }
    }

    private void publish(JobState finished, Optional<JobRequest> request) {
        AuditEvent event = finished.status() == JobState.Status.DONE
                ? AuditEvent.success(AuditEvent.JOB_COMPLETE, finished.owner())
                : AuditEvent.failure(
                        AuditEvent.JOB_FAILED,
                        finished.owner(),
                        finished.failure().code());
        audit.publish(request.map(r -> event.withRequest(r.requestId(), r.clientAddress()))
                .orElse(event.withRequest("job-" + finished.jobId(), null)));
    }

    /** Runs the job while refreshing its claim, so a healthy long call is not taken over by another consumer. */
    private JobState runKeepingClaim(JobConsumerGroup.Delivery delivery, JobState state, JobRequest request) {
        Duration interval = properties.claimIdle().dividedBy(4);
        try (JobHeartbeat.Beat beat = heartbeat.every(interval, () -> stream.refreshClaim(delivery))) {
            return run(state, request);
        }
    }

    /** The job's state; empty when it expired or cannot be read (bad id, sealed under a KEK no longer configured). */
    private Optional<JobStore.Stored> readableState(JobConsumerGroup.Delivery delivery) {
        String jobId = delivery.fields().getOrDefault("jobId", "");
        try {
            return queue.loadStored(UUID.fromString(jobId), delivery.fields().get("owner"));
        } catch (IllegalArgumentException | EncryptedValues.CorruptValueException e) {
            log.warn("Job entry {} has no readable state; dropping it", delivery.id());
            return Optional.empty();
        }
    }

    private Optional<JobRequest> decode(JobConsumerGroup.Delivery delivery) {
        try {
            return Optional.of(queue.decode(delivery.fields()));
        } catch (EncryptedValues.CorruptValueException e) {
            log.warn("Job entry {} does not open", delivery.id());
            return Optional.empty();
        }
    }

    private JobState run(JobState state, JobRequest request) {
        try {
            return state.done(handler.run(request), queue.now());
        } catch (StorageUnavailableException | AuditUnavailableException e) {
            throw e;
        } catch (ApiException e) {
            JobState.Failure failure = new JobState.Failure(e.status().value(), e.code(), e.title(), e.getMessage());
            return state.failed(failure, queue.now());
        }
    }

    /** True when the failure is transient infrastructure (retry later by leaving the job pending). */
    static boolean isTransient(RuntimeException e) {
        return e instanceof StorageUnavailableException
                || e instanceof AuditUnavailableException
                || e instanceof DataAccessException;
    }
}
