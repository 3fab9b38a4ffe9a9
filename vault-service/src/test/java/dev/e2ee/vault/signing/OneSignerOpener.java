package dev.e2ee.vault.signing;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.crypto.key.Jwk;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Optional;

/** A crypto-common opener that trusts only {@code signer}: an envelope it opens proves which key signed it. */
final class OneSignerOpener {

    private OneSignerOpener() {}

    static EnvelopeOpener trusting(KeyPair signer, KeyPair receiver) {
        String signerKid = Jwk.thumbprint((RSAPublicKey) signer.getPublic());
        String receiverKid = Jwk.thumbprint((RSAPublicKey) receiver.getPublic());
        return EnvelopeOpener.create(
                kid -> kid.equals(signerKid) ? Optional.of((RSAPublicKey) signer.getPublic()) : Optional.empty(),
                kid -> kid.equals(receiverKid) ? Optional.of((RSAPrivateKey) receiver.getPrivate()) : Optional.empty(),
                OpeningPolicy.defaults(),
                CryptoProvider.jdk(),
                Clock.systemUTC());
    }
}
