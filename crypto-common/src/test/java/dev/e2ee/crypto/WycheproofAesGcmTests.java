package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof {@code aes_gcm_test.json}, every 256-bit-key group, on both provider paths. The public API accepts only
 * 12-byte IVs (docs/envelope-format.md#algorithms), so valid vectors with other IV sizes are checked through the package-private general
 * decrypt and must additionally be refused by the public one. The file has no "acceptable" cases; any that appear are
 * accepted either way but must not throw anything but {@link CryptoException}.
 */
class WycheproofAesGcmTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.e2ee.crypto.TestProviders#both")
    void decryptWhenWycheproofVectorsThenValidAcceptedAndInvalidRejected(CryptoProvider provider) {
        assertThat(Wycheproof.problems(
                        "aes_gcm_test.json",
                        c -> c.group().get("keySize").intValue() == 256,
                        100,
                        c -> check(provider, c)))
                .isEmpty();
    }

    private static String check(CryptoProvider provider, Wycheproof.Case c) {
        AesGcm aes = AesGcm.create(c.hex("key"), provider);
        byte[] iv = c.hex("iv");
        byte[] ct = c.hex("ct");
        byte[] tag = c.hex("tag");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] ctAndTag = concat(ct, tag);
        Object general = outcome(() -> aes.decryptUnchecked(iv, ctAndTag, aad));
        Object strict = outcome(() -> aes.decrypt(iv, ct, tag, aad));
        return switch (c.result()) {
            case "valid" -> validProblem(aes, c, iv, msg, ctAndTag, general, strict);
            case "invalid" ->
                general instanceof CryptoException && strict instanceof CryptoException
                        ? null
                        : "invalid vector not rejected with CryptoException: " + general + " / " + strict;
            default -> general instanceof CryptoException || general instanceof byte[] ? null : "unexpected " + general;
        };
    }

    private static String validProblem(
            AesGcm aes, Wycheproof.Case c, byte[] iv, byte[] msg, byte[] ctAndTag, Object general, Object strict) {
        if (!(general instanceof byte[] plain) || !Arrays.equals(plain, msg)) {
            return "valid vector not decrypted to msg: " + general;
        }
        if (iv.length == AesGcm.IV_LENGTH) {
            if (!(strict instanceof byte[] strictPlain) || !Arrays.equals(strictPlain, msg)) {
                return "public decrypt refused a valid 12-byte-IV vector";
            }
            byte[] encrypted = aes.encrypt(msg, c.hex("aad"), iv).ciphertextAndTag();
            return Arrays.equals(encrypted, ctAndTag) ? null : "encryption differs from ct ‖ tag";
        }
        return strict instanceof CryptoException ? null : "public decrypt accepted a non-12-byte IV";
    }

    /** The result bytes, or the exception the API threw. */
    static Object outcome(Supplier<byte[]> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
