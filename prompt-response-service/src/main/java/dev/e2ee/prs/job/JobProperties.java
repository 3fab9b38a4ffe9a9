package dev.e2ee.prs.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.jobs.*}: the async job stream and its workers.
 *
 * @param stream the Redis stream of jobs
 * @param group the consumer group every instance reads with
 * @param workers worker threads per instance (0 = this instance only accepts jobs)
 * @param pollInterval pause between reads when the stream is empty
 * @param claimIdle a job delivered to a consumer that has not acknowledged it for this long is claimed by another
 * @param reclaimInterval how often each instance looks for such jobs
 * @param maxDeliveries a job delivered more often than this is marked failed (poison job)
 * @param resultTtl how long job states and results are kept
 * @param shutdownWait how long a stopping instance waits for its running jobs before leaving them to others
 */
@ConfigurationProperties("e2ee.jobs")
public record JobProperties(
        @DefaultValue("e2ee:jobs") String stream,
        @DefaultValue("workers") String group,
        @DefaultValue("2") int workers,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("60s") Duration claimIdle,
        @DefaultValue("10s") Duration reclaimInterval,
        @DefaultValue("5") int maxDeliveries,
        @DefaultValue("1h") Duration resultTtl,
        @DefaultValue("20s") Duration shutdownWait) {}
