package dev.e2ee.systemtest;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every confidential value the suite sends — prompt texts, secrets, API keys, tokens, key material — remembered so
 * the final scan ({@link AtRestAndLogScanTests}) can prove none of it reached PostgreSQL, Redis or a log. Prompt
 * texts and secrets carry distinctive random markers ({@code Mk} + 24 hex digits), so other runs' data cannot cause
 * a false result. Markers, JWTs and API keys are found by pattern and checked against the remembered set (fast for
 * thousands of values); the few key-material strings are searched literally.
 */
final class Sensitive {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MARKER = Pattern.compile("Mk[0-9a-f]{24}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern API_KEY = Pattern.compile("e2ee_[A-Za-z0-9_-]{43}");

    private static final Set<String> PATTERNED = ConcurrentHashMap.newKeySet();
    private static final Set<String> LITERALS = ConcurrentHashMap.newKeySet();

    private Sensitive() {}

    /** A fresh random marker {@code <kind>Mk<hex>}, remembered. */
    static String marker(String kind) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String marker = "Mk" + HexFormat.of().formatHex(bytes);
        PATTERNED.add(marker);
        return kind + marker;
    }

    /** A prompt text: a sentence around a marker (words the blind index tokenises). */
    static String promptText() {
        return "Summarise the quarterly report " + marker("prompt") + " for the board";
    }

    static String secret() {
        return marker("secret");
    }

    /** A JWT or an API key the suite used. */
    static String credential(String value) {
        PATTERNED.add(value);
        return value;
    }

    /** Key material searched literally (base64 lines of private keys, KEKs, pepper). */
    static String remember(String literal) {
        LITERALS.add(literal);
        return literal;
    }

    static int size() {
        return PATTERNED.size() + LITERALS.size();
    }

    /** The remembered values occurring in {@code text} (each reported once, shortened). */
    static List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(MARKER, JWT, API_KEY)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (PATTERNED.contains(matcher.group()) && !found.contains(shorten(matcher.group()))) {
                    found.add(shorten(matcher.group()));
                }
            }
        }
        for (String literal : LITERALS) {
            if (text.contains(literal)) {
                found.add(shorten(literal));
            }
        }
        return found;
    }

    private static String shorten(String value) {
        return value.length() <= 16 ? value : value.substring(0, 12) + "…";
    }
}
