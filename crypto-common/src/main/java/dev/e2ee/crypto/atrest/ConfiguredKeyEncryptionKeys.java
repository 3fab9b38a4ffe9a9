package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyValidationException;
import dev.e2ee.crypto.Pae;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.key.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * KEKs from configuration: {@code E2EE_KEK} = comma-separated base64 32-byte keys, each optionally {@code label:base64};
 * the first entry is the primary (put the newest first). A KEK id is {@code kek-} + the first 16 base64url characters
 * of HMAC-SHA256(key, "e2ee-kek-id"). A wrapped DEK is {@code iv(12) ‖ AES-256-GCM(dek) ‖ tag(16)} with associated
 * data {@code PAE("e2ee-kek-wrap-v1", kekId, aad)}. Retired versions no longer unwrap.
 */
public final class ConfiguredKeyEncryptionKeys implements KeyEncryptionKeyProvider {

    static final String WRAP_DOMAIN = "e2ee-kek-wrap-v1";
    private static final int WRAPPED_LENGTH = AesGcm.IV_LENGTH + AesGcm.KEY_LENGTH + AesGcm.TAG_LENGTH;

    private final Keyring<SecretKey> keyring;
    private final CryptoProvider provider;

    private ConfiguredKeyEncryptionKeys(Keyring<SecretKey> keyring, CryptoProvider provider) {
        this.keyring = keyring;
        this.provider = provider;
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

    /** {@code kek-} + the first 16 base64url characters of HMAC-SHA256(key, "e2ee-kek-id"). */
    public static String keyId(byte[] key32) {
        try {
            Mac mac =
                    Mac.getInstance("HmacSHA256", CryptoProvider.jdk().provider(CryptoProvider.Operation.HMAC_SHA256));
            mac.init(new SecretKeySpec(key32, "HmacSHA256"));
            byte[] digest = mac.doFinal("e2ee-kek-id".getBytes(StandardCharsets.US_ASCII));
            return "kek-"
                    + Base64.getUrlEncoder()
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
        AesGcm.Sealed sealed =
                AesGcm.create(primary.key().getEncoded(), provider).encrypt(dek, wrapAad(primary.kid(), aad));
        byte[] out = new byte[WRAPPED_LENGTH];
        System.arraycopy(sealed.iv(), 0, out, 0, AesGcm.IV_LENGTH);
        System.arraycopy(sealed.ciphertextAndTag(), 0, out, AesGcm.IV_LENGTH, WRAPPED_LENGTH - AesGcm.IV_LENGTH);
        return new WrappedKey(primary.kid(), out);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] aad) {
        byte[] bytes = wrapped.wrapped();
        SecretKey key = keyring.find(wrapped.kekId()).orElseThrow(() -> new CryptoException("decryption failed"));
        if (bytes.length != WRAPPED_LENGTH) {
            throw new CryptoException("decryption failed");
        }
        return AesGcm.create(key.getEncoded(), provider)
                .decrypt(
                        Arrays.copyOf(bytes, AesGcm.IV_LENGTH),
                        Arrays.copyOfRange(bytes, AesGcm.IV_LENGTH, bytes.length),
                        wrapAad(wrapped.kekId(), aad));
    }

    @Override
    public boolean isCurrent(String kekId) {
        return kekId != null
                && MessageDigest.isEqual(
                        kekId.getBytes(StandardCharsets.UTF_8), currentKeyId().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] wrapAad(String kekId, byte[] aad) {
        return Pae.encode(
                WRAP_DOMAIN.getBytes(StandardCharsets.UTF_8),
                kekId.getBytes(StandardCharsets.UTF_8),
                aad == null ? new byte[0] : aad);
    }

    @Override
    public String toString() {
        return "ConfiguredKeyEncryptionKeys[primary=" + currentKeyId() + ", versions="
                + keyring.versions().size() + "]";
    }
}
