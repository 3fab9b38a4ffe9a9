package dev.e2ee.crypto.envelope;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified, decrypted envelope. {@code expiresAt} is null when the envelope has none. {@code rememberUntil} is the
 * last instant at which the opener would still accept this envelope (the earlier of expiry — or createdAt + maximum
 * age without expiry — and createdAt + maximum age, plus the clock skew): keep replay markers that long, no longer.
 */
public record OpenedEnvelope(
        Envelope envelope, EnvelopeContent content, Instant createdAt, Instant expiresAt, Instant rememberUntil) {

    public OpenedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(rememberUntil, "rememberUntil");
    }

    /** With {@code rememberUntil} = expiry, or createdAt + the default maximum age and skew when there is none. */
    public OpenedEnvelope(Envelope envelope, EnvelopeContent content, Instant createdAt, Instant expiresAt) {
        this(envelope, content, createdAt, expiresAt, rememberUntil(OpeningPolicy.defaults(), createdAt, expiresAt));
    }

    static Instant rememberUntil(OpeningPolicy policy, Instant createdAt, Instant expiresAt) {
        Instant end = expiresAt != null ? expiresAt : createdAt.plus(policy.maxAgeWithoutExpiry());
        Instant oldest = createdAt.plus(policy.maxAge());
        return (end.isBefore(oldest) ? end : oldest).plus(policy.clockSkew());
    }
}
