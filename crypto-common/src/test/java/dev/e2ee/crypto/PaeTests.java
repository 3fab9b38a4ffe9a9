package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers from the PASETO specification (Common.md, PAE) plus the encodings the envelope relies on. */
class PaeTests {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void encodeWhenNoPartsThenCountZero() {
        assertThat(Pae.encode(new byte[0][])).isEqualTo(hex("0000000000000000"));
    }

    @Test
    void encodeWhenOneEmptyPartThenCountAndZeroLength() {
        assertThat(Pae.encode("")).isEqualTo(hex("0100000000000000 0000000000000000"));
    }

    @Test
    void encodeWhenTestThenPasetoKnownAnswer() {
        assertThat(Pae.encode("test")).isEqualTo(hex("0100000000000000 0400000000000000 74657374"));
    }

    @Test
    void encodeWhenTwoPartsThenEachLengthPrefixedLittleEndian() {
        byte[] big = new byte[300];
        byte[] expected = new byte[8 + 8 + 1 + 8 + 300];
        System.arraycopy(hex("0200000000000000 0100000000000000 41 2c01000000000000"), 0, expected, 0, 25);
        assertThat(Pae.encode(new byte[] {0x41}, big)).isEqualTo(expected);
    }

    @Test
    void encodeWhenStringsThenSameAsUtf8Bytes() {
        assertThat(Pae.encode("é", "x"))
                .isEqualTo(Pae.encode("é".getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8)))
                .startsWith(hex("0200000000000000 0200000000000000 c3a9"));
    }

    @Test
    void encodeWhenBoundaryMovesThenDifferentBytes() {
        assertThat(Pae.encode("ab", "c")).isNotEqualTo(Pae.encode("a", "bc"));
        assertThat(Pae.encode("abc")).isNotEqualTo(Pae.encode("ab", "c"));
    }
}
