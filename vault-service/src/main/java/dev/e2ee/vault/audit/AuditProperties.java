package dev.e2ee.vault.audit;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code e2ee.vault.audit.*}: the periodic work of the audit log (the only place these defaults live).
 *
 * @param sealInterval pause between two passes of {@link AuditChainSealer} (each drains the backlog, bounded)
 * @param authFailureFlushInterval how often the aggregated {@code auth.failed} rows of the minutes that are over are
 *     written ({@link AuthenticationFailureAudit})
 */
@Validated
@ConfigurationProperties("e2ee.vault.audit")
record AuditProperties(
        @DefaultValue("1s") @DurationMin(millis = 1) Duration sealInterval,
        @DefaultValue("10s") @DurationMin(millis = 1) Duration authFailureFlushInterval) {}
