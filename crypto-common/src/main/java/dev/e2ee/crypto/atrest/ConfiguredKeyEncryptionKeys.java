package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyValidationException;
import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.Pae;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.key.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * KEKs from configuration: {@code E2EE_KEK} = comma-separated base64 32-byte keys, each optionally {@code label:base64};
 * the first entry is the primary (put the newest first).
 *
 * <p>Wrap format 2 (all new wraps): the KEK is only ever an HMAC-SHA256 key. Each wrap uses its own key,
 * {@code HKDF-Expand(kek, PAE("e2ee-kek-wrap-v2", kekId, aad), 32)} (RFC 5869, the KEK as the pseudorandom key),
 * and wraps the DEK with AES Key Wrap (RFC 3394): 40 bytes, deterministic, no nonce, so no AES-GCM random-nonce
 * limit however many DEKs are wrapped, and the associated data is bound through the derived key. Its KEK id is
 * {@code kek2-} + the first 16 base64url characters of HMAC-SHA256(kek, "e2ee-kek-id").
 *
 * <p>Format 1 (read only, moved by the KEK re-wrap): {@code iv(12) ‖ AES-256-GCM(dek) ‖ tag(16)} under the raw KEK
 * with associated data {@code PAE("e2ee-kek-wrap-v1", kekId, aad)}, KEK id {@code kek-} + the same 16 characters.
 * Rows still carrying a format-1 id are therefore "not current" and the re-wrap picks them up.
 * Retired versions unwrap in neither format.
 */
public final class ConfiguredKeyEncryptionKeys implements KeyEncryptionKeyProvider {

    static final String WRAP_DOMAIN = "e2ee-kek-wrap-v2";
    static final String LEGACY_WRAP_DOMAIN = "e2ee-kek-wrap-v1";
    private static final String ID_PREFIX = "kek2-";
    private static final String LEGACY_ID_PREFIX = "kek-";
    private static final int LEGACY_WRAPPED_LENGTH = AesGcm.IV_LENGTH + AesGcm.KEY_LENGTH + AesGcm.TAG_LENGTH;

    private final Keyring<SecretKey> keyring;
    private final CryptoProvider provider;
    /** Format-1 KEK id → the keyring kid of the same key. */
    private final Map<String, String> legacyIds;

    private ConfiguredKeyEncryptionKeys(Keyring<SecretKey> keyring, CryptoProvider provider) {
        this.keyring = keyring;
        this.provider = provider;
        Map<String, String> legacy = new HashMap<>();
        for (Keyring.Version<SecretKey> version : keyring.versions()) {
            legacy.put(legacyKeyId(version.key().getEncoded()), version.kid());
        }
        this.legacyIds = Map.copyOf(legacy);
    }

    public static ConfiguredKeyEncryptionKeys fromConfig(String value) {
        return fromConfig(value, CryptoProvider.defaults());
    }

    /** Parses the configuration value; errors name the entry number, never its content. */
    public static ConfiguredKeyEncryptionKeys fromConfig(String value, CryptoProvider provider) {
        if (value == null || value.isBlank()) {
            throw new KeyValidationException("no key-encryption key configured");
        }
        String[] entries = value.split(",");
        List<Keyring.Version<SecretKey>> versions = new ArrayList<>(entries.length);
        Instant now = Instant.now();
        for (int i = 0; i < entries.length; i++) {
            SecretKey key = decodeEntry(entries[i], i + 1);
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String kid = keyId(key.getEncoded());
            String label = colon > 0 ? entry.substring(0, colon).trim() : kid;
            Keyring.Status status = i == 0 ? Keyring.Status.PRIMARY : Keyring.Status.ACTIVE;
            versions.add(new Keyring.Version<>(kid, label, key, status, now));
        }
        try {
            return fromKeyring(Keyring.of(versions), provider);
        } catch (IllegalArgumentException e) {
            throw new KeyValidationException("key-encryption keys: " + e.getMessage());
        }
    }

    public static ConfiguredKeyEncryptionKeys fromKeyring(Keyring<SecretKey> keyring) {
        return fromKeyring(keyring, CryptoProvider.defaults());
    }

    public static ConfiguredKeyEncryptionKeys fromKeyring(Keyring<SecretKey> keyring, CryptoProvider provider) {
        for (Keyring.Version<SecretKey> version : keyring.versions()) {
            byte[] encoded = version.key().getEncoded();
            if (encoded == null || encoded.length != AesGcm.KEY_LENGTH) {
                throw new KeyValidationException("key-encryption key " + version.kid() + " is not 32 bytes");
            }
        }
        return new ConfiguredKeyEncryptionKeys(keyring, Objects.requireNonNull(provider, "provider"));
    }

    /** The KEK id of format-2 wraps: {@code kek2-} + {@link #fingerprint}. */
    public static String keyId(byte[] key32) {
        return ID_PREFIX + fingerprint(key32);
    }

    /** The KEK id format-1 wraps (before AES-KW) were stored with: {@code kek-} + {@link #fingerprint}. */
    public static String legacyKeyId(byte[] key32) {
        return LEGACY_ID_PREFIX + fingerprint(key32);
    }

    /** The first 16 base64url characters of HMAC-SHA256(key, "e2ee-kek-id"). */
    static String fingerprint(byte[] key32) {
        try {
            Mac mac =
                    Mac.getInstance("HmacSHA256", CryptoProvider.jdk().provider(CryptoProvider.Operation.HMAC_SHA256));
            mac.init(new SecretKeySpec(key32, "HmacSHA256"));
            byte[] digest = mac.doFinal("e2ee-kek-id".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA256 unavailable", e);
        }
    }

    private static SecretKey decodeEntry(String rawEntry, int position) {
        String entry = rawEntry.trim();
        int colon = entry.indexOf(':');
        String encoded = colon >= 0 ? entry.substring(colon + 1).trim() : entry;
        byte[] key;
        try {
            key = StrictBase64.decode(encoded);
        } catch (CryptoException e) {
            throw new KeyValidationException("key-encryption key entry " + position + " is not valid base64");
        }
        if (key.length != AesGcm.KEY_LENGTH) {
            throw new KeyValidationException(
                    "key-encryption key entry " + position + " decodes to " + key.length + " bytes; 32 are required");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** The keyring behind this provider (for rotation admin views: ids, labels, statuses). */
    public Keyring<SecretKey> keyring() {
        return keyring;
    }

    /**
     * A keyed hasher for {@code purpose} under the primary KEK: {@link KeyedHasher#derive} of the primary key, so the
     * KEK itself never leaves this class and a KEK rotation gives new hashes.
     */
    public KeyedHasher derivedHasher(String purpose) {
        return KeyedHasher.create(keyring.primary().key().getEncoded(), provider)
                .derive(purpose);
    }

    @Override
    public String currentKeyId() {
        return keyring.primary().kid();
    }

    @Override
    public WrappedKey wrap(byte[] dek, byte[] aad) {
        if (dek == null || dek.length != AesGcm.KEY_LENGTH) {
            throw new CryptoException("a data key must be 32 bytes");
        }
        Keyring.Version<SecretKey> primary = keyring.primary();
        byte[] wrapKey = wrapKey(primary.key(), primary.kid(), aad);
        try {
            return new WrappedKey(primary.kid(), AesKeyWrap.wrap(wrapKey, dek));
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] aad) {
        Optional<SecretKey> current = keyring.find(wrapped.kekId());
        if (current.isPresent()) {
            byte[] wrapKey = wrapKey(current.get(), wrapped.kekId(), aad);
            try {
                return AesKeyWrap.unwrap(wrapKey, wrapped.wrapped());
            } finally {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
        SecretKey legacy = Optional.ofNullable(legacyIds.get(wrapped.kekId()))
                .flatMap(keyring::find)
                .orElseThrow(() -> new CryptoException("decryption failed"));
        return unwrapLegacy(legacy, wrapped, aad);
    }

    private byte[] wrapKey(SecretKey kek, String kekId, byte[] aad) {
        byte[] info = Pae.encode(
                WRAP_DOMAIN.getBytes(StandardCharsets.UTF_8),
                kekId.getBytes(StandardCharsets.UTF_8),
                aad == null ? new byte[0] : aad);
        return KeyedHasher.create(kek.getEncoded(), provider).expand(info, AesGcm.KEY_LENGTH);
    }

    private byte[] unwrapLegacy(SecretKey key, WrappedKey wrapped, byte[] aad) {
        byte[] bytes = wrapped.wrapped();
        if (bytes.length != LEGACY_WRAPPED_LENGTH) {
            throw new CryptoException("decryption failed");
        }
        byte[] legacyAad = Pae.encode(
                LEGACY_WRAP_DOMAIN.getBytes(StandardCharsets.UTF_8),
                wrapped.kekId().getBytes(StandardCharsets.UTF_8),
                aad == null ? new byte[0] : aad);
        return AesGcm.create(key.getEncoded(), provider)
                .decrypt(
                        Arrays.copyOf(bytes, AesGcm.IV_LENGTH),
                        Arrays.copyOfRange(bytes, AesGcm.IV_LENGTH, bytes.length),
                        legacyAad);
    }

    @Override
    public boolean isCurrent(String kekId) {
        return kekId != null
                && MessageDigest.isEqual(
                        kekId.getBytes(StandardCharsets.UTF_8), currentKeyId().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ConfiguredKeyEncryptionKeys[primary=" + currentKeyId() + ", versions="
                + keyring.versions().size() + "]";
    }
}
