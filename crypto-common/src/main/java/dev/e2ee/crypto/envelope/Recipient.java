package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/** The receiver an envelope is sealed to: its kid (on the wire as {@code receiverPublicKeyId}) and public key. */
public record Recipient(String kid, RSAPublicKey key) {

    public Recipient {
        Objects.requireNonNull(kid, "kid");
        RsaKeys.validatePublic(key);
    }

    /** A recipient whose kid is the RFC 7638 thumbprint of its key. */
    public static Recipient of(RSAPublicKey key) {
        return new Recipient(Jwk.thumbprint(key), key);
    }
}
