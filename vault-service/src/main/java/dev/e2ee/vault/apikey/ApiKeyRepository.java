package dev.e2ee.vault.apikey;

import static dev.e2ee.vault.SqlTimes.instant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one mapping of {@code api_keys} (JdbcClient, like every vault table: docs/architecture.md "Persistence"). Off
 * the hot path: the token exchange reads one row by its hash, the mirror reads the live and recently revoked keys.
 */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS = "id, name, owner, roles, key_hash, created_by, created_at, revoked_at";
    private static final RowMapper<ApiKeyRecord> RECORD = (rs, n) -> new ApiKeyRecord(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("owner"),
            rs.getString("roles"),
            rs.getString("key_hash"),
            rs.getString("created_by"),
            instant(rs, "created_at"),
            instant(rs, "revoked_at"));

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a newly issued key (not revoked). */
    void insert(ApiKeyRecord key) {
        jdbc.sql("INSERT INTO api_keys (id, name, owner, roles, key_hash, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        key.getId(),
                        key.getName(),
                        key.getOwner(),
                        key.rolesColumn(),
                        key.getKeyHash(),
                        key.getCreatedBy(),
                        Timestamp.from(key.getCreatedAt()))
                .update();
    }

    /** Sets {@code revoked_at} of a key not yet revoked; false when it already was (or does not exist). */
    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }

    Optional<ApiKeyRecord> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")
                .param(id)
                .query(RECORD)
                .optional();
    }

    Optional<ApiKeyRecord> findByKeyHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")
                .param(keyHash)
                .query(RECORD)
                .optional();
    }

    /** Newest first. */
    List<ApiKeyRecord> findAllNewestFirst() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at DESC, id DESC")
                .query(RECORD)
                .list();
    }

    List<ApiKeyRecord> findByRevokedAtIsNull() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE revoked_at IS NULL")
                .query(RECORD)
                .list();
    }

    List<ApiKeyRecord> findByRevokedAtAfter(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE revoked_at > ?")
                .param(Timestamp.from(since))
                .query(RECORD)
                .list();
    }
}
