package dev.e2ee.vault.key;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The vault's envelope-signing keyring. Starts with the key from {@code SENDER_PRIVATE_KEY_PATH}; a rotation
 * generates a new RSA key in memory and makes it primary while the previous versions stay in the JWK Set (and
 * keep verifying) until retired. Private keys never leave memory and never go into the database.
 */
public final class SigningKeys implements Supplier<Keyring<KeyPair>> {

    public static final String NAME = "vault-sign";

    private final AtomicReference<Keyring<KeyPair>> ring;
    private final Clock clock;

    SigningKeys(KeyPair initial, Clock clock) {
        this.clock = clock;
        String kid = Jwk.thumbprint((RSAPublicKey) initial.getPublic());
        this.ring = new AtomicReference<>(Keyring.of(
                List.of(new Keyring.Version<>(kid, NAME + "-1", initial, Keyring.Status.PRIMARY, clock.instant()))));
    }

    @Override
    public Keyring<KeyPair> get() {
        return ring.get();
    }

    synchronized Keyring.Version<KeyPair> rotate(int bits) {
        KeyPair pair = RsaKeys.generate(bits);
        String kid = Jwk.thumbprint((RSAPublicKey) pair.getPublic());
        Keyring<KeyPair> next =
                ring.get().rotate(kid, NAME + "-" + (ring.get().versions().size() + 1), pair, clock.instant());
        ring.set(next);
        return next.primary();
    }

    synchronized void retire(String kid) {
        ring.set(ring.get().retire(kid));
    }

    /** Public JWKs of every non-retired version, primary first. */
    public List<Jwk> publicJwks() {
        Keyring<KeyPair> current = ring.get();
        return current.versions().stream()
                .filter(v -> v.status() != Keyring.Status.RETIRED)
                .sorted((a, b) ->
                        Boolean.compare(b.status() == Keyring.Status.PRIMARY, a.status() == Keyring.Status.PRIMARY))
                .map(v -> Jwk.signing((RSAPublicKey) v.key().getPublic()))
                .toList();
    }
}
