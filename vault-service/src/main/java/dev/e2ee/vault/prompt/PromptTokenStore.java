package dev.e2ee.vault.prompt;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes a prompt's blind-index tokens (replaced whenever its text changes, removed when it is deleted). */
@Component
class PromptTokenStore {

    private final JdbcTemplate jdbc;

    PromptTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID promptId, List<ByteBuffer> tokens) {
        remove(promptId);
        jdbc.batchUpdate(
                "INSERT INTO prompt_search_tokens (prompt_id, token) VALUES (?, ?)",
                tokens.stream().map(t -> new Object[] {promptId, bytes(t)}).toList());
    }

    void remove(UUID promptId) {
        jdbc.update("DELETE FROM prompt_search_tokens WHERE prompt_id = ?", promptId);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
