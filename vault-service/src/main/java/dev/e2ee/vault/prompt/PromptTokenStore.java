package dev.e2ee.vault.prompt;

import dev.e2ee.vault.audit.AuditRecorder.Change;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes a prompt's blind-index tokens (replaced whenever its text changes, removed when it is deleted). */
@Component
class PromptTokenStore {

    private static final String INSERT =
            "INSERT INTO prompt_search_tokens (prompt_id, token) SELECT ?, unnest(CAST(? AS bytea[]))";

    private final JdbcTemplate jdbc;

    PromptTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID promptId, List<ByteBuffer> tokens) {
        remove(promptId);
        Change insert = insert(promptId, tokens);
        jdbc.update(insert.sql(), insert.args());
    }

    /** All tokens of a prompt in one INSERT (one row each, not one statement per word); also part of a creation. */
    Change insert(UUID promptId, List<ByteBuffer> tokens) {
        byte[][] values = tokens.stream().map(PromptTokenStore::bytes).toArray(byte[][]::new);
        return new Change(INSERT, promptId, values);
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
