package dev.e2ee.vault.key;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code cryptographic_keys}: key metadata only (kid, type, algorithm, status, dates) — never key material. */
@Component
class KeyMetadataStore {

    record KeyMetadata(
            String name,
            String kid,
            String label,
            String keyType,
            String algorithm,
            String use,
            Integer keySize,
            String status,
            String source,
            Instant createdAt,
            Instant rotatedAt,
            Instant expiresAt) {}

    private final JdbcTemplate jdbc;

    KeyMetadataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates the row of (name, kid); {@code rotatedAt} is set when the status leaves primary. */
    void upsert(KeyMetadata key) {
        jdbc.update(
                """
                INSERT INTO cryptographic_keys (id, name, kid, label, key_type, algorithm, key_use, key_size, status,
                                                source, created_at, rotated_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name, kid) DO UPDATE SET status = EXCLUDED.status, label = EXCLUDED.label,
                    rotated_at = CASE WHEN cryptographic_keys.status = 'primary' AND EXCLUDED.status <> 'primary'
                                      THEN EXCLUDED.rotated_at ELSE cryptographic_keys.rotated_at END""",
                UUID.randomUUID(),
                key.name(),
                key.kid(),
                key.label(),
                key.keyType(),
                key.algorithm(),
                key.use(),
                key.keySize(),
                key.status(),
                key.source(),
                Timestamp.from(key.createdAt()),
                key.rotatedAt() == null ? null : Timestamp.from(key.rotatedAt()),
                key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()));
    }

    List<KeyMetadata> all() {
        return jdbc.query(
                "SELECT * FROM cryptographic_keys ORDER BY name, created_at DESC",
                (rs, n) -> new KeyMetadata(
                        rs.getString("name"),
                        rs.getString("kid"),
                        rs.getString("label"),
                        rs.getString("key_type"),
                        rs.getString("algorithm"),
                        rs.getString("key_use"),
                        rs.getObject("key_size", Integer.class),
                        rs.getString("status"),
                        rs.getString("source"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("rotated_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class))));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
