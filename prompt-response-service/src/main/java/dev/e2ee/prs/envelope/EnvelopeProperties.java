package dev.e2ee.prs.envelope;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.envelope.*} (docs/envelope-format.md#audience-and-lifetime): {@code max-age} refuses every envelope older than this (plus the clock skew),
 * with or without {@code expiresAt}, so replay markers never live longer; {@code require-audience} refuses envelopes
 * that carry no {@code audience} (default false: third-party sealers' envelopes still open).
 */
@ConfigurationProperties("e2ee.envelope")
public record EnvelopeProperties(
        @DefaultValue("24h") Duration maxAge,
        @DefaultValue("false") boolean requireAudience) {

    public EnvelopeProperties {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("e2ee.envelope.max-age must be positive");
        }
    }
}
