package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictBase64Tests {

    @Test
    void decodeWhenCanonicalThenBytes() {
        assertThat(StrictBase64.decode("AA==")).containsExactly(0);
        assertThat(StrictBase64.decode("AAE=")).containsExactly(0, 1);
        assertThat(StrictBase64.decode("")).isEmpty();
        assertThat(StrictBase64.decode("+/+/")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AB==",
                "AAF=",
                "AA",
                "AA=",
                "A===",
                "AA==AA==",
                " AA==",
                "AA==\n",
                "A A=",
                "-_-_",
                "AA*=",
                "=AAA"
            })
    void decodeWhenNonCanonicalOrInvalidThenRejected(String encoded) {
        assertThatThrownBy(() -> StrictBase64.decode(encoded))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid base64");
    }

    @Test
    void encodeWhenBytesThenPaddedStandardAlphabet() {
        assertThat(StrictBase64.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("+/8=");
    }
}
