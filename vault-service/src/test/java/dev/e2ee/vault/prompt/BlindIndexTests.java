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

        assertThat(index.tokens("Revenue")).isEqualTo(index.tokens("REVENUE"));
        assertThat(index.tokens("revenue")).isNotEqualTo(index.tokens("revenues"));
        assertThat(index.tokens("a b a")).hasSize(2);
    }

    @Test
    void tokensWhenDifferentKeyThenDifferentTokens() {
        assertThat(new BlindIndex(hasher()).tokens("revenue")).isNotEqualTo(new BlindIndex(hasher()).tokens("revenue"));
    }

    @Test
    void tokenWhenComputedThenNotThePlainWord() {
        byte[] token = new BlindIndex(hasher()).token("revenue");

        assertThat(token).hasSize(32);
        assertThat(new String(token, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("revenue");
    }

    private static KeyedHasher hasher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return KeyedHasher.create(key).derive("blind-index");
    }
}
