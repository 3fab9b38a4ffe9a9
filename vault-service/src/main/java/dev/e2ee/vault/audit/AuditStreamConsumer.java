package dev.e2ee.vault.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code e2ee:audit:events} in consumer group {@code vault} (at-least-once): each batch read is recorded in
 * one transaction ({@link AuditStreamEntries}) and acknowledged with one {@code XACK} only after it committed;
 * entries another consumer left pending longer than {@code claim-idle} are claimed and processed here. Recording is
 * idempotent by event id, so redelivery is harmless. An entry that cannot be recorded because of its content is
 * rejected and acknowledged, so one bad entry never stalls the entries behind it.
 * The group is created (at id 0, with the stream) at the first poll and again after any failed Redis call, so a
 * Redis that came back empty is set up again and every entry written since is consumed.
 * After each poll the acknowledged entries are deleted ({@link AuditStreamTrimmer}), so the stream's length is the
 * backlog the prompt-response service bounds.
 */
@Component
class AuditStreamConsumer implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuditStreamConsumer.class);

    private final StringRedisTemplate redis;
    private final AuditStreamEntries entries;
    private final AuditStreamTrimmer trimmer;
    private final AuditStreamProperties properties;
    private final Consumer consumer = Consumer.from("vault", "vault-" + UUID.randomUUID());
    private volatile boolean groupReady;

    AuditStreamConsumer(
            StringRedisTemplate redis,
            AuditStreamEntries entries,
            AuditStreamTrimmer trimmer,
            AuditStreamProperties properties) {
        this.redis = redis;
        this.entries = entries;
        this.trimmer = trimmer;
        this.properties = properties;
    }

    /** Polls every {@code e2ee.vault.audit-stream.poll-interval}, the first time 3 s after startup. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), Duration.ofSeconds(3)));
    }

    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            ensureGroup();
            claimStale();
            while (consumeNew() == properties.batchSize()) {
                // drain the backlog
            }
            trimmer.trimAcknowledged();
        } catch (DataAccessException e) {
            // Redis may have come back empty (restart without persistence, failover, flush): the group is gone and
            // every read fails with NOGROUP until it is created again, so re-create it at the next poll
            groupReady = false;
            log.warn(
                    "audit stream: {} unavailable ({})",
                    properties.key(),
                    e.getClass().getSimpleName());
        }
    }

    /** Reads and processes one batch of new entries; returns how many were read. */
    int consumeNew() {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(
                        Consumer.from(properties.group(), consumer.getName()),
                        StreamReadOptions.empty().count(properties.batchSize()),
                        StreamOffset.create(properties.key(), ReadOffset.lastConsumed()));
        if (records == null) {
            return 0;
        }
        process(records);
        return records.size();
    }

    void claimStale() {
        PendingMessages pending = redis.opsForStream()
                .pending(properties.key(), properties.group(), Range.unbounded(), properties.batchSize());
        RecordId[] stale = pending.stream()
                .filter(p -> p.getElapsedTimeSinceLastDelivery().compareTo(properties.claimIdle()) >= 0)
                .map(p -> p.getId())
                .toArray(RecordId[]::new);
        if (stale.length > 0) {
            process(redis.opsForStream()
                    .claim(properties.key(), properties.group(), consumer.getName(), properties.claimIdle(), stale));
        }
    }

    private void process(List<MapRecord<String, Object, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        entries.recordAll(records);
        RecordId[] ids = records.stream().map(MapRecord::getId).toArray(RecordId[]::new);
        redis.opsForStream().acknowledge(properties.key(), properties.group(), ids);
    }

    private void ensureGroup() {
        if (groupReady) {
            return;
        }
        byte[] key = properties.key().getBytes(StandardCharsets.UTF_8);
        try {
            redis.execute((RedisCallback<String>) connection ->
                    connection.streamCommands().xGroupCreate(key, properties.group(), ReadOffset.from("0"), true));
        } catch (RedisSystemException e) {
            String reason = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            if (reason == null || !reason.contains("BUSYGROUP")) {
                throw e;
            }
        }
        groupReady = true;
    }
}
