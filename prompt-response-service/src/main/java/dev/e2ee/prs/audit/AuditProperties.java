package dev.e2ee.prs.audit;

import dev.e2ee.platform.redis.RedisKeys;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.audit.*}: the stream the vault consumes. Nothing is ever trimmed here: the vault deletes the entries it
 * has acknowledged, so the stream's length is the backlog the vault has not recorded yet. While that backlog is at
 * {@code maxBacklog} (the vault is down, lagging, or its consumer group was lost), publishing fails and the audited
 * operation answers 503 instead of dropping events ({@code AUDIT_MAX_BACKLOG}). When the stream does not exist
 * (first start, or Redis came back empty) it is created together with the vault's {@code consumerGroup} (at id 0),
 * so every event written from then on is delivered to the vault, whenever it polls. {@code authFailureFlushInterval}:
 * how often the minutes of aggregated {@code auth.failed} counts that are over are published.
 */
@ConfigurationProperties("e2ee.audit")
public record AuditProperties(
        @DefaultValue(RedisKeys.AUDIT_STREAM) String stream,
        @DefaultValue("100000") Long maxBacklog,
        @DefaultValue("vault") String consumerGroup,
        @DefaultValue("10s") Duration authFailureFlushInterval) {}
