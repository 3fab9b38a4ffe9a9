package dev.e2ee.crypto;

import dev.e2ee.crypto.CryptoProvider.Operation;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Interoperability self-test of one candidate provider against the JDK, per operation, with the exact parameters
 * crypto-common uses. {@link #run} returns null when the candidate passes, else a short reason.
 */
final class NativeSelfTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Provider candidate;
    private final CryptoProvider jdk = JdkProviders.jdk(null);
    private boolean candidateGeneratedKeys;

    NativeSelfTest(Provider candidate) {
        this.candidate = candidate;
    }

    /**
     * A 2048-bit key pair: from the candidate when its generator passes (then {@link #run} reports key generation as
     * passed without generating again), else from the JDK.
     */
    KeyPair keyPair() {
        try {
            KeyPair pair = generate(candidate);
            if (validGenerated(pair)) {
                candidateGeneratedKeys = true;
                return pair;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // fall through to the JDK generator; run(RSA_KEY_GENERATION) generates again and reports the reason
        }
        try {
            return generate(jdk.provider(Operation.RSA_KEY_GENERATION));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA key generation unavailable", e);
        }
    }

    String run(Operation operation, KeyPair keyPair) {
        try {
            boolean passed = switch (operation) {
                case AES_GCM -> aesGcm();
                case RSA_OAEP -> rsaOaep(keyPair);
                case RSA_PSS -> rsaPss(keyPair);
                case RSA_KEY_GENERATION -> validGenerated(generate(candidate));
                case RSA_KEY_FACTORY -> keyFactory(keyPair);
                case HMAC_SHA256 -> hmac();
            };
            return passed ? null : "self-test output differs from the JDK";
        } catch (GeneralSecurityException | RuntimeException e) {
            return NativeProviderProbe.describeFailure(e);
        }
    }

    private static KeyPair generate(Provider provider) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), RANDOM);
        return generator.generateKeyPair();
    }

    private static boolean validGenerated(KeyPair pair) {
        return pair.getPrivate() instanceof RSAPrivateCrtKey priv
                && pair.getPublic() instanceof RSAPublicKey pub
                && pub.getModulus().bitLength() == 2048
                && RSAKeyGenParameterSpec.F4.equals(pub.getPublicExponent())
                && priv.getModulus().equals(pub.getModulus())
                && priv.getPrimeP().multiply(priv.getPrimeQ()).equals(pub.getModulus());
    }

    private boolean aesGcm() throws GeneralSecurityException {
        byte[] key = random(32);
        byte[] iv = random(12);
        byte[] aad = random(20);
        byte[] plaintext = random(100);
        byte[] viaCandidate = gcm(candidate, Cipher.ENCRYPT_MODE, key, iv, aad, plaintext);
        byte[] viaJdk = gcm(jdk.provider(Operation.AES_GCM), Cipher.ENCRYPT_MODE, key, iv, aad, plaintext);
        byte[] back = gcm(candidate, Cipher.DECRYPT_MODE, key, iv, aad, viaJdk);
        return MessageDigest.isEqual(viaCandidate, viaJdk) && MessageDigest.isEqual(back, plaintext);
    }

    private static byte[] gcm(Provider provider, int mode, byte[] key, byte[] iv, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CryptoProvider.AES_GCM_TRANSFORMATION, provider);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    private boolean rsaOaep(KeyPair pair) throws GeneralSecurityException {
        byte[] secret = random(32);
        Provider jdkOaep = jdk.provider(Operation.RSA_OAEP);
        byte[] viaCandidate = oaep(candidate, Cipher.ENCRYPT_MODE, pair, secret);
        byte[] viaJdk = oaep(jdkOaep, Cipher.ENCRYPT_MODE, pair, secret);
        return MessageDigest.isEqual(oaep(jdkOaep, Cipher.DECRYPT_MODE, pair, viaCandidate), secret)
                && MessageDigest.isEqual(oaep(candidate, Cipher.DECRYPT_MODE, pair, viaJdk), secret);
    }

    private static byte[] oaep(Provider provider, int mode, KeyPair pair, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CryptoProvider.RSA_OAEP_TRANSFORMATION, provider);
        cipher.init(
                mode,
                mode == Cipher.ENCRYPT_MODE ? pair.getPublic() : pair.getPrivate(),
                CryptoProvider.OAEP_SHA256,
                RANDOM);
        return cipher.doFinal(input);
    }

    private boolean rsaPss(KeyPair pair) throws GeneralSecurityException {
        byte[] message = random(64);
        Provider jdkPss = jdk.provider(Operation.RSA_PSS);
        byte[] viaCandidate = sign(candidate, pair, message);
        byte[] viaJdk = sign(jdkPss, pair, message);
        byte[] tampered = viaJdk.clone();
        tampered[tampered.length / 2] ^= 1;
        return verify(jdkPss, pair, message, viaCandidate)
                && verify(candidate, pair, message, viaJdk)
                && !verify(candidate, pair, message, tampered);
    }

    private static byte[] sign(Provider provider, KeyPair pair, byte[] message) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(CryptoProvider.RSA_PSS_ALGORITHM, provider);
        signature.setParameter(CryptoProvider.PSS_SHA256);
        signature.initSign(pair.getPrivate(), RANDOM);
        signature.update(message);
        return signature.sign();
    }

    private static boolean verify(Provider provider, KeyPair pair, byte[] message, byte[] sig)
            throws GeneralSecurityException {
        Signature signature = Signature.getInstance(CryptoProvider.RSA_PSS_ALGORITHM, provider);
        signature.setParameter(CryptoProvider.PSS_SHA256);
        signature.initVerify(pair.getPublic());
        signature.update(message);
        return signature.verify(sig);
    }

    private boolean keyFactory(KeyPair pair) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA", candidate);
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
        RSAPublicKey pub = (RSAPublicKey)
                factory.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
        RSAPublicKey expected = (RSAPublicKey) pair.getPublic();
        return priv.getModulus().equals(expected.getModulus())
                && pub.getModulus().equals(expected.getModulus())
                && pub.getPublicExponent().equals(expected.getPublicExponent())
                && MessageDigest.isEqual(priv.getEncoded(), pair.getPrivate().getEncoded());
    }

    private boolean hmac() throws GeneralSecurityException {
        byte[] key = random(32);
        byte[] message = random(77);
        return MessageDigest.isEqual(
                mac(candidate, key, message), mac(jdk.provider(Operation.HMAC_SHA256), key, message));
    }

    private static byte[] mac(Provider provider, byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(CryptoProvider.HMAC_ALGORITHM, provider);
        mac.init(new SecretKeySpec(key, CryptoProvider.HMAC_ALGORITHM));
        return mac.doFinal(message);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
