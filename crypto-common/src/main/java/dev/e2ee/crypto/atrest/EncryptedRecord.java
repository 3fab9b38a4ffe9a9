package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One encrypted record: the KEK id, the wrapped DEK, the IV and ciphertext ‖ tag. {@link #toBytes()} layout
 * (version 1, for one {@code bytea} column): {@code 0x01 ‖ u8 len ‖ kekId (UTF-8) ‖ u16 len ‖ wrappedDek ‖ iv(12) ‖
 * ciphertext ‖ tag(16)}, lengths big-endian.
 */
public record EncryptedRecord(String kekId, byte[] wrappedDek, byte[] iv, byte[] ciphertextAndTag) {

    static final byte FORMAT_VERSION = 1;

    public EncryptedRecord {
        Objects.requireNonNull(kekId, "kekId");
        wrappedDek = wrappedDek.clone();
        iv = iv.clone();
        ciphertextAndTag = ciphertextAndTag.clone();
        if (kekId.isEmpty()
                || kekId.getBytes(StandardCharsets.UTF_8).length > 255
                || wrappedDek.length > 0xffff
                || iv.length != AesGcm.IV_LENGTH
                || ciphertextAndTag.length < AesGcm.TAG_LENGTH) {
            throw new CryptoException("encrypted record is malformed");
        }
    }

    @Override
    public byte[] wrappedDek() {
        return wrappedDek.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertextAndTag() {
        return ciphertextAndTag.clone();
    }

    public byte[] toBytes() {
        byte[] kid = kekId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out =
                ByteBuffer.allocate(1 + 1 + kid.length + 2 + wrappedDek.length + iv.length + ciphertextAndTag.length);
        out.put(FORMAT_VERSION).put((byte) kid.length).put(kid);
        out.putShort((short) wrappedDek.length).put(wrappedDek).put(iv).put(ciphertextAndTag);
        return out.array();
    }

    public static EncryptedRecord fromBytes(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Objects.requireNonNull(bytes, "bytes"));
            if (in.get() != FORMAT_VERSION) {
                throw new CryptoException("encrypted record is malformed");
            }
            byte[] kid = new byte[Byte.toUnsignedInt(in.get())];
            in.get(kid);
            byte[] wrapped = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(wrapped);
            byte[] iv = new byte[AesGcm.IV_LENGTH];
            in.get(iv);
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            return new EncryptedRecord(new String(kid, StandardCharsets.UTF_8), wrapped, iv, rest);
        } catch (java.nio.BufferUnderflowException e) {
            throw new CryptoException("encrypted record is malformed");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedRecord r
                && kekId.equals(r.kekId)
                && Arrays.equals(wrappedDek, r.wrappedDek)
                && Arrays.equals(iv, r.iv)
                && Arrays.equals(ciphertextAndTag, r.ciphertextAndTag);
    }

    @Override
    public int hashCode() {
        return kekId.hashCode() * 31 + Arrays.hashCode(ciphertextAndTag);
    }

    @Override
    public String toString() {
        return "EncryptedRecord[kekId=" + kekId + ", wrappedDek=" + wrappedDek.length + " bytes, iv=" + iv.length
                + " bytes, ciphertextAndTag=" + ciphertextAndTag.length + " bytes]";
    }
}
