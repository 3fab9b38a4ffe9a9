package dev.e2ee.crypto.envelope;

import java.time.Duration;
import java.util.Objects;

/**
 * Time rules for opening: {@code clockSkew} tolerated on {@code createdAt} and {@code expiresAt};
 * {@code maxAgeWithoutExpiry} caps the age of envelopes whose {@code expiresAt} is null.
 */
public record OpeningPolicy(Duration clockSkew, Duration maxAgeWithoutExpiry) {

    public OpeningPolicy {
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxAgeWithoutExpiry, "maxAgeWithoutExpiry");
        if (clockSkew.isNegative() || maxAgeWithoutExpiry.isNegative() || maxAgeWithoutExpiry.isZero()) {
            throw new IllegalArgumentException("clock skew must be ≥ 0 and the maximum age > 0");
        }
    }

    /** 60 s skew, 1 h maximum age. */
    public static OpeningPolicy defaults() {
        return new OpeningPolicy(Duration.ofSeconds(60), Duration.ofHours(1));
    }
}
