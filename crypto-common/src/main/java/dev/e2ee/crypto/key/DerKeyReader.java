package dev.e2ee.crypto.key;

import dev.e2ee.crypto.KeyValidationException;
import java.io.IOException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** DER key parsing: PKCS#8 or PKCS#1 private keys, SPKI or PKCS#1 public keys, told apart by their structure. */
final class DerKeyReader {

    private DerKeyReader() {}

    static RSAPrivateCrtKey privateKey(byte[] der) {
        ASN1Sequence sequence = sequence(der);
        try {
            if (sequence.size() == 3 || sequence.size() == 4 || sequence.size() == 5) {
                if (sequence.getObjectAt(1) instanceof ASN1Sequence) {
                    return KeyConversion.privateKey(PrivateKeyInfo.getInstance(sequence));
                }
            }
            if (sequence.size() >= 9 && allIntegers(sequence, 9)) {
                return KeyConversion.privateKey(RSAPrivateKey.getInstance(sequence));
            }
        } catch (IllegalArgumentException e) {
            throw new KeyValidationException("DER data is not a PKCS#8 or PKCS#1 private key");
        }
        if (sequence.size() == 2) {
            throw new KeyValidationException("found a public key where a private key is expected");
        }
        throw new KeyValidationException("DER data is not a PKCS#8 or PKCS#1 private key");
    }

    static RSAPublicKey publicKey(byte[] der) {
        ASN1Sequence sequence = sequence(der);
        try {
            if (sequence.size() == 2 && sequence.getObjectAt(0) instanceof ASN1Sequence) {
                return KeyConversion.publicKey(SubjectPublicKeyInfo.getInstance(sequence));
            }
            if (sequence.size() == 2 && allIntegers(sequence, 2)) {
                org.bouncycastle.asn1.pkcs.RSAPublicKey rsa =
                        org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(sequence);
                return KeyConversion.publicKey(rsa.getModulus(), rsa.getPublicExponent());
            }
        } catch (IllegalArgumentException e) {
            throw new KeyValidationException("DER data is not an SPKI or PKCS#1 public key");
        }
        if (sequence.size() >= 3) {
            throw new KeyValidationException("found a private key where a public key is expected");
        }
        throw new KeyValidationException("DER data is not an SPKI or PKCS#1 public key");
    }

    private static ASN1Sequence sequence(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (primitive instanceof ASN1Sequence sequence) {
                return sequence;
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new KeyValidationException("data is neither PEM nor DER and cannot be parsed as a key");
        }
        throw new KeyValidationException("data is neither PEM nor DER and cannot be parsed as a key");
    }

    private static boolean allIntegers(ASN1Sequence sequence, int count) {
        for (int i = 0; i < count; i++) {
            if (!(sequence.getObjectAt(i) instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }
}
