package dev.e2ee.vault.key;

import dev.e2ee.crypto.key.Keyring;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code cryptographic_keys}: key metadata only (kid, type, algorithm, status, dates) — never key material. */
@Component
public class KeyMetadataStore {

    /** Name of the KEK's rows (the KEK itself comes from configuration and is never stored). */
    public static final String KEK = "kek";

    public record KeyMetadata(
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

    /** First half of the advisory-lock key of key-state changes ("keys"); the second is the hash of the key name. */
    private static final int LOCK_NAMESPACE = 0x6b657973;

    private final JdbcTemplate jdbc;

    public KeyMetadataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = """
            INSERT INTO cryptographic_keys (id, name, kid, label, key_type, algorithm, key_use, key_size, status,
                                            source, created_at, rotated_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** Inserts or updates the row of (name, kid); {@code rotatedAt} is set when the status leaves primary. */
    public void upsert(KeyMetadata key) {
        jdbc.update(INSERT + """
                ON CONFLICT (name, kid) DO UPDATE SET status = EXCLUDED.status, label = EXCLUDED.label,
                    rotated_at = CASE WHEN cryptographic_keys.status = 'primary' AND EXCLUDED.status <> 'primary'
                                      THEN EXCLUDED.rotated_at ELSE cryptographic_keys.rotated_at END""", row(key));
    }

    /** Inserts the row of (name, kid) unless one exists; a stored row (and its status) is never changed. */
    public boolean insertIfAbsent(KeyMetadata key) {
        return jdbc.update(INSERT + "ON CONFLICT (name, kid) DO NOTHING", row(key)) == 1;
    }

    private static Object[] row(KeyMetadata key) {
        return new Object[] {
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
            key.expiresAt() == null ? null : Timestamp.from(key.expiresAt())
        };
    }

    /**
     * Serialises changes of the stored state of the keys called {@code name} across all instances until the
     * current transaction ends (transaction-scoped PostgreSQL advisory lock).
     */
    public void lock(String name) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?, hashtext(?))::text", String.class, LOCK_NAMESPACE, name);
    }

    /** The stored status of every key called {@code name}, by kid. */
    public Map<String, Keyring.Status> statuses(String name) {
        Map<String, Keyring.Status> statuses = new HashMap<>();
        jdbc.query(
                "SELECT kid, status FROM cryptographic_keys WHERE name = ?",
                rs -> {
                    statuses.put(rs.getString("kid"), status(rs.getString("status")));
                },
                name);
        return statuses;
    }

    /** Sets the status of (name, kid); {@code rotatedAt} is set when the status leaves primary. */
    public int setStatus(String name, String kid, Keyring.Status status, Instant now) {
        return jdbc.update("""
                UPDATE cryptographic_keys SET status = ?,
                    rotated_at = CASE WHEN status = 'primary' AND ? <> 'primary' THEN ? ELSE rotated_at END
                WHERE name = ? AND kid = ?""", wireName(status), wireName(status), Timestamp.from(now), name, kid);
    }

    /** Every primary key called {@code name} other than {@code kid} becomes active; returns their kids. */
    public List<String> demotePrimaries(String name, String kid, Instant now) {
        return jdbc.queryForList("""
                UPDATE cryptographic_keys SET status = 'active', rotated_at = ?
                WHERE name = ? AND status = 'primary' AND kid <> ? RETURNING kid""", String.class, Timestamp.from(now), name, kid);
    }

    public static String wireName(Keyring.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Keyring.Status status(String wireName) {
        return Keyring.Status.valueOf(wireName.toUpperCase(Locale.ROOT));
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
