package dev.e2ee.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Backlog gauges of a Redis stream read by a consumer group whose consumers delete what they acknowledged (the audit
 * stream, the job stream), so the stream's length is the backlog: {@code <prefix>.length} (entries), {@code
 * <prefix>.pending} (delivered to a consumer, not yet acknowledged), {@code <prefix>.oldest.age} (seconds since the
 * oldest entry was added; its id is a millisecond timestamp). One {@code XINFO STREAM} + {@code XINFO GROUPS} per
 * {@link #TTL}, computed when scraped; a missing stream or an unreachable Redis reads as 0 (the dependency gauge
 * reports Redis itself).
 */
public final class RedisStreamMetrics {

    static final Duration TTL = Duration.ofSeconds(5);

    record Backlog(long length, long pending, double oldestAgeSeconds) {
        static final Backlog EMPTY = new Backlog(0, 0, 0);
    }

    private final StringRedisTemplate redis;
    private final String stream;
    private final String group;
    private final Clock clock;
    private final ScrapeCache<Backlog> backlog;

    private RedisStreamMetrics(StringRedisTemplate redis, String stream, String group, Clock clock) {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
        this.clock = clock;
        this.backlog = ScrapeCache.of(this::read, Backlog.EMPTY, TTL);
    }

    /** Registers the three gauges under {@code prefix} (e.g. {@code jobs.queue}); the stream key is no tag. */
    public static void register(
            MeterRegistry registry, String prefix, StringRedisTemplate redis, String stream, String group) {
        RedisStreamMetrics metrics = new RedisStreamMetrics(redis, stream, group, Clock.systemUTC());
        Gauge.builder(prefix + ".length", metrics, m -> m.backlog.get().length())
                .description("Entries in the stream (not yet acknowledged and deleted)")
                .strongReference(true)
                .register(registry);
        Gauge.builder(prefix + ".pending", metrics, m -> m.backlog.get().pending())
                .description("Entries delivered to a consumer and not yet acknowledged")
                .strongReference(true)
                .register(registry);
        Gauge.builder(prefix + ".oldest.age", metrics, m -> m.backlog.get().oldestAgeSeconds())
                .description("Age of the oldest entry in the stream")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private Backlog read() {
        if (!Boolean.TRUE.equals(redis.hasKey(stream))) {
            return Backlog.EMPTY;
        }
        StreamInfo.XInfoStream info = redis.opsForStream().info(stream);
        long pending = redis.opsForStream().groups(stream).stream()
                .filter(g -> group.equals(g.groupName()))
                .mapToLong(StreamInfo.XInfoGroup::pendingCount)
                .sum();
        return new Backlog(
                info.streamLength(), pending, ageSeconds(info.streamLength() == 0 ? null : info.firstEntryId()));
    }

    private double ageSeconds(String entryId) {
        if (entryId == null) {
            return 0;
        }
        long addedAt = RecordId.of(entryId).getTimestamp();
        return Math.max(0, clock.millis() - addedAt) / 1000.0;
    }
}
