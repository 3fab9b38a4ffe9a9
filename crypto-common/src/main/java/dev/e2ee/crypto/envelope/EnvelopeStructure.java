package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.AesGcm;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Step 1 of docs/envelope-format.md#opening-rules for an already-typed envelope: version, kid shape, timestamps, fixed sizes, and an
 * {@code audience} (when present) of 1 to {@value #MAX_AUDIENCE_LENGTH} characters without control characters.
 */
final class EnvelopeStructure {

    static final int MIN_RSA_BYTES = 256;
    static final int MAX_RSA_BYTES = 2048;
    static final int MAX_AUDIENCE_LENGTH = 255;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private EnvelopeStructure() {}

    static boolean valid(Envelope envelope) {
        return envelope.version() == Envelope.VERSION
                && KID.matcher(envelope.receiverPublicKeyId()).matches()
                && KID.matcher(envelope.senderPrivateKeyId()).matches()
                && audienceValid(envelope.audience())
                && timestampsValid(envelope)
                && envelope.iv().length == AesGcm.IV_LENGTH
                && envelope.authTag().length == AesGcm.TAG_LENGTH
                && rsaSized(envelope.encryptedKey().length)
                && rsaSized(envelope.signature().length);
    }

    private static boolean timestampsValid(Envelope envelope) {
        Instant createdAt = Timestamps.parse(envelope.createdAt());
        if (createdAt == null) {
            return false;
        }
        if (envelope.expiresAt() == null) {
            return true;
        }
        Instant expiresAt = Timestamps.parse(envelope.expiresAt());
        return expiresAt != null && expiresAt.isAfter(createdAt);
    }

    static boolean audienceValid(String audience) {
        return audience == null
                || (!audience.isEmpty()
                        && audience.length() <= MAX_AUDIENCE_LENGTH
                        && audience.chars().noneMatch(Character::isISOControl));
    }

    private static boolean rsaSized(int length) {
        return length >= MIN_RSA_BYTES && length <= MAX_RSA_BYTES;
    }
}
