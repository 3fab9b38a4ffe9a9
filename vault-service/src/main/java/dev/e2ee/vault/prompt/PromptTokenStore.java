package dev.e2ee.vault.prompt;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
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
        add(promptId, tokens);
    }

    /** All tokens of a prompt in one statement (one row each), not one INSERT per word. */
    void add(UUID promptId, List<ByteBuffer> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        byte[][] values = tokens.stream().map(PromptTokenStore::bytes).toArray(byte[][]::new);
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO prompt_search_tokens (prompt_id, token) SELECT ?, unnest(?::bytea[])")) {
                statement.setObject(1, promptId);
                statement.setArray(2, connection.createArrayOf("bytea", values));
                return statement.executeUpdate();
            }
        });
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
