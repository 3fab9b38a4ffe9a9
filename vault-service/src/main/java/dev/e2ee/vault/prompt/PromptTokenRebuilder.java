package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds version-1 blind-index tokens (one key for everyone, 32 bytes) as per-owner version-2 tokens (33 bytes),
 * one batch per transaction, like the KEK re-wrap: the prompt rows are locked ({@code FOR UPDATE SKIP LOCKED}, so a
 * row a writer holds is picked up by a later batch), each current text is decrypted in memory only to compute its
 * tokens, and the batch commits together, so every prompt has either only old or only new tokens and search works
 * throughout. Also answers whether version-1 tokens remain, so search stops computing them once none do.
 */
@Component
public class PromptTokenRebuilder {

    static final String LEGACY = "length(token) <> " + BlindIndex.TOKEN_LENGTH;

    private record Row(UUID id, String owner, long version, byte[] text, boolean deleted) {}

    private final JdbcTemplate jdbc;
    private final PromptCipher cipher;
    private final BlindIndex index;
    private final PromptRepository prompts;
    private volatile boolean legacyMayRemain = true;

    PromptTokenRebuilder(JdbcTemplate jdbc, PromptCipher cipher, BlindIndex index, PromptRepository prompts) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.prompts = prompts;
    }

    /** Rebuilds the tokens of up to {@code batchSize} prompts that still have version-1 tokens; returns how many. */
    @Transactional
    public int rebuildBatch(int batchSize) {
        List<Row> rows = jdbc.query(
                "SELECT p.id, p.owner, p.version, p.encrypted_text, p.deleted_at IS NOT NULL AS deleted FROM prompts p"
                        + " WHERE EXISTS (SELECT 1 FROM prompt_search_tokens t WHERE t.prompt_id = p.id AND "
                        + LEGACY + ") ORDER BY p.id LIMIT ? FOR UPDATE OF p SKIP LOCKED",
                (rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("owner"),
                        rs.getLong("version"),
                        rs.getBytes("encrypted_text"),
                        rs.getBoolean("deleted")),
                batchSize);
        for (Row row : rows) {
            if (row.deleted()) {
                prompts.removeTokens(row.id());
            } else {
                String text = cipher.open(
                        PromptCipher.PROMPTS, row.id(), row.version(), EncryptedRecord.fromBytes(row.text()));
                prompts.replaceTokens(row.id(), index.tokens(row.owner(), text));
            }
        }
        return rows.size();
    }

    /** Prompts that still have version-1 tokens (also refreshes {@link #legacyTokensRemain}). */
    public long remaining() {
        Long count = jdbc.queryForObject(
                "SELECT count(DISTINCT prompt_id) FROM prompt_search_tokens WHERE " + LEGACY, Long.class);
        long remaining = count == null ? 0 : count;
        legacyMayRemain = remaining > 0;
        return remaining;
    }

    /**
     * Whether searches must also look for version-1 tokens: checked once (then after each rebuild); once none remain
     * it stays false, since nothing writes version-1 tokens any more.
     */
    boolean legacyTokensRemain() {
        if (legacyMayRemain) {
            Boolean any = jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM prompt_search_tokens WHERE " + LEGACY + ")", Boolean.class);
            legacyMayRemain = Boolean.TRUE.equals(any);
        }
        return legacyMayRemain;
    }
}
