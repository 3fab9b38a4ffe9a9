package dev.e2ee.crypto;

import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;

/** Key pairs generated once per test JVM (never committed): 3072/4096-bit generation is slow. */
public final class TestKeys {

    private TestKeys() {}

    private static final class Rsa2048 {
        static final KeyPair SIGNER = RsaKeys.generate(2048);
        static final KeyPair RECEIVER = RsaKeys.generate(2048);
        static final KeyPair OTHER = RsaKeys.generate(2048);
    }

    private static final class Rsa3072 {
        static final KeyPair PAIR = RsaKeys.generate(3072);
    }

    private static final class Rsa4096 {
        static final KeyPair PAIR = RsaKeys.generate(4096);
    }

    public static KeyPair signer() {
        return Rsa2048.SIGNER;
    }

    public static KeyPair receiver() {
        return Rsa2048.RECEIVER;
    }

    /** A valid key pair nobody trusts. */
    public static KeyPair other() {
        return Rsa2048.OTHER;
    }

    public static KeyPair ofSize(int bits) {
        return switch (bits) {
            case 2048 -> Rsa2048.RECEIVER;
            case 3072 -> Rsa3072.PAIR;
            case 4096 -> Rsa4096.PAIR;
            default -> throw new IllegalArgumentException("no test key of " + bits + " bits");
        };
    }
}
