package dev.e2ee.vault.audit;

import dev.e2ee.platform.redis.RedisKeys;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code e2ee.vault.audit-stream.*}: consumption of the prompt-response service's audit events.
 *
 * @param claimIdle entries pending longer than this (their consumer died) are claimed by this instance
 * @param pollInterval pause between two polls of the stream (each drains what is there)
 */
@Validated
@ConfigurationProperties("e2ee.vault.audit-stream")
record AuditStreamProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(RedisKeys.AUDIT_STREAM) String key,
        @DefaultValue("vault") String group,
        @DefaultValue("100") int batchSize,
        @DefaultValue("60s") Duration claimIdle,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration pollInterval) {}
