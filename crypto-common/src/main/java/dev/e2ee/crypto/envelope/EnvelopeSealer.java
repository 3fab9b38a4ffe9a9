package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.RsaOaep;
import dev.e2ee.crypto.RsaPss;
import dev.e2ee.crypto.key.Keyring;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Seals envelopes, version 2 (docs/envelope-format.md): a fresh AES-256 key and IV per envelope, the PAE header as associated data,
 * the key wrapped with RSA-OAEP-256 to the recipient, everything signed with RSA-PSS by the signing keyring's primary.
 * Thread-safe.
 */
public final class EnvelopeSealer {

    /** Largest plaintext JSON whose envelope still fits the 1 MiB limit with 16384-bit keys. */
    static final int MAX_CONTENT_BYTES = 780_000;

    private static final byte[] EMPTY = new byte[0];
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Keyring<KeyPair>> signingKeys;
    private final CryptoProvider provider;
    private final RsaOaep oaep;
    private final RsaPss pss;
    private final Clock clock;

    private EnvelopeSealer(Supplier<Keyring<KeyPair>> signingKeys, CryptoProvider provider, Clock clock) {
        this.signingKeys = signingKeys;
        this.provider = provider;
        this.oaep = RsaOaep.create(provider);
        this.pss = RsaPss.create(provider);
        this.clock = clock;
    }

    /** {@code signingKeys} is asked on every seal, so a rotated keyring takes effect immediately. */
    public static EnvelopeSealer create(Supplier<Keyring<KeyPair>> signingKeys, CryptoProvider provider, Clock clock) {
        return new EnvelopeSealer(
                Objects.requireNonNull(signingKeys, "signingKeys"),
                Objects.requireNonNull(provider, "provider"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** A new envelope without {@code audience}: any principal may open it. */
    public Envelope seal(Recipient recipient, EnvelopeContent content, Instant expiresAtOrNull) {
        return seal(recipient, content, expiresAtOrNull, null);
    }

    /**
     * A new envelope with a fresh random id; {@code expiresAtOrNull} must be after now when given; {@code audienceOrNull}
     * (1–255 characters, no control characters) is signed into the header and names the only principal that may open
     * it (docs/envelope-format.md#audience-and-lifetime).
     */
    public Envelope seal(Recipient recipient, EnvelopeContent content, Instant expiresAtOrNull, String audienceOrNull) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        Keyring.Version<KeyPair> signer = signingKeys.get().primary();
        Instant now = clock.instant();
        if (expiresAtOrNull != null
                && !Timestamps.parse(Timestamps.format(expiresAtOrNull)).isAfter(now)) {
            throw new CryptoException("an envelope's expiry must be in the future");
        }
        if (!EnvelopeStructure.audienceValid(audienceOrNull)) {
            throw new CryptoException("an envelope's audience must be 1 to 255 characters without control characters");
        }
        byte[] plaintext = ContentJson.toBytes(content);
        if (plaintext.length > MAX_CONTENT_BYTES) {
            throw new CryptoException("envelope content is too large");
        }
        Envelope draft = new Envelope(
                Envelope.VERSION,
                UUID.randomUUID(),
                content.promptId(),
                Envelope.ALGORITHM,
                Envelope.KEY_ALGORITHM,
                Envelope.SIGNATURE_ALGORITHM,
                recipient.kid(),
                signer.kid(),
                Timestamps.format(now),
                expiresAtOrNull == null ? null : Timestamps.format(expiresAtOrNull),
                audienceOrNull,
                EMPTY,
                EMPTY,
                EMPTY,
                EMPTY,
                EMPTY);
        return encryptAndSign(
                draft, plaintext, recipient, (RSAPrivateKey) signer.key().getPrivate());
    }

    private Envelope encryptAndSign(Envelope draft, byte[] plaintext, Recipient recipient, RSAPrivateKey signer) {
        byte[] header = EnvelopeBytes.header(draft);
        byte[] dek = new byte[AesGcm.KEY_LENGTH];
        RANDOM.nextBytes(dek);
        try {
            AesGcm.Sealed sealed = AesGcm.create(dek, provider).encrypt(plaintext, header);
            byte[] encryptedKey = oaep.wrap(recipient.key(), dek);
            byte[] signature = pss.sign(
                    signer,
                    EnvelopeBytes.signatureInput(header, sealed.iv(), encryptedKey, sealed.ciphertext(), sealed.tag()));
            return draft.withBinary(sealed.iv(), encryptedKey, sealed.ciphertext(), sealed.tag(), signature);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }
}
