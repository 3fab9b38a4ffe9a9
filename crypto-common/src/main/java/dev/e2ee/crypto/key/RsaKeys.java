package dev.e2ee.crypto.key;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * RSA key generation, loading (PEM or DER: PKCS#8, SPKI, PKCS#1) and validation. Every key that comes out of here is
 * RSA, has a modulus of at least 2048 bits and public exponent 65537; errors say what is wrong without key material.
 */
public final class RsaKeys {

    public static final int MIN_BITS = 2048;
    public static final int MAX_BITS = 16384;
    public static final BigInteger EXPONENT = RSAKeyGenParameterSpec.F4;

    private RsaKeys() {}

    /** A fresh key pair of 2048, 3072 or 4096 bits with e = 65537, on the default provider. */
    public static KeyPair generate(int bits) {
        return generate(bits, CryptoProvider.defaults());
    }

    public static KeyPair generate(int bits, CryptoProvider provider) {
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new KeyValidationException("RSA key size must be 2048, 3072 or 4096 bits, not " + bits);
        }
        KeyPairGenerator generator = provider.rsaKeyPairGenerator();
        try {
            generator.initialize(new RSAKeyGenParameterSpec(bits, EXPONENT));
        } catch (InvalidAlgorithmParameterException e) {
            throw new KeyValidationException("RSA key generation refused the parameters", e);
        }
        return generator.generateKeyPair();
    }

    public static RSAPrivateCrtKey parsePrivateKey(String pem) {
        return PemKeyReader.privateKey(requirePem(pem));
    }

    public static RSAPrivateCrtKey parsePrivateKey(byte[] der) {
        return DerKeyReader.privateKey(Objects.requireNonNull(der, "der"));
    }

    public static RSAPublicKey parsePublicKey(String pem) {
        return PemKeyReader.publicKey(requirePem(pem));
    }

    public static RSAPublicKey parsePublicKey(byte[] der) {
        return DerKeyReader.publicKey(Objects.requireNonNull(der, "der"));
    }

    /** Reads a PEM or DER private key file. */
    public static RSAPrivateCrtKey readPrivateKey(Path path) {
        byte[] bytes = read(path);
        return looksLikePem(bytes)
                ? parsePrivateKey(new String(bytes, StandardCharsets.US_ASCII))
                : parsePrivateKey(bytes);
    }

    /** Reads a PEM or DER public key file. */
    public static RSAPublicKey readPublicKey(Path path) {
        byte[] bytes = read(path);
        return looksLikePem(bytes)
                ? parsePublicKey(new String(bytes, StandardCharsets.US_ASCII))
                : parsePublicKey(bytes);
    }

    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        validatePrivate(privateKey);
        try {
            return (RSAPublicKey) CryptoProvider.defaults()
                    .rsaKeyFactory()
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new KeyValidationException("cannot derive the public key from the private key", e);
        }
    }

    /** The pair, after checking that both halves are valid and belong together. */
    public static KeyPair pair(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        validatePrivate(privateKey);
        validatePublic(publicKey);
        if (!privateKey.getModulus().equals(publicKey.getModulus())
                || !privateKey.getPublicExponent().equals(publicKey.getPublicExponent())) {
            throw new KeyValidationException("the private key and the public key do not belong to the same key pair");
        }
        return new KeyPair(publicKey, privateKey);
    }

    /** SPKI {@code PUBLIC KEY} PEM. */
    public static String toPem(RSAPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PKCS#8 {@code PRIVATE KEY} PEM. */
    public static String toPem(RSAPrivateKey key) {
        return pkcs8Pem(key.getEncoded());
    }

    /**
     * PKCS#8 PEM of any private key's DER encoding (what {@code openssl genpkey} writes), e.g. an X25519 key made at
     * test or run time.
     */
    public static String pkcs8Pem(byte[] pkcs8Der) {
        return pem("PRIVATE KEY", pkcs8Der);
    }

    /** Refuses anything but an RSA public key of at least 2048 bits with e = 65537. */
    public static RSAPublicKey validatePublic(RSAPublicKey key) {
        if (key == null) {
            throw new KeyValidationException("no RSA public key given");
        }
        checkModulusAndExponent(key.getModulus(), key.getPublicExponent());
        return key;
    }

    /** Refuses anything but a consistent RSA CRT private key of at least 2048 bits with e = 65537. */
    public static RSAPrivateCrtKey validatePrivate(RSAPrivateCrtKey key) {
        if (key == null) {
            throw new KeyValidationException("no RSA private key given");
        }
        checkModulusAndExponent(key.getModulus(), key.getPublicExponent());
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        if (p == null || q == null || !p.multiply(q).equals(key.getModulus())) {
            throw new KeyValidationException(
                    "RSA private key is inconsistent: its primes do not multiply to the modulus");
        }
        return key;
    }

    private static void checkModulusAndExponent(BigInteger modulus, BigInteger exponent) {
        int bits = modulus.bitLength();
        if (bits < MIN_BITS) {
            throw new KeyValidationException(
                    "RSA key is " + bits + " bits; at least " + MIN_BITS + " bits are required");
        }
        if (bits > MAX_BITS) {
            throw new KeyValidationException("RSA key is " + bits + " bits; at most " + MAX_BITS + " are supported");
        }
        if (!EXPONENT.equals(exponent)) {
            String shown =
                    exponent.bitLength() <= 32 ? exponent.toString() : "a " + exponent.bitLength() + "-bit value";
            throw new KeyValidationException("RSA public exponent is " + shown + "; only 65537 is accepted");
        }
    }

    private static String requirePem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new KeyValidationException("no PEM text given");
        }
        return pem;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(Objects.requireNonNull(path, "path"));
        } catch (IOException e) {
            throw new KeyValidationException(
                    "cannot read key file " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
