package dev.e2ee.crypto.key;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Turns parsed ASN.1 key structures into validated JCA RSA keys, checking the parameters before the JCA sees them. */
final class KeyConversion {

    private KeyConversion() {}

    static RSAPrivateCrtKey privateKey(PrivateKeyInfo info) {
        requireRsa(info.getPrivateKeyAlgorithm().getAlgorithm());
        RSAPrivateKey rsa;
        try {
            rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyValidationException("RSA private key structure is malformed");
        }
        return privateKey(rsa);
    }

    static RSAPrivateCrtKey privateKey(RSAPrivateKey rsa) {
        checkParameters(rsa.getModulus(), rsa.getPublicExponent());
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(
                rsa.getModulus(),
                rsa.getPublicExponent(),
                rsa.getPrivateExponent(),
                rsa.getPrime1(),
                rsa.getPrime2(),
                rsa.getExponent1(),
                rsa.getExponent2(),
                rsa.getCoefficient());
        try {
            RSAPrivateCrtKey key =
                    (RSAPrivateCrtKey) CryptoProvider.defaults().rsaKeyFactory().generatePrivate(spec);
            return RsaKeys.validatePrivate(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new KeyValidationException("RSA private key was refused by the key factory");
        }
    }

    static RSAPublicKey publicKey(SubjectPublicKeyInfo info) {
        requireRsa(info.getAlgorithm().getAlgorithm());
        org.bouncycastle.asn1.pkcs.RSAPublicKey rsa;
        try {
            rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(info.parsePublicKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyValidationException("RSA public key structure is malformed");
        }
        return publicKey(rsa.getModulus(), rsa.getPublicExponent());
    }

    static RSAPublicKey publicKey(BigInteger modulus, BigInteger exponent) {
        checkParameters(modulus, exponent);
        try {
            RSAPublicKey key = (RSAPublicKey)
                    CryptoProvider.defaults().rsaKeyFactory().generatePublic(new RSAPublicKeySpec(modulus, exponent));
            return RsaKeys.validatePublic(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new KeyValidationException("RSA public key was refused by the key factory");
        }
    }

    private static void checkParameters(BigInteger modulus, BigInteger exponent) {
        if (modulus == null || exponent == null || modulus.signum() <= 0 || exponent.signum() <= 0) {
            throw new KeyValidationException("RSA key has a missing or non-positive modulus or exponent");
        }
        // Same checks as RsaKeys.validatePublic, before any provider parses the numbers.
        RsaKeys.validatePublic(new ParsedPublicKey(modulus, exponent));
    }

    private static void requireRsa(ASN1ObjectIdentifier algorithm) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return;
        }
        throw new KeyValidationException("expected an RSA key but found " + describe(algorithm));
    }

    private static String describe(ASN1ObjectIdentifier algorithm) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return "an EC key";
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
            return "an RSASSA-PSS-restricted key (use a plain rsaEncryption key)";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm) || EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
            return "an EdDSA key";
        }
        if (X9ObjectIdentifiers.id_dsa.equals(algorithm)) {
            return "a DSA key";
        }
        return "a key with algorithm OID " + algorithm.getId();
    }

    /** Carrier for checking parsed numbers with {@link RsaKeys#validatePublic}. */
    private record ParsedPublicKey(BigInteger getModulus, BigInteger getPublicExponent) implements RSAPublicKey {

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }
}
