package dev.e2ee.vault.audit;

import dev.e2ee.platform.metrics.RedisStreamMetrics;
import dev.e2ee.platform.metrics.ScrapeCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the audit pipeline has not done yet. The stream of the prompt-response service's audit events
 * ({@code audit_stream_length}, {@code audit_stream_pending}, {@code audit_stream_oldest_age_seconds}, see
 * {@link RedisStreamMetrics}), and the rows the {@link AuditChainSealer} has not chained yet:
 * {@code audit_chain_unsealed} (rows above the highest sealed id) and {@code audit_chain_unsealed_oldest_age_seconds}
 * (age of the oldest of them, 0 when none). One index-range query per {@link #TTL}, run when scraped; rows that
 * committed late below the highest sealed id are not counted (the sealer's sweep finds them).
 */
@Component
class AuditBacklogMetrics implements MeterBinder {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final String UNSEALED = """
            SELECT count(*) AS rows, coalesce(extract(epoch FROM now() - min(occurred_at)), 0) AS age
            FROM audit_logs WHERE id > (SELECT coalesce(max(audit_id), 0) FROM audit_chain)""";

    record Unsealed(long rows, double oldestAgeSeconds) {}

    private final StringRedisTemplate redis;
    private final AuditStreamProperties stream;
    private final ScrapeCache<Unsealed> unsealed;

    AuditBacklogMetrics(StringRedisTemplate redis, AuditStreamProperties stream, JdbcTemplate jdbc) {
        this.redis = redis;
        this.stream = stream;
        this.unsealed = ScrapeCache.of(
                () -> jdbc.queryForObject(UNSEALED, (rs, n) -> new Unsealed(rs.getLong("rows"), rs.getDouble("age"))),
                new Unsealed(0, 0),
                TTL);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        RedisStreamMetrics.register(registry, "audit.stream", redis, stream.key(), stream.group());
        Gauge.builder("audit.chain.unsealed", unsealed, u -> u.get().rows())
                .description("Audit rows not yet sealed into the hash chain")
                .register(registry);
        Gauge.builder("audit.chain.unsealed.oldest.age", unsealed, u -> u.get().oldestAgeSeconds())
                .description("Age of the oldest audit row not yet sealed into the hash chain")
                .baseUnit("seconds")
                .register(registry);
    }
}
