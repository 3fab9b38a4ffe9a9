package dev.e2ee.crypto.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AES Key Wrap against the RFC 3394 known answer, plus tampering. */
class AesKeyWrapTests {

    /** RFC 3394 §4.6: wrap 256 bits of key data with a 256-bit KEK. */
    private static final byte[] KEK =
            HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

    private static final byte[] KEY_DATA =
            HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
    private static final String CIPHERTEXT =
            "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21";

    @Test
    void wrapWhenRfc3394Vector256BitKekThenKnownCiphertext() {
        assertThat(HexFormat.of().withUpperCase().formatHex(AesKeyWrap.wrap(KEK, KEY_DATA)))
                .isEqualTo(CIPHERTEXT);
        assertThat(AesKeyWrap.unwrap(KEK, HexFormat.of().parseHex(CIPHERTEXT))).isEqualTo(KEY_DATA);
    }

    @Test
    void unwrapWhenAnyByteFlippedOrLengthWrongOrOtherKekThenGenericFailure() {
        byte[] wrapped = HexFormat.of().parseHex(CIPHERTEXT);
        for (int i = 0; i < wrapped.length; i++) {
            byte[] tampered = wrapped.clone();
            tampered[i] ^= 1;
            assertThatThrownBy(() -> AesKeyWrap.unwrap(KEK, tampered)).hasMessage("decryption failed");
        }
        assertThatThrownBy(() -> AesKeyWrap.unwrap(KEK, java.util.Arrays.copyOf(wrapped, 32)))
                .hasMessage("decryption failed");
        byte[] otherKek = KEK.clone();
        otherKek[0] ^= 1;
        assertThatThrownBy(() -> AesKeyWrap.unwrap(otherKek, wrapped)).hasMessage("decryption failed");
    }
}
