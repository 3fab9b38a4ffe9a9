package dev.e2ee.prs.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.audit.*}: the stream the vault consumes and its approximate maximum length (oldest entries are
 * trimmed beyond it, so keep it well above what the vault may lag behind).
 */
@ConfigurationProperties("e2ee.audit")
public record AuditProperties(
        @DefaultValue("e2ee:audit:events") String stream,
        @DefaultValue("1000000") long maxLength) {}
