package dev.e2ee.crypto.ehbp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An EHBP client written from RFC 9180 and the EHBP profile with the JDK's primitives only (X25519 key agreement,
 * HMAC-SHA256, AES-GCM): no BouncyCastle and no code of the package under test, so the two implementations check
 * each other. One request, one response; chunks of the whole body.
 */
final class IndependentEhbpClient {

    private static final byte[] KEM_SUITE = {'K', 'E', 'M', 0x00, 0x20};
    private static final byte[] HPKE_SUITE = {'H', 'P', 'K', 'E', 0x00, 0x20, 0x00, 0x01, 0x00, 0x02};

    private final byte[] enc;
    private final byte[] key;
    private final byte[] baseNonce;
    private final byte[] exporterSecret;

    IndependentEhbpClient(byte[] serverPublicKey) throws Exception {
        KeyPair ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        enc = raw((XECPublicKey) ephemeral.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(publicKey(serverPublicKey), true);
        byte[] dh = agreement.generateSecret();
        byte[] eaePrk = labeledExtract(KEM_SUITE, new byte[0], "eae_prk", dh);
        byte[] sharedSecret = labeledExpand(KEM_SUITE, eaePrk, "shared_secret", concat(enc, serverPublicKey), 32);
        byte[] context = concat(
                new byte[] {0},
                labeledExtract(HPKE_SUITE, new byte[0], "psk_id_hash", new byte[0]),
                labeledExtract(HPKE_SUITE, new byte[0], "info_hash", ascii("ehbp request")));
        byte[] secret = labeledExtract(HPKE_SUITE, sharedSecret, "secret", new byte[0]);
        key = labeledExpand(HPKE_SUITE, secret, "key", context, 32);
        baseNonce = labeledExpand(HPKE_SUITE, secret, "base_nonce", context, 12);
        exporterSecret = labeledExpand(HPKE_SUITE, secret, "exp", context, 32);
    }

    String encapsulatedKeyHex() {
        return HexFormat.of().formatHex(enc);
    }

    /** The request body as one chunk (sequence number 0). */
    byte[] sealBody(byte[] plaintext) throws Exception {
        return frame(gcm(Cipher.ENCRYPT_MODE, key, xor(baseNonce, 0), plaintext));
    }

    byte[] openResponse(String nonceHex, byte[] body) throws Exception {
        byte[] nonce = HexFormat.of().parseHex(nonceHex);
        byte[] secret = labeledExpand(HPKE_SUITE, exporterSecret, "sec", ascii("ehbp response"), 32);
        byte[] prk = hmac(concat(enc, nonce), secret);
        byte[] responseKey = expand(prk, ascii("key"), 32);
        byte[] iv = expand(prk, ascii("nonce"), 12);
        ByteBuffer in = ByteBuffer.wrap(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; in.hasRemaining(); i++) {
            byte[] frame = new byte[in.getInt()];
            in.get(frame);
            out.writeBytes(gcm(Cipher.DECRYPT_MODE, responseKey, xor(iv, i), frame));
        }
        return out.toByteArray();
    }

    private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) throws Exception {
        return hmac(salt, concat(ascii("HPKE-v1"), suite, ascii(label), ikm));
    }

    private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length)
            throws Exception {
        byte[] labeled = concat(new byte[] {0, (byte) length}, ascii("HPKE-v1"), suite, ascii(label), info);
        return expand(prk, labeled, length);
    }

    /** HKDF-Expand for at most one block (all lengths here are ≤ 32). */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
        byte[] block = hmac(prk, concat(info, new byte[] {1}));
        return java.util.Arrays.copyOf(block, length);
    }

    /** HMAC-SHA256; an empty key is the same as 32 zero bytes (HMAC pads keys with zeros). */
    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[32] : key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] input) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return cipher.doFinal(input);
    }

    private static byte[] xor(byte[] nonce, long sequence) {
        byte[] out = nonce.clone();
        for (int b = 0; b < 8; b++) {
            out[out.length - 1 - b] ^= (byte) (sequence >>> (8 * b));
        }
        return out;
    }

    private static byte[] frame(byte[] ciphertext) {
        return ByteBuffer.allocate(4 + ciphertext.length)
                .putInt(ciphertext.length)
                .put(ciphertext)
                .array();
    }

    /** The raw little-endian u-coordinate of a JDK X25519 public key. */
    private static byte[] raw(XECPublicKey key) {
        byte[] bigEndian = key.getU().toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static java.security.PublicKey publicKey(byte[] raw) throws Exception {
        byte[] bigEndian = new byte[33];
        for (int i = 0; i < 32; i++) {
            bigEndian[32 - i] = raw[i];
        }
        bigEndian[1] &= 0x7f; // RFC 7748: the top bit of the last byte is masked
        return KeyFactory.getInstance("X25519")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(bigEndian)));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
