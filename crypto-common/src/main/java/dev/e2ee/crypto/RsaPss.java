package dev.e2ee.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/** RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32 and trailer field 1 (docs/envelope-format.md#algorithms). */
public final class RsaPss {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CryptoProvider provider;

    private RsaPss(CryptoProvider provider) {
        this.provider = provider;
    }

    public static RsaPss create(CryptoProvider provider) {
        return new RsaPss(Objects.requireNonNull(provider, "provider"));
    }

    public byte[] sign(RSAPrivateKey key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        try {
            Signature signature = provider.rsaPssSignature();
            signature.initSign(key, RANDOM);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("signing failed", e);
        }
    }

    /** False for any signature that does not verify, including one of the wrong length or form. */
    public boolean verify(RSAPublicKey key, byte[] data, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        if (signature == null || signature.length != (key.getModulus().bitLength() + 7) / 8) {
            return false;
        }
        try {
            Signature verifier = provider.rsaPssSignature();
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException | IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("verification failed", e);
        }
    }

    @Override
    public String toString() {
        return "RsaPss[" + provider.provider(CryptoProvider.Operation.RSA_PSS).getName() + "]";
    }
}
