package dev.e2ee.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Start-up rules for configured credentials (issue 14.11). Messages name the setting and the rule, never the value.
 *
 * <ul>
 *   <li>{@code JWT_EXPIRES_IN}: positive and at most {@link #MAX_JWT_EXPIRES_IN} (24 h).
 *   <li>{@code E2EE_BOOTSTRAP_ADMIN_API_KEY}: at least {@link #MIN_BOOTSTRAP_KEY_LENGTH} characters, an estimated
 *       entropy of at least {@link #MIN_BOOTSTRAP_KEY_BITS} bits (length × the Shannon entropy of its characters,
 *       Miller–Madow corrected), not a repetition of a shorter string and not a run of constant steps
 *       ({@code aaaa}, {@code abcd}, {@code 0246}) in more than a quarter of its positions. A random
 *       {@code openssl rand -hex 32} (64 characters) or 32+ random bytes in base64 pass; 32 hex characters do not.
 * </ul>
 */
final class CredentialPolicy {

    static final Duration MAX_JWT_EXPIRES_IN = Duration.ofHours(24);
    static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;
    static final double MIN_BOOTSTRAP_KEY_BITS = 128;

    private CredentialPolicy() {}

    static void checkJwtExpiresIn(Duration expiresIn) {
        if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_JWT_EXPIRES_IN) > 0) {
            throw new IllegalArgumentException("e2ee.security.jwt-expires-in (JWT_EXPIRES_IN) must be positive and at"
                    + " most 24h (a token outlives nothing it was minted from; lower it rather than raise it)");
        }
    }

    static void checkBootstrapAdminApiKey(String key) {
        if (key.length() < MIN_BOOTSTRAP_KEY_LENGTH
                || estimatedBits(key) < MIN_BOOTSTRAP_KEY_BITS
                || isPeriodic(key)
                || constantSteps(key) * 4 > key.length()) {
            throw new IllegalArgumentException("e2ee.security.bootstrap-admin-api-key (E2EE_BOOTSTRAP_ADMIN_API_KEY) is"
                    + " too weak: it needs at least 32 characters and about 128 bits of randomness, with no"
                    + " repetitions or sequences; generate one with: openssl rand -hex 32");
        }
    }

    /** Length × empirical Shannon entropy per character, plus the Miller–Madow bias correction, in bits. */
    static double estimatedBits(String key) {
        int[] codePoints = key.codePoints().toArray();
        Map<Integer, Long> counts = java.util.Arrays.stream(codePoints)
                .boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        double n = codePoints.length;
        double perCharacter = 0;
        for (long count : counts.values()) {
            double p = count / n;
            perCharacter -= p * Math.log(p) / Math.log(2);
        }
        return n * perCharacter + (counts.size() - 1) / (2 * Math.log(2));
    }

    private static boolean isPeriodic(String key) {
        for (int period = 1; period <= key.length() / 2; period++) {
            if (key.length() % period == 0 && key.substring(period).equals(key.substring(0, key.length() - period))) {
                return true;
            }
        }
        return false;
    }

    private static int constantSteps(String key) {
        int steps = 0;
        for (int i = 2; i < key.length(); i++) {
            if (key.charAt(i) - key.charAt(i - 1) == key.charAt(i - 1) - key.charAt(i - 2)) {
                steps++;
            }
        }
        return steps;
    }
}
