package dev.e2ee.crypto.key;

import dev.e2ee.crypto.KeyValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** PEM key parsing with BouncyCastle's {@link PEMParser}: PKCS#8, PKCS#1 RSA private keys, SPKI, PKCS#1 public keys. */
final class PemKeyReader {

    private PemKeyReader() {}

    static RSAPrivateCrtKey privateKey(String pem) {
        Object object = read(pem);
        if (object instanceof PrivateKeyInfo info) {
            return KeyConversion.privateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
            return KeyConversion.privateKey(pair.getPrivateKeyInfo());
        }
        if (object instanceof SubjectPublicKeyInfo) {
            throw new KeyValidationException("found a public key where a private key is expected");
        }
        throw refusal(object, "private key");
    }

    static RSAPublicKey publicKey(String pem) {
        Object object = read(pem);
        if (object instanceof SubjectPublicKeyInfo info) {
            return KeyConversion.publicKey(info);
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
            throw new KeyValidationException("found a private key where a public key is expected");
        }
        throw refusal(object, "public key");
    }

    private static Object read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new KeyValidationException("no PEM block found");
            }
            return object;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new KeyValidationException("PEM block is malformed and cannot be parsed");
        }
    }

    private static KeyValidationException refusal(Object object, String expected) {
        if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            return new KeyValidationException("encrypted private keys are not supported; decrypt the key first");
        }
        if (object instanceof X509CertificateHolder) {
            return new KeyValidationException("found a certificate where a " + expected + " is expected");
        }
        return new KeyValidationException("unsupported PEM content where a " + expected + " is expected");
    }
}
