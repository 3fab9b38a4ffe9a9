package dev.e2ee.client;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSignature;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks that an envelope the vault issued is signed by one of the vault's signing keys ({@code use=sig} in its
 * JWK Set, fetched once and again when an unknown kid appears, e.g. after a rotation).
 */
final class EnvelopeVerifier {

    private final Supplier<String> jwks;
    private final CryptoProvider provider = CryptoProvider.defaults();
    private volatile JwkSet keys;

    EnvelopeVerifier(Supplier<String> jwks) {
        this.jwks = jwks;
    }

    Envelope verify(String json) {
        Envelope envelope;
        try {
            envelope = EnvelopeJson.parse(json);
            JwkSet known = keys();
            if (signer(known, envelope.senderPrivateKeyId()).isEmpty()) {
                keys = null;
                known = keys();
            }
            JwkSet trusted = known;
            EnvelopeSignature.verify(envelope, kid -> signer(trusted, kid), provider);
            return envelope;
        } catch (CryptoException e) {
            throw new ConnectionFailedException("the envelope's signature does not verify against the vault's keys");
        }
    }

    private JwkSet keys() {
        JwkSet known = keys;
        if (known == null) {
            known = JwkSet.parse(jwks.get());
            keys = known;
        }
        return known;
    }

    private static Optional<RSAPublicKey> signer(JwkSet set, String kid) {
        return set.find(kid).filter(k -> Jwk.USE_SIGNING.equals(k.use())).map(Jwk::key);
    }
}
