package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.Pae;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Test fixture: writes records the way versions before AES Key Wrap did (wrap format 1, read only in production), so
 * the unwrap and the KEK re-wrap of old rows can be tested. Shared with the vault's tests through the test jar.
 */
public final class LegacyRecords {

    private LegacyRecords() {}

    /** A record whose DEK is wrapped with AES-256-GCM under the raw KEK (format 1). */
    public static EncryptedRecord of(byte[] kek, byte[] plaintext, RecordContext context) {
        byte[] dek = new byte[32];
        new SecureRandom().nextBytes(dek);
        byte[] aad = context.associatedData();
        AesGcm.Sealed body = AesGcm.create(dek, CryptoProvider.jdk()).encrypt(plaintext, aad);
        String kekId = ConfiguredKeyEncryptionKeys.legacyKeyId(kek);
        AesGcm.Sealed wrap = AesGcm.create(kek, CryptoProvider.jdk())
                .encrypt(
                        dek,
                        Pae.encode(
                                "e2ee-kek-wrap-v1".getBytes(StandardCharsets.UTF_8),
                                kekId.getBytes(StandardCharsets.UTF_8),
                                aad));
        byte[] wrapped =
                new byte[60]; // iv(12) ‖ AES-256-GCM(dek)(32) ‖ tag(16), spelled out: the fixture pins the format
        System.arraycopy(wrap.iv(), 0, wrapped, 0, 12);
        System.arraycopy(wrap.ciphertextAndTag(), 0, wrapped, 12, 48);
        return new EncryptedRecord(kekId, wrapped, body.iv(), body.ciphertextAndTag());
    }
}
