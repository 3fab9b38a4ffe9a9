package dev.e2ee.vault.prompt;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/** One blind-index token of a prompt's current text (see {@link BlindIndex}). */
@Entity
@Table(name = "prompt_search_tokens")
class PromptSearchToken {

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "prompt_id", nullable = false)
        private UUID promptId;

        @Column(name = "token", nullable = false)
        private byte[] token;

        protected Key() {}

        Key(UUID promptId, byte[] token) {
            this.promptId = promptId;
            this.token = token.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(promptId, key.promptId)
                    && Arrays.equals(token, key.token);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(promptId) + Arrays.hashCode(token);
        }
    }

    @EmbeddedId
    private Key id;

    protected PromptSearchToken() {}

    PromptSearchToken(UUID promptId, byte[] token) {
        this.id = new Key(promptId, token);
    }
}
