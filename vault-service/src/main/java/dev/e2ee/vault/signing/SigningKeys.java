package dev.e2ee.vault.signing;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.vault.signing.SigningKeyFiles.SigningKeyFile;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The vault's envelope-signing keyring. The keys themselves come only from {@code SENDER_PRIVATE_KEY_PATH} (loaded
 * at startup, newest first); which of them is primary, active or retired is fleet-wide state kept in
 * {@code cryptographic_keys} and applied here by {@link SigningKeyRefresher}. Private keys never leave memory and
 * never go into the database.
 *
 * <p>{@link #get()} is a plain volatile read (the sealer calls it per envelope); a new state replaces the whole
 * immutable keyring atomically.
 */
public final class SigningKeys implements Supplier<Keyring<KeyPair>> {

    public static final String NAME = "vault-sign";

    private final List<SigningKeyFile> loaded;
    private final Instant loadedAt;
    private final AtomicReference<Keyring<KeyPair>> ring;

    /** Starts with the first listed key as primary until the stored state is applied. */
    public SigningKeys(List<SigningKeyFile> loaded, Instant loadedAt) {
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        this.loaded = List.copyOf(loaded);
        this.loadedAt = loadedAt;
        this.ring = new AtomicReference<>(resolve(Map.of()).orElseThrow());
    }

    @Override
    public Keyring<KeyPair> get() {
        return ring.get();
    }

    /** The keys from the configuration, in configured order (newest first). */
    public List<SigningKeyFile> loaded() {
        return loaded;
    }

    Optional<SigningKeyFile> loaded(String kid) {
        return loaded.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /**
     * The keyring for this stored state (statuses by kid; kids without a row count as active): the primary is the
     * first loaded key stored as primary, else (no row says so: fresh install, or the stored primary's file is not
     * loaded here) the first loaded key that is not retired. Loaded keys stored as retired stay in the keyring as
     * {@link Keyring.Status#RETIRED} (never used, never published); every other loaded key is active. Empty when
     * every loaded key is retired.
     */
    Optional<Keyring<KeyPair>> resolve(Map<String, Keyring.Status> stored) {
        SigningKeyFile primary = loaded.stream()
                .filter(k -> stored.get(k.kid()) == Keyring.Status.PRIMARY)
                .findFirst()
                .or(() -> loaded.stream()
                        .filter(k -> stored.get(k.kid()) != Keyring.Status.RETIRED)
                        .findFirst())
                .orElse(null);
        if (primary == null) {
            return Optional.empty();
        }
        List<Keyring.Version<KeyPair>> versions = new ArrayList<>(loaded.size());
        for (SigningKeyFile key : loaded) {
            Keyring.Status status = key == primary
                    ? Keyring.Status.PRIMARY
                    : stored.get(key.kid()) == Keyring.Status.RETIRED ? Keyring.Status.RETIRED : Keyring.Status.ACTIVE;
            versions.add(new Keyring.Version<>(key.kid(), key.kid(), key.pair(), status, loadedAt));
        }
        return Optional.of(Keyring.of(versions));
    }

    /** Swaps in the keyring of this stored state; returns it, or empty (state kept) when every key is retired. */
    synchronized Optional<Keyring<KeyPair>> apply(Map<String, Keyring.Status> stored) {
        Optional<Keyring<KeyPair>> next = resolve(stored);
        next.ifPresent(ring::set);
        return next;
    }

    /**
     * Reads the stored state and applies it under the same lock as {@link #apply}, so a refresh that read the table
     * before a rotation committed can never overwrite the state the rotation applied afterwards.
     */
    synchronized Optional<Keyring<KeyPair>> refresh(Supplier<Map<String, Keyring.Status>> storedState) {
        return apply(storedState.get());
    }

    /** Public JWKs of every non-retired version, primary first, then in configured order. */
    public List<Jwk> publicJwks() {
        Keyring<KeyPair> current = ring.get();
        List<Jwk> jwks = new ArrayList<>(current.versions().size());
        jwks.add(Jwk.signing((RSAPublicKey) current.primary().key().getPublic()));
        for (Keyring.Version<KeyPair> version : current.versions()) {
            if (version.status() == Keyring.Status.ACTIVE) {
                jwks.add(Jwk.signing((RSAPublicKey) version.key().getPublic()));
            }
        }
        return jwks;
    }
}
