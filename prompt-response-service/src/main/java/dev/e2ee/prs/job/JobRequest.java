package dev.e2ee.prs.job;

import java.util.UUID;

/** A job as queued: who asked, under which request id, and the (sealed in Redis) payload document. */
public record JobRequest(UUID jobId, String owner, String requestId, String clientAddress, String payload) {

    @Override
    public String toString() {
        return "JobRequest[jobId=" + jobId + ", owner=" + owner + "]";
    }
}
