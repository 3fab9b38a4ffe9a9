package dev.e2ee.crypto.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.Pae;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.TestProviders;
import dev.e2ee.crypto.key.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AtRestEncryptorTests {

    private static final byte[] PLAINTEXT = "a prompt at rest".getBytes(StandardCharsets.UTF_8);
    private static final RecordContext CONTEXT =
            new RecordContext("prompts", "7c9e6679-7425-40de-944b-e07fc1f90ae7", 3);
    private static final String KEK_A = StrictBase64.encode(random());
    private static final String KEK_B = StrictBase64.encode(random());

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }

    private static AtRestEncryptor encryptor(String config, CryptoProvider provider) {
        return AtRestEncryptor.create(ConfiguredKeyEncryptionKeys.fromConfig(config, provider), provider);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void encryptWhenDecryptedWithSameContextThenPlaintext(CryptoProvider provider) {
        AtRestEncryptor encryptor = encryptor(KEK_A, provider);
        EncryptedRecord record = encryptor.encrypt(PLAINTEXT, CONTEXT);
        assertThat(record.ciphertextAndTag()).hasSize(PLAINTEXT.length + 16);
        assertThat(encryptor.decrypt(EncryptedRecord.fromBytes(record.toBytes()), CONTEXT))
                .isEqualTo(PLAINTEXT);
        assertThat(encryptor.encrypt(PLAINTEXT, CONTEXT).wrappedDek())
                .as("fresh DEK per record")
                .isNotEqualTo(record.wrappedDek());
    }

    @Test
    void decryptWhenTableRecordOrVersionDiffersThenRejected() {
        AtRestEncryptor encryptor = encryptor(KEK_A, CryptoProvider.defaults());
        EncryptedRecord record = encryptor.encrypt(PLAINTEXT, CONTEXT);
        RecordContext[] wrong = {
            new RecordContext("prompt_versions", CONTEXT.recordId(), CONTEXT.version()),
            new RecordContext(CONTEXT.table(), "7c9e6679-7425-40de-944b-e07fc1f90ae8", CONTEXT.version()),
            new RecordContext(CONTEXT.table(), CONTEXT.recordId(), CONTEXT.version() + 1)
        };
        for (RecordContext context : wrong) {
            assertThatThrownBy(() -> encryptor.decrypt(record, context))
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("decryption failed");
        }
    }

    @Test
    void decryptWhenCiphertextOrWrappedKeyFlippedThenRejected() {
        AtRestEncryptor encryptor = encryptor(KEK_A, CryptoProvider.defaults());
        EncryptedRecord record = encryptor.encrypt(PLAINTEXT, CONTEXT);
        byte[] ct = record.ciphertextAndTag();
        ct[0] ^= 1;
        byte[] wrapped = record.wrappedDek();
        wrapped[wrapped.length - 1] ^= 1;
        assertThatThrownBy(() -> encryptor.decrypt(
                        new EncryptedRecord(record.kekId(), record.wrappedDek(), record.iv(), ct), CONTEXT))
                .hasMessage("decryption failed");
        assertThatThrownBy(() -> encryptor.decrypt(
                        new EncryptedRecord(record.kekId(), wrapped, record.iv(), record.ciphertextAndTag()), CONTEXT))
                .hasMessage("decryption failed");
    }

    @Test
    void rewrapWhenKekRotatedThenNewKekSameCiphertextAndOldKekNotNeeded() {
        EncryptedRecord old = encryptor(KEK_A, CryptoProvider.defaults()).encrypt(PLAINTEXT, CONTEXT);
        AtRestEncryptor rotated = encryptor("new:" + KEK_B + ",old:" + KEK_A, CryptoProvider.defaults());
        assertThat(rotated.needsRewrap(old)).isTrue();
        assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo(PLAINTEXT);
        EncryptedRecord rewrapped = rotated.rewrap(old, CONTEXT);
        assertThat(rewrapped.kekId()).isEqualTo(ConfiguredKeyEncryptionKeys.keyId(StrictBase64.decode(KEK_B)));
        assertThat(rewrapped.ciphertextAndTag()).isEqualTo(old.ciphertextAndTag());
        assertThat(rewrapped.iv()).isEqualTo(old.iv());
        assertThat(rotated.needsRewrap(rewrapped)).isFalse();
        AtRestEncryptor onlyNew = encryptor(KEK_B, CryptoProvider.defaults());
        assertThat(onlyNew.decrypt(rewrapped, CONTEXT)).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> onlyNew.decrypt(old, CONTEXT)).hasMessage("decryption failed");
    }

    @Test
    void decryptWhenKekRetiredThenRejected() {
        SecretKey a = new SecretKeySpec(StrictBase64.decode(KEK_A), "AES");
        SecretKey b = new SecretKeySpec(StrictBase64.decode(KEK_B), "AES");
        String idA = ConfiguredKeyEncryptionKeys.keyId(a.getEncoded());
        Keyring<SecretKey> ring = Keyring.single(idA, "a", a, Instant.EPOCH)
                .rotate(ConfiguredKeyEncryptionKeys.keyId(b.getEncoded()), "b", b, Instant.EPOCH);
        EncryptedRecord record = AtRestEncryptor.create(
                        ConfiguredKeyEncryptionKeys.fromConfig(KEK_A), CryptoProvider.defaults())
                .encrypt(PLAINTEXT, CONTEXT);
        AtRestEncryptor active =
                AtRestEncryptor.create(ConfiguredKeyEncryptionKeys.fromKeyring(ring), CryptoProvider.defaults());
        assertThat(active.decrypt(record, CONTEXT)).isEqualTo(PLAINTEXT);
        AtRestEncryptor retired = AtRestEncryptor.create(
                ConfiguredKeyEncryptionKeys.fromKeyring(ring.retire(idA)), CryptoProvider.defaults());
        assertThatThrownBy(() -> retired.decrypt(record, CONTEXT)).hasMessage("decryption failed");
        assertThatThrownBy(() -> retired.rewrap(record, CONTEXT)).hasMessage("decryption failed");
    }

    @Test
    void fromBytesWhenTruncatedOrWrongVersionThenRejected() {
        byte[] bytes = encryptor(KEK_A, CryptoProvider.defaults())
                .encrypt(PLAINTEXT, CONTEXT)
                .toBytes();
        byte[] wrongVersion = bytes.clone();
        wrongVersion[0] = 2;
        assertThatThrownBy(() -> EncryptedRecord.fromBytes(wrongVersion)).hasMessage("encrypted record is malformed");
        assertThatThrownBy(() -> EncryptedRecord.fromBytes(java.util.Arrays.copyOf(bytes, 30)))
                .hasMessage("encrypted record is malformed");
        assertThatThrownBy(() -> EncryptedRecord.fromBytes(new byte[0])).hasMessage("encrypted record is malformed");
    }

    @Test
    void fromConfigWhenEntriesInvalidThenPreciseMessageWithoutKeyMaterial() {
        String shortKey = StrictBase64.encode(new byte[16]);
        assertThatThrownBy(() -> ConfiguredKeyEncryptionKeys.fromConfig(KEK_A + "," + shortKey))
                .hasMessage("key-encryption key entry 2 decodes to 16 bytes; 32 are required");
        assertThatThrownBy(() -> ConfiguredKeyEncryptionKeys.fromConfig("not*base64"))
                .hasMessage("key-encryption key entry 1 is not valid base64");
        assertThatThrownBy(() -> ConfiguredKeyEncryptionKeys.fromConfig(" "))
                .hasMessage("no key-encryption key configured");
        assertThatThrownBy(() -> ConfiguredKeyEncryptionKeys.fromConfig(KEK_A + "," + KEK_A))
                .message()
                .contains("duplicate")
                .doesNotContain(KEK_A);
        ConfiguredKeyEncryptionKeys keys = ConfiguredKeyEncryptionKeys.fromConfig(" primary:" + KEK_B + " , " + KEK_A);
        assertThat(keys.currentKeyId()).matches("kek2-[A-Za-z0-9_-]{16}");
        assertThat(keys.keyring().primary().label()).isEqualTo("primary");
        assertThat(keys.keyring().versions()).hasSize(2);
        assertThat(keys.toString()).doesNotContain(KEK_A).doesNotContain(KEK_B);
    }

    @Test
    void derivedHasherWhenLabelledListThenDerivedFromThePrimaryKeyOnly() {
        ConfiguredKeyEncryptionKeys keys = ConfiguredKeyEncryptionKeys.fromConfig(" primary:" + KEK_B + " , " + KEK_A);

        byte[] hash = keys.derivedHasher("purpose").hash("domain", "value");

        assertThat(hash)
                .isEqualTo(KeyedHasher.create(StrictBase64.decode(KEK_B))
                        .derive("purpose")
                        .hash("domain", "value"))
                .isNotEqualTo(KeyedHasher.create(StrictBase64.decode(KEK_A))
                        .derive("purpose")
                        .hash("domain", "value"))
                .isNotEqualTo(keys.derivedHasher("other").hash("domain", "value"));
    }

    @Test
    void encryptWhenWrappedThenAesKeyWrapUnderPerWrapDerivedKeyNeverTheRawKek() {
        byte[] kek = StrictBase64.decode(KEK_A);
        EncryptedRecord record = encryptor(KEK_A, CryptoProvider.defaults()).encrypt(PLAINTEXT, CONTEXT);

        assertThat(record.kekId()).isEqualTo("kek2-" + ConfiguredKeyEncryptionKeys.fingerprint(kek));
        assertThat(record.wrappedDek()).hasSize(AesKeyWrap.WRAPPED_LENGTH);
        byte[] info = Pae.encode(
                "e2ee-kek-wrap-v2".getBytes(StandardCharsets.UTF_8),
                record.kekId().getBytes(StandardCharsets.UTF_8),
                CONTEXT.associatedData());
        byte[] dek = AesKeyWrap.unwrap(KeyedHasher.create(kek).expand(info, 32), record.wrappedDek());
        assertThat(AesGcm.create(dek, CryptoProvider.jdk())
                        .decrypt(record.iv(), record.ciphertextAndTag(), CONTEXT.associatedData()))
                .isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> AesKeyWrap.unwrap(kek, record.wrappedDek())).hasMessage("decryption failed");
    }

    @Test
    void decryptWhenFormat1GcmWrapThenStillReadableAndRewrapMovesItToFormat2() {
        byte[] kek = StrictBase64.decode(KEK_A);
        EncryptedRecord legacy = LegacyRecords.of(kek, PLAINTEXT, CONTEXT);
        AtRestEncryptor encryptor = encryptor(KEK_A, CryptoProvider.defaults());

        assertThat(encryptor.decrypt(EncryptedRecord.fromBytes(legacy.toBytes()), CONTEXT))
                .isEqualTo(PLAINTEXT);
        assertThat(encryptor.needsRewrap(legacy)).isTrue();
        EncryptedRecord moved = encryptor.rewrap(legacy, CONTEXT);
        assertThat(moved.kekId()).isEqualTo(ConfiguredKeyEncryptionKeys.keyId(kek));
        assertThat(moved.wrappedDek()).hasSize(AesKeyWrap.WRAPPED_LENGTH);
        assertThat(moved.ciphertextAndTag()).isEqualTo(legacy.ciphertextAndTag());
        assertThat(encryptor.needsRewrap(moved)).isFalse();
        assertThat(encryptor.decrypt(moved, CONTEXT)).isEqualTo(PLAINTEXT);
        RecordContext other = new RecordContext(CONTEXT.table(), CONTEXT.recordId(), CONTEXT.version() + 1);
        assertThatThrownBy(() -> encryptor.decrypt(legacy, other)).hasMessage("decryption failed");
    }

    @Test
    void decryptWhenFormat1WrapUnderFormat2IdOrTheReverseThenRejected() {
        byte[] kek = StrictBase64.decode(KEK_A);
        AtRestEncryptor encryptor = encryptor(KEK_A, CryptoProvider.defaults());
        EncryptedRecord legacy = LegacyRecords.of(kek, PLAINTEXT, CONTEXT);
        EncryptedRecord current = encryptor.encrypt(PLAINTEXT, CONTEXT);

        assertThatThrownBy(() -> encryptor.decrypt(
                        new EncryptedRecord(
                                current.kekId(), legacy.wrappedDek(), legacy.iv(), legacy.ciphertextAndTag()),
                        CONTEXT))
                .hasMessage("decryption failed");
        assertThatThrownBy(() -> encryptor.decrypt(
                        new EncryptedRecord(
                                legacy.kekId(), current.wrappedDek(), current.iv(), current.ciphertextAndTag()),
                        CONTEXT))
                .hasMessage("decryption failed");
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
