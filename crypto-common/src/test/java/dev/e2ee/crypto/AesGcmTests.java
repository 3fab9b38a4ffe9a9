package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AesGcmTests {

    private static final byte[] KEY = random(32);
    private static final byte[] AAD = "header".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = "a prompt".getBytes(StandardCharsets.UTF_8);

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void encryptWhenDecryptedThenSamePlaintextAndExactSizes(CryptoProvider provider) {
        AesGcm aes = AesGcm.create(KEY, provider);
        AesGcm.Sealed sealed = aes.encrypt(PLAINTEXT, AAD);
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.tag()).hasSize(16);
        assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length);
        assertThat(aes.decrypt(sealed.iv(), sealed.ciphertext(), sealed.tag(), AAD))
                .isEqualTo(PLAINTEXT);
        assertThat(aes.decrypt(sealed.iv(), sealed.ciphertextAndTag(), AAD)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void decryptWhenAadDiffersThenRejected(CryptoProvider provider) {
        AesGcm aes = AesGcm.create(KEY, provider);
        AesGcm.Sealed sealed = aes.encrypt(PLAINTEXT, AAD);
        assertThatThrownBy(() -> aes.decrypt(sealed.iv(), sealed.ciphertext(), sealed.tag(), new byte[0]))
                .isInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void decryptWhenAnyByteFlippedThenRejected(CryptoProvider provider) {
        AesGcm aes = AesGcm.create(KEY, provider);
        AesGcm.Sealed sealed = aes.encrypt(PLAINTEXT, AAD);
        byte[][] fields = {sealed.iv(), sealed.ciphertext(), sealed.tag()};
        for (int field = 0; field < fields.length; field++) {
            for (int i = 0; i < fields[field].length; i++) {
                byte[][] copy = {sealed.iv(), sealed.ciphertext(), sealed.tag()};
                copy[field][i] ^= 0x01;
                assertThatThrownBy(() -> aes.decrypt(copy[0], copy[1], copy[2], AAD))
                        .isInstanceOf(CryptoException.class)
                        .hasMessage("decryption failed");
            }
        }
    }

    @Test
    void encryptWhenCalledTwiceThenFreshIv() {
        AesGcm aes = AesGcm.create(KEY, CryptoProvider.defaults());
        assertThat(aes.encrypt(PLAINTEXT, AAD).iv())
                .isNotEqualTo(aes.encrypt(PLAINTEXT, AAD).iv());
    }

    @Test
    void createWhenKeyNot32BytesThenRefused() {
        assertThatThrownBy(() -> AesGcm.create(new byte[16], CryptoProvider.jdk()))
                .isInstanceOf(CryptoException.class)
                .hasMessage("AES-256-GCM needs a 32-byte key");
    }

    @Test
    void decryptWhenIvOrTagWrongSizeThenRejected() {
        AesGcm aes = AesGcm.create(KEY, CryptoProvider.jdk());
        AesGcm.Sealed sealed = aes.encrypt(PLAINTEXT, AAD);
        assertThatThrownBy(() -> aes.decrypt(new byte[16], sealed.ciphertext(), sealed.tag(), AAD))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> aes.decrypt(sealed.iv(), sealed.ciphertext(), new byte[12], AAD))
                .isInstanceOf(CryptoException.class);
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
