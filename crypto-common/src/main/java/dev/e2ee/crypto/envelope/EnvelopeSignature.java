package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.RsaPss;
import dev.e2ee.crypto.key.KeyLookup;
import java.security.interfaces.RSAPublicKey;

/**
 * Checks who sealed an envelope without opening it: structure, algorithm names and the RSA-PSS signature under a
 * trusted signer found by the envelope's {@code senderPrivateKeyId}. For holders of an envelope that is not
 * addressed to them (a client receiving one from the vault); the receiver uses {@link EnvelopeOpener}.
 */
public final class EnvelopeSignature {

    private EnvelopeSignature() {}

    /** @throws EnvelopeRejectedException (one generic message) when the envelope is not validly signed */
    public static void verify(Envelope envelope, KeyLookup<RSAPublicKey> trustedSigners, CryptoProvider provider) {
        RSAPublicKey signer = checkedSigner(envelope, trustedSigners);
        byte[] input = EnvelopeBytes.signatureInput(envelope, EnvelopeBytes.header(envelope));
        boolean valid;
        try {
            valid = RsaPss.create(provider).verify(signer, input, envelope.signature());
        } catch (CryptoException e) {
            valid = false;
        }
        check(valid, RejectionReason.BAD_SIGNATURE);
    }

    /** The first steps of docs/envelope-format.md#opening-rules, shared with {@link EnvelopeOpener}: structure, algorithm names, trusted signer. */
    static RSAPublicKey checkedSigner(Envelope envelope, KeyLookup<RSAPublicKey> trustedSigners) {
        check(envelope != null && EnvelopeStructure.valid(envelope), RejectionReason.MALFORMED);
        check(
                Envelope.ALGORITHM.equals(envelope.algorithm())
                        && Envelope.KEY_ALGORITHM.equals(envelope.keyAlgorithm())
                        && Envelope.SIGNATURE_ALGORITHM.equals(envelope.signatureAlgorithm()),
                RejectionReason.UNSUPPORTED_ALGORITHM);
        return trustedSigners
                .find(envelope.senderPrivateKeyId())
                .orElseThrow(() -> new EnvelopeRejectedException(RejectionReason.UNKNOWN_SENDER_KEY));
    }

    private static void check(boolean condition, RejectionReason reason) {
        if (!condition) {
            throw new EnvelopeRejectedException(reason);
        }
    }
}
