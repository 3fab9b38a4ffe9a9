package dev.e2ee.prs.job;

import dev.e2ee.platform.metrics.RedisStreamMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The async job queue: {@code jobs_queue_length} (queued or running: a finished job's entry is deleted),
 * {@code jobs_queue_pending} (running: delivered to a worker, not yet acknowledged), {@code
 * jobs_queue_oldest_age_seconds} (see {@link RedisStreamMetrics}), and {@code jobs_timeout_seconds}: {@code
 * claim-idle × max-deliveries}, the age by which a job has either finished or been failed as a poison job even when
 * every worker that took it died, so a job older than that is stuck.
 */
@Component
class JobQueueMetrics implements MeterBinder {

    private final StringRedisTemplate redis;
    private final JobProperties properties;

    JobQueueMetrics(StringRedisTemplate redis, JobProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        RedisStreamMetrics.register(registry, "jobs.queue", redis, properties.stream(), properties.group());
        Gauge.builder("jobs.timeout", properties, p -> p.claimIdle().toSeconds() * (double) p.maxDeliveries())
                .description("Age by which every job has finished or failed; an older job is stuck")
                .baseUnit("seconds")
                .register(registry);
    }
}
