package dev.e2ee.prs.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A job's state, kept sealed at {@code e2ee:job:{<id>}}: pending, done (with the result) or failed (a problem). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobState(
        UUID jobId,
        String owner,
        Status status,
        String result,
        Failure failure,
        Instant createdAt,
        Instant completedAt) {

    public enum Status {
        PENDING,
        DONE,
        FAILED
    }

    /** The problem a failed job reports: status, code, title and safe detail. */
    public record Failure(int status, String code, String title, String detail) {}

    static JobState pending(UUID jobId, String owner, Instant now) {
        return new JobState(jobId, owner, Status.PENDING, null, null, now, null);
    }

    JobState done(String document, Instant now) {
        return new JobState(jobId, owner, Status.DONE, document, null, createdAt, now);
    }

    JobState failed(Failure why, Instant now) {
        return new JobState(jobId, owner, Status.FAILED, null, why, createdAt, now);
    }

    @Override
    public String toString() {
        return "JobState[jobId=" + jobId + ", status=" + status + "]";
    }
}
