package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.KeyedHasher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keyed blind index for search over encrypted text: the text is split into Unicode word tokens (runs of letters and
 * digits), lower-cased, and each distinct word stored as HMAC(KeyedHasher(pepper).derive("blind-index"), word).
 * Equal words give equal tokens only under the server's key, so the table reveals which prompts share words, never
 * the words. Search = every query word's token is present.
 */
@Component
class BlindIndex {

    static final String DOMAIN = "e2ee-search-token-v1";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int MAX_QUERY_WORDS = 16;

    private final KeyedHasher hasher;

    BlindIndex(KeyedHasher blindIndexHasher) {
        this.hasher = blindIndexHasher;
    }

    /** Distinct lower-cased words of a text, in first-seen order. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Tokens of the distinct words of a text (wrapped so that equality works in sets). */
    List<ByteBuffer> tokens(String text) {
        return words(text).stream().map(this::token).map(ByteBuffer::wrap).toList();
    }

    byte[] token(String word) {
        return hasher.hash(DOMAIN, word.getBytes(StandardCharsets.UTF_8));
    }
}
