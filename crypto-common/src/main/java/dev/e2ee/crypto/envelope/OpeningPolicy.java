package dev.e2ee.crypto.envelope;

import java.time.Duration;
import java.util.Objects;

/**
 * Rules for opening (docs/envelope-format.md#opening-rules (time) and #audience-and-lifetime): {@code clockSkew} tolerated on {@code createdAt} and
 * {@code expiresAt}; {@code maxAgeWithoutExpiry} caps the age of envelopes whose {@code expiresAt} is null;
 * {@code maxAge} caps the age of every envelope, with or without expiry (so replay markers never live longer);
 * {@code requireAudience} refuses envelopes that carry no {@code audience}.
 */
public record OpeningPolicy(
        Duration clockSkew, Duration maxAgeWithoutExpiry, Duration maxAge, boolean requireAudience) {

    /** 24 h: the largest age of any envelope unless configured otherwise. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    public OpeningPolicy {
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxAgeWithoutExpiry, "maxAgeWithoutExpiry");
        Objects.requireNonNull(maxAge, "maxAge");
        if (clockSkew.isNegative() || !positive(maxAgeWithoutExpiry) || !positive(maxAge)) {
            throw new IllegalArgumentException("clock skew must be ≥ 0 and the maximum ages > 0");
        }
    }

    /** With the default maximum age of every envelope (24 h) and audience optional. */
    public OpeningPolicy(Duration clockSkew, Duration maxAgeWithoutExpiry) {
        this(clockSkew, maxAgeWithoutExpiry, DEFAULT_MAX_AGE, false);
    }

    /** 60 s skew, 1 h maximum age without expiry, 24 h maximum age, audience optional. */
    public static OpeningPolicy defaults() {
        return new OpeningPolicy(Duration.ofSeconds(60), Duration.ofHours(1));
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
