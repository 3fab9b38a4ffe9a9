package dev.e2ee.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with domain separation: {@code hash(domain, parts…) = HMAC(key, PAE(domain, parts…))}. Sub-keys for
 * distinct purposes come from {@link #derive(String)} or, as RFC 5869 HKDF-Expand output, {@link #expand}.
 * Thread-safe (one {@link Mac} per call).
 */
public final class KeyedHasher {

    public static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    private final CryptoProvider provider;

    private KeyedHasher(byte[] key, CryptoProvider provider) {
        this.key = new SecretKeySpec(key, CryptoProvider.HMAC_ALGORITHM);
        this.provider = provider;
    }

    /** A hasher on the default provider; the key must be at least 32 bytes. */
    public static KeyedHasher create(byte[] key) {
        return create(key, CryptoProvider.defaults());
    }

    public static KeyedHasher create(byte[] key, CryptoProvider provider) {
        if (key == null || key.length < MIN_KEY_LENGTH) {
            throw new CryptoException("HMAC key must be at least 32 bytes");
        }
        return new KeyedHasher(key.clone(), Objects.requireNonNull(provider, "provider"));
    }

    public byte[] hash(String domain, byte[]... parts) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(parts, "parts");
        byte[][] all = new byte[parts.length + 1][];
        all[0] = domain.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(parts, 0, all, 1, parts.length);
        return mac(Pae.encode(all));
    }

    /** {@code hash(domain, parts…)} with each part as UTF-8. */
    public byte[] hash(String domain, String... parts) {
        Objects.requireNonNull(parts, "parts");
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = Objects.requireNonNull(parts[i], "part").getBytes(StandardCharsets.UTF_8);
        }
        return hash(domain, bytes);
    }

    /** A hasher keyed with {@code HMAC(key, PAE("e2ee-derive-v1", purpose))}. */
    public KeyedHasher derive(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return new KeyedHasher(mac(Pae.encode("e2ee-derive-v1", purpose)), provider);
    }

    /**
     * HKDF-Expand (RFC 5869 §2.3) with this hasher's key as the pseudorandom key: for a key that is already uniformly
     * random (a KEK) the extract step is skipped, as RFC 5869 §3.3 allows. {@code length} is at most 255 × 32 bytes.
     */
    public byte[] expand(byte[] info, int length) {
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > 255 * 32) {
            throw new CryptoException("HKDF output length out of range");
        }
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int i = 1, done = 0; done < length; i++) {
            byte[] input = new byte[block.length + info.length + 1];
            System.arraycopy(block, 0, input, 0, block.length);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) i;
            block = mac(input);
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** A hasher keyed with {@code HKDF-Expand(key, info, 32)} (see {@link #expand}), on the same provider. */
    public KeyedHasher subkey(byte[] info) {
        return new KeyedHasher(expand(info, 32), provider);
    }

    private byte[] mac(byte[] input) {
        try {
            Mac mac = provider.hmacSha256();
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC failed", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHasher[HMAC-SHA256]";
    }
}
