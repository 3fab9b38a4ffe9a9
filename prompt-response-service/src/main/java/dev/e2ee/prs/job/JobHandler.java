package dev.e2ee.prs.job;

import dev.e2ee.platform.ApiException;

/** Runs a job's payload; implemented by the processing feature. */
@FunctionalInterface
public interface JobHandler {

    /**
     * @return the result document to keep (sealed) until it is fetched or expires
     * @throws ApiException a failure to report to the job's owner as a problem
     */
    String run(JobRequest request);
}
