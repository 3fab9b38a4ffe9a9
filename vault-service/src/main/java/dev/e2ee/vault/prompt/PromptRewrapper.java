package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.crypto.atrest.KeyEncryptionKeyProvider;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-wraps stored DEKs of prompt texts to the current KEK, one batch per transaction. Only the wrapped DEK
 * changes: the ciphertext stays, the plaintext never exists. Rows locked by a concurrent writer are skipped and
 * picked up by a later batch.
 */
@Component
public class PromptRewrapper {

    private static final List<String> TABLES = List.of(PromptCipher.PROMPTS, PromptCipher.VERSIONS);

    private record Row(UUID id, long version, byte[] stored) {}

    private final JdbcTemplate jdbc;
    private final AtRestEncryptor encryptor;
    private final KeyEncryptionKeyProvider keks;

    PromptRewrapper(JdbcTemplate jdbc, AtRestEncryptor atRestEncryptor, KeyEncryptionKeyProvider keks) {
        this.jdbc = jdbc;
        this.encryptor = atRestEncryptor;
        this.keks = keks;
    }

    public String currentKekId() {
        return keks.currentKeyId();
    }

    /** Re-wraps up to {@code batchSize} rows (prompts first, then versions); returns how many. */
    @Transactional
    public int rewrapBatch(int batchSize) {
        int done = 0;
        for (String table : TABLES) {
            if (done < batchSize) {
                done += rewrap(table, batchSize - done);
            }
        }
        return done;
    }

    /** Rows whose DEK is still wrapped by an older KEK. */
    public long remaining() {
        long remaining = 0;
        for (String table : TABLES) {
            Long count = jdbc.queryForObject(
                    "SELECT count(*) FROM " + table + " WHERE kek_id <> ?", Long.class, keks.currentKeyId());
            remaining += count == null ? 0 : count;
        }
        return remaining;
    }

    private int rewrap(String table, int limit) {
        List<Row> rows = jdbc.query(
                "SELECT id, version, encrypted_text FROM " + table
                        + " WHERE kek_id <> ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, n) ->
                        new Row(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getBytes("encrypted_text")),
                keks.currentKeyId(),
                limit);
        for (Row row : rows) {
            EncryptedRecord rewrapped = encryptor.rewrap(
                    EncryptedRecord.fromBytes(row.stored()), PromptCipher.context(table, row.id(), row.version()));
            jdbc.update(
                    "UPDATE " + table + " SET encrypted_text = ?, kek_id = ? WHERE id = ?",
                    rewrapped.toBytes(),
                    rewrapped.kekId(),
                    row.id());
        }
        return rows.size();
    }
}
