package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.Pae;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keyed blind index for search over encrypted text: the text is split into Unicode word tokens (runs of letters and
 * digits), lower-cased, and each distinct word stored as a token under the prompt owner's own key:
 * {@code 0x02 ‖ HMAC(ownerKey, PAE("e2ee-search-token-v2", word))} with
 * {@code ownerKey = HKDF-Expand(blindIndexKey, PAE("e2ee-blind-index-owner-v2", owner), 32)} and
 * {@code blindIndexKey = KeyedHasher(pepper).derive("blind-index")}. Equal words of different owners give different
 * tokens, so a dictionary built from one account's prompts says nothing about another's. Owner keys are cached in a
 * bounded map. Version-1 tokens ({@code HMAC(blindIndexKey, PAE("e2ee-search-token-v1", word))}, 32 bytes, one key
 * for everyone) are only computed to search rows the rebuild has not converted yet ({@link PromptTokenRebuilder}).
 */
@Component
class BlindIndex {

    static final String LEGACY_DOMAIN = "e2ee-search-token-v1";
    static final String DOMAIN = "e2ee-search-token-v2";
    static final String OWNER_KEY_DOMAIN = "e2ee-blind-index-owner-v2";
    static final byte VERSION = 2;
    /** Length of a version-2 token: the version byte and an HMAC-SHA256. */
    static final int TOKEN_LENGTH = 33;

    static final int MAX_QUERY_WORDS = 16;
    static final int MAX_CACHED_OWNERS = 4096;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final KeyedHasher hasher;
    private final Map<String, KeyedHasher> ownerHashers = new ConcurrentHashMap<>();

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

    /** The owner's tokens of the distinct words of a text (wrapped so that equality works in sets). */
    List<ByteBuffer> tokens(String owner, String text) {
        KeyedHasher ownerHasher = ownerHasher(owner);
        return words(text).stream()
                .map(word -> token(ownerHasher, word))
                .map(ByteBuffer::wrap)
                .toList();
    }

    byte[] token(String owner, String word) {
        return token(ownerHasher(owner), word);
    }

    /** The version-1 token (one key for all owners): only to find rows written before per-owner keys. */
    byte[] legacyToken(String word) {
        return hasher.hash(LEGACY_DOMAIN, word.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] token(KeyedHasher ownerHasher, String word) {
        byte[] mac = ownerHasher.hash(DOMAIN, word.getBytes(StandardCharsets.UTF_8));
        byte[] token = new byte[TOKEN_LENGTH];
        token[0] = VERSION;
        System.arraycopy(mac, 0, token, 1, mac.length);
        return token;
    }

    private KeyedHasher ownerHasher(String owner) {
        KeyedHasher cached = ownerHashers.get(owner);
        if (cached != null) {
            return cached;
        }
        if (ownerHashers.size() >= MAX_CACHED_OWNERS) {
            ownerHashers.clear();
        }
        KeyedHasher derived = hasher.subkey(Pae.encode(OWNER_KEY_DOMAIN, owner));
        ownerHashers.put(owner, derived);
        return derived;
    }
}
