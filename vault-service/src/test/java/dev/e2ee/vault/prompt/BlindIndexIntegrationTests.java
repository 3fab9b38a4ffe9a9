package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The blind index read from the database, as an attacker with a dump and an account of their own would. */
class BlindIndexIntegrationTests extends VaultIntegrationTest {

    private static final List<String> DICTIONARY =
            List.of("merger", "layoffs", "acquisition", "salary", "diagnosis", "password", "quarterly", "revenue");

    @Test
    void tokensWhenTwoOwnersStoreTheSameWordThenDifferentTokens() {
        String a = createPrompt(token(newSubject(), Role.USER), "merger", "pw");
        String b = createPrompt(token(newSubject(), Role.USER), "merger", "pw");

        Set<ByteBuffer> tokensA = tokensOf(a);
        Set<ByteBuffer> tokensB = tokensOf(b);

        assertThat(tokensA).hasSize(1);
        assertThat(tokensB).hasSize(1);
        assertThat(tokensA).doesNotContainAnyElementsOf(tokensB);
    }

    @Test
    void dictionaryWhenBuiltFromOneOwnersPromptsThenMatchesNothingOfAnotherOwner() {
        String attacker = token(newSubject(), Role.USER);
        Set<ByteBuffer> dictionary = new HashSet<>();
        for (String word : DICTIONARY) {
            dictionary.addAll(tokensOf(createPrompt(attacker, word, "pw")));
        }
        String victim = token(newSubject(), Role.USER);
        String secretPlans = createPrompt(victim, "Quarterly revenue before the merger and the layoffs", "pw");

        assertThat(dictionary).hasSize(DICTIONARY.size());
        assertThat(tokensOf(secretPlans)).hasSize(7).doesNotContainAnyElementsOf(dictionary);
    }

    private Set<ByteBuffer> tokensOf(String promptId) {
        return new HashSet<>(jdbc.query(
                "SELECT token FROM prompt_search_tokens WHERE prompt_id = ?::uuid",
                (rs, n) -> ByteBuffer.wrap(rs.getBytes(1)),
                promptId));
    }
}
