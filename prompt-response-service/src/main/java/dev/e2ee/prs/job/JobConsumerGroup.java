package dev.e2ee.prs.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The consumer-group operations on the job stream. Stale jobs are taken over with {@code XPENDING} +
 * {@code XCLAIM <min-idle>} (the equivalent of {@code XAUTOCLAIM}, which Spring Data Redis does not expose): the
 * min-idle condition is re-checked atomically by {@code XCLAIM}, so two instances never both take over a job. A
 * consumer running a long job keeps its claim fresh with {@link #refreshClaim} ({@code XCLAIM <id> 0 JUSTID} by the
 * owner itself, which resets the idle time without counting a delivery), so only a dead consumer's job goes stale.
 */
@Component
class JobConsumerGroup {

    /**
     * KEYS[1] stream; ARGV: group, consumer, entry id. Resets the entry's idle time only while {@code consumer} still
     * owns it (never takes it back from a consumer that claimed it meanwhile). 1 = refreshed.
     */
    private static final RedisScript<Long> REFRESH = RedisScript.of(
            "if #redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1, ARGV[2]) == 0 then return 0 end"
                    + " redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID') return 1",
            Long.class);

    private final StringRedisTemplate redis;
    private final JobProperties properties;

    JobConsumerGroup(StringRedisTemplate redis, JobProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** A job entry delivered to {@code consumer}, and how often it has been delivered. */
    record Delivery(RecordId id, Map<String, String> fields, long deliveries, String consumer) {}

    void ensureGroup() {
        try {
            redis.execute((RedisCallback<String>) connection -> connection
                    .streamCommands()
                    .xGroupCreate(properties.stream().getBytes(), properties.group(), ReadOffset.from("0"), true));
        } catch (RedisSystemException e) {
            if (!groupExists(e)) {
                throw e;
            }
        }
    }

    private static boolean groupExists(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("BUSYGROUP")) {
                return true;
            }
        }
        return false;
    }

    List<Delivery> readNew(String consumer, int count) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(
                        Consumer.from(properties.group(), consumer),
                        StreamReadOptions.empty().count(count),
                        StreamOffset.create(properties.stream(), ReadOffset.lastConsumed()));
        return records == null
                ? List.of()
                : records.stream().map(r -> delivery(r, 1, consumer)).toList();
    }

    /** Takes over jobs other consumers received but have not acknowledged for {@code claimIdle}. */
    List<Delivery> claimStale(String consumer, int count) {
        Duration idle = properties.claimIdle();
        PendingMessages pending =
                redis.opsForStream().pending(properties.stream(), properties.group(), Range.unbounded(), count);
        List<RecordId> stale = new ArrayList<>();
        Map<RecordId, Long> deliveries = new java.util.HashMap<>();
        for (PendingMessage message : pending) {
            if (message.getElapsedTimeSinceLastDelivery().compareTo(idle) >= 0) {
                stale.add(message.getId());
                deliveries.put(message.getId(), message.getTotalDeliveryCount());
            }
        }
        if (stale.isEmpty()) {
            return List.of();
        }
        List<MapRecord<String, Object, Object>> claimed = redis.opsForStream()
                .claim(
                        properties.stream(),
                        properties.group(),
                        consumer,
                        XClaimOptions.minIdle(idle).ids(stale.toArray(RecordId[]::new)));
        return claimed.stream()
                .map(r -> delivery(r, deliveries.getOrDefault(r.getId(), 1L) + 1, consumer))
                .toList();
    }

    /** Heartbeat of a running job: false when its consumer no longer owns it (acknowledged or claimed by another). */
    boolean refreshClaim(Delivery delivery) {
        Long refreshed = redis.execute(
                REFRESH,
                List.of(properties.stream()),
                properties.group(),
                delivery.consumer(),
                delivery.id().getValue());
        return refreshed != null && refreshed == 1L;
    }

    /** Acknowledges and deletes the entry, so its sealed payload does not linger in the stream. */
    void done(RecordId id) {
        redis.opsForStream().acknowledge(properties.stream(), properties.group(), id);
        redis.opsForStream().delete(properties.stream(), id);
    }

    private static Delivery delivery(MapRecord<String, Object, Object> record, long deliveries, String consumer) {
        Map<String, String> fields = new java.util.HashMap<>();
        record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
        return new Delivery(record.getId(), fields, deliveries, consumer);
    }
}
