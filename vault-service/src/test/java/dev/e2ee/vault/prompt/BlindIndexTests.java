package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.KeyedHasher;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BlindIndexTests {

    @Test
    void wordsWhenMixedCasePunctuationAndUnicodeThenDistinctLowerCaseWords() {
        assertThat(BlindIndex.words("Résumé: the Q3-report, the RÉSUMÉ! 42 times…"))
                .containsExactly("résumé", "the", "q3", "report", "42", "times");
    }

    @Test
    void wordsWhenOnlySeparatorsThenNone() {
        assertThat(BlindIndex.words(" ,.;-- !? ")).isEmpty();
    }

    @Test
    void tokensWhenSameWordDifferentCaseThenEqualAndOtherWordsDiffer() {
        BlindIndex index = new BlindIndex(hasher());

        assertThat(index.tokens("alice", "Revenue")).isEqualTo(index.tokens("alice", "REVENUE"));
        assertThat(index.tokens("alice", "revenue")).isNotEqualTo(index.tokens("alice", "revenues"));
        assertThat(index.tokens("alice", "a b a")).hasSize(2);
    }

    @Test
    void tokensWhenDifferentKeyThenDifferentTokens() {
        assertThat(new BlindIndex(hasher()).tokens("alice", "revenue"))
                .isNotEqualTo(new BlindIndex(hasher()).tokens("alice", "revenue"));
    }

    @Test
    void tokensWhenDifferentOwnersThenDifferentTokensAndNoneEqualsTheSharedKeyToken() {
        BlindIndex index = new BlindIndex(hasher());

        assertThat(index.token("alice", "revenue")).isNotEqualTo(index.token("bob", "revenue"));
        assertThat(index.token("alice", "revenue")).isEqualTo(index.token("alice", "revenue"));
        assertThat(index.legacyToken("revenue")).hasSize(32).isNotEqualTo(index.token("alice", "revenue"));
    }

    @Test
    void tokenWhenOwnerKeyCacheOverflowsThenTokensUnchanged() {
        BlindIndex index = new BlindIndex(hasher());
        byte[] first = index.token("owner-0", "revenue");
        for (int i = 1; i <= BlindIndex.MAX_CACHED_OWNERS; i++) {
            index.token("owner-" + i, "revenue");
        }

        assertThat(index.token("owner-0", "revenue")).isEqualTo(first);
    }

    @Test
    void tokenWhenComputedThenNotThePlainWord() {
        byte[] token = new BlindIndex(hasher()).token("alice", "revenue");

        assertThat(token).hasSize(BlindIndex.TOKEN_LENGTH);
        assertThat(token[0]).isEqualTo(BlindIndex.VERSION);
        assertThat(new String(token, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("revenue");
    }

    private static KeyedHasher hasher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return KeyedHasher.create(key).derive("blind-index");
    }
}
