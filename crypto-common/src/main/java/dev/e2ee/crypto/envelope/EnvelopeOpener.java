package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.RsaOaep;
import dev.e2ee.crypto.RsaPss;
import dev.e2ee.crypto.key.KeyLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Opens envelopes, version 2, in the order of docs/envelope-format.md#opening-rules: structure → algorithm names → trusted keys by kid →
 * signature → audience (docs/envelope-format.md#audience-and-lifetime) → unwrap → decrypt → expiry and maximum age → promptId. Every failure is an
 * {@link EnvelopeRejectedException} with the same message; keys come only from the lookups given here, never from the
 * envelope. An envelope that carries an {@code audience} opens only for that principal. Thread-safe.
 */
public final class EnvelopeOpener {

    private final KeyLookup<RSAPublicKey> trustedSigners;
    private final KeyLookup<RSAPrivateKey> decryptionKeys;
    private final OpeningPolicy policy;
    private final CryptoProvider provider;
    private final RsaOaep oaep;
    private final RsaPss pss;
    private final Clock clock;

    private EnvelopeOpener(
            KeyLookup<RSAPublicKey> trustedSigners,
            KeyLookup<RSAPrivateKey> decryptionKeys,
            OpeningPolicy policy,
            CryptoProvider provider,
            Clock clock) {
        this.trustedSigners = trustedSigners;
        this.decryptionKeys = decryptionKeys;
        this.policy = policy;
        this.provider = provider;
        this.oaep = RsaOaep.create(provider);
        this.pss = RsaPss.create(provider);
        this.clock = clock;
    }

    public static EnvelopeOpener create(
            KeyLookup<RSAPublicKey> trustedSigners,
            KeyLookup<RSAPrivateKey> decryptionKeys,
            OpeningPolicy policy,
            CryptoProvider provider,
            Clock clock) {
        return new EnvelopeOpener(
                Objects.requireNonNull(trustedSigners, "trustedSigners"),
                Objects.requireNonNull(decryptionKeys, "decryptionKeys"),
                Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(provider, "provider"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Opens for nobody in particular: an envelope that carries an {@code audience} is rejected. */
    public OpenedEnvelope open(String json) {
        return open(json, null);
    }

    /** Opens for {@code principal} (may be null): an envelope with an {@code audience} must name exactly it. */
    public OpenedEnvelope open(String json, String principal) {
        return open(EnvelopeJson.parse(json), principal);
    }

    /** Opens for nobody in particular: an envelope that carries an {@code audience} is rejected. */
    public OpenedEnvelope open(Envelope envelope) {
        return open(envelope, null);
    }

    /** Opens for {@code principal} (may be null): an envelope with an {@code audience} must name exactly it. */
    public OpenedEnvelope open(Envelope envelope, String principal) {
        RSAPublicKey signer = EnvelopeSignature.checkedSigner(envelope, trustedSigners);
        RSAPrivateKey receiver = decryptionKeys
                .find(envelope.receiverPublicKeyId())
                .orElseThrow(() -> new EnvelopeRejectedException(RejectionReason.UNKNOWN_RECEIVER_KEY));
        check(
                envelope.encryptedKey().length
                        == modulusBytes(receiver.getModulus().bitLength()),
                RejectionReason.MALFORMED);
        byte[] header = EnvelopeBytes.header(envelope);
        check(verified(signer, envelope, header), RejectionReason.BAD_SIGNATURE);
        checkAudience(envelope.audience(), principal);
        EnvelopeContent content = decrypt(receiver, envelope, header);
        Instant createdAt = Timestamps.parse(envelope.createdAt());
        Instant expiresAt = envelope.expiresAt() == null ? null : Timestamps.parse(envelope.expiresAt());
        checkTime(createdAt, expiresAt);
        check(content.promptId().equals(envelope.promptId()), RejectionReason.PROMPT_ID_MISMATCH);
        return new OpenedEnvelope(
                envelope, content, createdAt, expiresAt, OpenedEnvelope.rememberUntil(policy, createdAt, expiresAt));
    }

    private boolean verified(RSAPublicKey signer, Envelope envelope, byte[] header) {
        try {
            return pss.verify(signer, EnvelopeBytes.signatureInput(envelope, header), envelope.signature());
        } catch (CryptoException e) {
            return false;
        }
    }

    private EnvelopeContent decrypt(RSAPrivateKey receiver, Envelope envelope, byte[] header) {
        byte[] dek = null;
        try {
            dek = oaep.unwrap(receiver, envelope.encryptedKey());
            check(dek.length == AesGcm.KEY_LENGTH, RejectionReason.DECRYPTION_FAILED);
            byte[] plaintext = AesGcm.create(dek, provider)
                    .decrypt(envelope.iv(), envelope.encryptedData(), envelope.authTag(), header);
            EnvelopeContent content = ContentJson.fromBytes(plaintext);
            check(content != null, RejectionReason.MALFORMED);
            return content;
        } catch (EnvelopeRejectedException e) {
            throw e;
        } catch (CryptoException e) {
            throw new EnvelopeRejectedException(RejectionReason.DECRYPTION_FAILED);
        } finally {
            if (dek != null) {
                Arrays.fill(dek, (byte) 0);
            }
        }
    }

    private void checkAudience(String audience, String principal) {
        if (audience == null) {
            check(!policy.requireAudience(), RejectionReason.MISSING_AUDIENCE);
            return;
        }
        check(
                principal != null
                        && MessageDigest.isEqual(
                                audience.getBytes(StandardCharsets.UTF_8), principal.getBytes(StandardCharsets.UTF_8)),
                RejectionReason.WRONG_AUDIENCE);
    }

    private void checkTime(Instant createdAt, Instant expiresAt) {
        Instant now = clock.instant();
        check(!createdAt.isAfter(now.plus(policy.clockSkew())), RejectionReason.NOT_YET_VALID);
        check(!now.isAfter(createdAt.plus(policy.maxAge()).plus(policy.clockSkew())), RejectionReason.TOO_OLD);
        if (expiresAt != null) {
            check(!now.isAfter(expiresAt.plus(policy.clockSkew())), RejectionReason.EXPIRED);
        } else {
            Instant limit = createdAt.plus(policy.maxAgeWithoutExpiry()).plus(policy.clockSkew());
            check(!now.isAfter(limit), RejectionReason.TOO_OLD);
        }
    }

    private static int modulusBytes(int bits) {
        return (bits + 7) / 8;
    }

    private static void check(boolean condition, RejectionReason reason) {
        if (!condition) {
            throw new EnvelopeRejectedException(reason);
        }
    }
}
