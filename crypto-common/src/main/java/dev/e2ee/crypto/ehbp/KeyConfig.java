package dev.e2ee.crypto.ehbp;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One public key configuration (RFC 9458 §3.2): {@code key_id (1) ‖ kem_id (2) ‖ public key (32) ‖ suites length (2)
 * ‖ (kdf_id (2) ‖ aead_id (2))*}. Only this project's suite is ever written; {@link #decodeList} keeps the
 * configurations that offer it and skips the others.
 */
public final class KeyConfig {

    private final int keyId;
    private final byte[] publicKey;

    private KeyConfig(int keyId, byte[] publicKey) {
        this.keyId = keyId;
        this.publicKey = publicKey.clone();
    }

    /** A configuration for a raw 32-byte X25519 public key; its {@code key_id} is the first byte of SHA-256(key). */
    public static KeyConfig of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ehbp.ENC_LENGTH) {
            throw new IllegalArgumentException("an X25519 public key is 32 bytes");
        }
        return new KeyConfig(sha256(publicKey)[0] & 0xff, publicKey);
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + Ehbp.ENC_LENGTH + 2 + 4);
        out.put((byte) keyId).putShort(Ehbp.KEM_ID).put(publicKey);
        out.putShort((short) 4).putShort(Ehbp.KDF_ID).putShort(Ehbp.AEAD_ID);
        return out.array();
    }

    /** The {@code application/ohttp-keys} body: each configuration prefixed by its 2-byte length. */
    public static byte[] encodeList(List<KeyConfig> configs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (KeyConfig config : configs) {
            byte[] encoded = config.encode();
            out.write(encoded.length >>> 8);
            out.write(encoded.length);
            out.writeBytes(encoded);
        }
        return out.toByteArray();
    }

    /**
     * Parses an {@code application/ohttp-keys} body, keeping (in order) the configurations of this suite.
     *
     * @throws IllegalArgumentException if the body is not a well-formed list
     */
    public static List<KeyConfig> decodeList(byte[] body) {
        List<KeyConfig> configs = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            while (in.hasRemaining()) {
                int length = Short.toUnsignedInt(in.getShort());
                byte[] config = new byte[length];
                in.get(config);
                decode(config, configs);
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("malformed key configuration list");
        }
        return configs;
    }

    private static void decode(byte[] config, List<KeyConfig> into) {
        ByteBuffer in = ByteBuffer.wrap(config);
        int keyId = Byte.toUnsignedInt(in.get());
        short kem = in.getShort();
        if (kem != Ehbp.KEM_ID) {
            return; // another KEM: its key length is unknown here, and its configuration is not for this suite
        }
        byte[] key = new byte[Ehbp.ENC_LENGTH];
        in.get(key);
        int suites = Short.toUnsignedInt(in.getShort());
        if (suites % 4 != 0 || suites != in.remaining()) {
            throw new IllegalArgumentException("malformed key configuration");
        }
        boolean offered = false;
        for (int i = 0; i < suites / 4; i++) {
            offered |= in.getShort() == Ehbp.KDF_ID & in.getShort() == Ehbp.AEAD_ID;
        }
        if (offered) {
            into.add(new KeyConfig(keyId, key));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyConfig that && keyId == that.keyId && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * keyId + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "KeyConfig[keyId=" + keyId + ", publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
