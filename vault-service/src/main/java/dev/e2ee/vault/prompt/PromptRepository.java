package dev.e2ee.vault.prompt;

import static dev.e2ee.vault.SqlTimes.instant;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.PendingAudit;
import dev.e2ee.vault.web.WireValue;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one mapping of {@code prompts}, {@code prompt_versions} and {@code prompt_search_tokens} (JdbcClient, see
 * docs/architecture.md "Persistence"): creation and an audited read are each ONE statement that also writes the audit
 * row the audit package supplies ({@link PendingAudit}); the list is in {@link PromptListing}.
 */
@Repository
class PromptRepository {

    static final String COLUMNS =
            "id, owner, status, version, encrypted_text, secret_verifier, metadata, created_at, updated_at";
    private static final String CURRENT = " FROM prompts WHERE id = ? AND deleted_at IS NULL";
    private static final String INSERT_TOKENS =
            "INSERT INTO prompt_search_tokens (prompt_id, token) SELECT ?, unnest(CAST(? AS bytea[]))";
    private static final RowMapper<Prompt> PROMPT = (rs, n) -> new Prompt(
            rs.getObject("id", UUID.class),
            rs.getString("owner"),
            WireValue.fromWire(PromptStatus.class, rs.getString("status")),
            rs.getLong("version"),
            EncryptedRecord.fromBytes(rs.getBytes("encrypted_text")),
            rs.getBytes("secret_verifier"),
            rs.getString("metadata"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));
    private static final RowMapper<PromptVersion> VERSION = (rs, n) -> new PromptVersion(
            rs.getObject("id", UUID.class),
            rs.getObject("prompt_id", UUID.class),
            rs.getLong("version"),
            EncryptedRecord.fromBytes(rs.getBytes("encrypted_text")),
            rs.getString("metadata"),
            rs.getString("created_by"),
            instant(rs, "created_at"));

    private final JdbcClient jdbc;

    PromptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The prompt, its first version, its search tokens and its audit row in ONE statement: they commit together in
     * one round trip (JPA took a transaction and five statements; docs/performance.md). The inserts run on one
     * snapshot; the version's foreign key to the new prompt is checked at the end of the statement.
     */
    void create(Prompt prompt, PromptVersion first, List<ByteBuffer> tokens, PendingAudit audit) {
        jdbc.sql("WITH p AS (INSERT INTO prompts (id, owner, status, version, encrypted_text, kek_id, secret_verifier,"
                        + " metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)),"
                        + " v AS (" + insertVersion() + "), t AS (" + INSERT_TOKENS + ")"
                        + " SELECT audit_append(CAST(? AS jsonb))")
                .params(
                        prompt.id(),
                        prompt.owner(),
                        prompt.status().wireName(),
                        prompt.version(),
                        prompt.text().toBytes(),
                        prompt.text().kekId(),
                        prompt.secretVerifier(),
                        prompt.metadata(),
                        Timestamp.from(prompt.createdAt()),
                        Timestamp.from(prompt.updatedAt()))
                .params(versionParams(first))
                .params(prompt.id(), array(tokens), audit.document())
                .query(Boolean.class)
                .single();
    }

    /** The prompt unless deleted; one autocommit SELECT outside a transaction (envelope hot path). */
    Optional<Prompt> findCurrent(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + CURRENT).param(id).query(PROMPT).optional();
    }

    /**
     * The prompt if the principal may see it (the rule of {@link PromptAccess#visibleTo}) and, in the SAME statement,
     * its read's audit row with the version read: the row commits exactly when the prompt is returned.
     */
    Optional<Prompt> readAudited(UUID id, E2eePrincipal principal, PendingAudit audit) {
        return jdbc.sql("SELECT " + COLUMNS + ", audit_append(CAST(? AS jsonb), jsonb_build_object('version', version))"
                        + CURRENT + " AND (owner = ? OR ?)")
                .params(audit.document(), id, principal.subject(), principal.isAdmin())
                .query(PROMPT)
                .optional();
    }

    /** Stores the next version if the stored one is still {@code next.version() - 1}; false when it is not. */
    boolean update(Prompt next) {
        return jdbc.sql("UPDATE prompts SET status = ?, version = ?, encrypted_text = ?, kek_id = ?,"
                                + " metadata = CAST(? AS jsonb), updated_at = ? WHERE id = ? AND version = ?"
                                + " AND deleted_at IS NULL")
                        .params(
                                next.status().wireName(),
                                next.version(),
                                next.text().toBytes(),
                                next.text().kekId(),
                                next.metadata(),
                                Timestamp.from(next.updatedAt()),
                                next.id(),
                                next.version() - 1)
                        .update()
                == 1;
    }

    /** Soft delete: the version (which the at-rest ciphertext is bound to) stays as it is. */
    boolean softDelete(UUID id, Instant now) {
        return jdbc.sql("UPDATE prompts SET status = 'deleted', deleted_at = ?, updated_at = ?"
                                + " WHERE id = ? AND deleted_at IS NULL")
                        .params(Timestamp.from(now), Timestamp.from(now), id)
                        .update()
                == 1;
    }

    void insertVersion(PromptVersion version) {
        jdbc.sql(insertVersion()).params(versionParams(version)).update();
    }

    List<PromptVersion> versions(UUID promptId) {
        return jdbc.sql("SELECT id, prompt_id, version, encrypted_text, metadata, created_by, created_at"
                        + " FROM prompt_versions WHERE prompt_id = ? ORDER BY version DESC")
                .param(promptId)
                .query(VERSION)
                .list();
    }

    /** Makes {@code tokens} the prompt's search tokens (one INSERT for all of them). */
    void replaceTokens(UUID promptId, List<ByteBuffer> tokens) {
        removeTokens(promptId);
        jdbc.sql(INSERT_TOKENS).params(promptId, array(tokens)).update();
    }

    void removeTokens(UUID promptId) {
        jdbc.sql("DELETE FROM prompt_search_tokens WHERE prompt_id = ?")
                .param(promptId)
                .update();
    }

    private static String insertVersion() {
        return "INSERT INTO prompt_versions (id, prompt_id, version, encrypted_text, kek_id, metadata, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)";
    }

    private static List<Object> versionParams(PromptVersion version) {
        return List.of(
                version.id(),
                version.promptId(),
                version.version(),
                version.text().toBytes(),
                version.text().kekId(),
                version.metadata(),
                version.createdBy(),
                Timestamp.from(version.createdAt()));
    }

    private static byte[][] array(List<ByteBuffer> tokens) {
        return tokens.stream()
                .map(token -> {
                    byte[] copy = new byte[token.remaining()];
                    token.duplicate().get(copy);
                    return copy;
                })
                .toArray(byte[][]::new);
    }
}
