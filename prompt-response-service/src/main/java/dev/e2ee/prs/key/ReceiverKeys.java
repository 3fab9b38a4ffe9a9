package dev.e2ee.prs.key;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.KeyLookup;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This service's envelope-receiver keyring: the first configured key is the primary (the one the vault should
 * encrypt to), later ones stay usable for envelopes sealed before a rotation. Kids are RFC 7638 thumbprints.
 */
public final class ReceiverKeys implements KeyLookup<RSAPrivateKey> {

    private final Keyring<RSAPrivateKey> keyring;
    private final JwkSet publicKeys;

    private ReceiverKeys(Keyring<RSAPrivateKey> keyring, JwkSet publicKeys) {
        this.keyring = keyring;
        this.publicKeys = publicKeys;
    }

    /** Loads every file; fails with a clear message when the list is empty or a key is unusable. */
    static ReceiverKeys load(List<Path> files, Instant now) {
        if (files.isEmpty()) {
            throw new IllegalStateException(
                    "RECEIVER_PRIVATE_KEY_PATH is not set: the prompt-response service needs its envelope-receiver"
                            + " private key (PEM, PKCS#8 or PKCS#1); use the dev profile to generate one locally");
        }
        List<Keyring.Version<RSAPrivateKey>> versions = new ArrayList<>();
        List<Jwk> jwks = new ArrayList<>();
        for (Path file : files) {
            RSAPrivateCrtKey key = RsaKeys.readPrivateKey(file);
            Jwk jwk = Jwk.encryption(RsaKeys.publicKeyOf(key));
            Keyring.Status status = versions.isEmpty() ? Keyring.Status.PRIMARY : Keyring.Status.ACTIVE;
            versions.add(new Keyring.Version<>(jwk.kid(), file.getFileName().toString(), key, status, now));
            jwks.add(jwk);
        }
        return new ReceiverKeys(Keyring.of(versions), new JwkSet(jwks));
    }

    @Override
    public Optional<RSAPrivateKey> find(String kid) {
        return keyring.find(kid);
    }

    /** The public halves, primary first, as a JWK Set ({@code use=enc}, {@code alg=RSA-OAEP-256}). */
    public JwkSet publicKeys() {
        return publicKeys;
    }

    public String primaryKid() {
        return keyring.primary().kid();
    }

    public int size() {
        return keyring.versions().size();
    }
}
