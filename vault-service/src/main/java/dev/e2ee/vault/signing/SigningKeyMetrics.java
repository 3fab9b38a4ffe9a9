package dev.e2ee.vault.signing;

import dev.e2ee.platform.metrics.ScrapeCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rotation state of the vault's signing keys, from {@code cryptographic_keys} (fleet-wide, metadata only):
 * {@code signing_key_age_seconds} (since the primary key's row was first recorded), {@code signing_key_max_age_seconds}
 * (the configured rotation age, {@link SigningKeyRotationProperties}) and {@code signing_keys{status}} (how many keys
 * are primary, active and retired). One query per {@link #TTL}, run when scraped.
 */
@Component
class SigningKeyMetrics implements MeterBinder {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final List<String> STATUSES = List.of("primary", "active", "retired");
    private static final String STATE = """
            SELECT status, count(*) AS keys,
                   coalesce(max(extract(epoch FROM now() - created_at)) FILTER (WHERE status = 'primary'), 0) AS age
            FROM cryptographic_keys WHERE name = ? GROUP BY status""";

    record State(Map<String, Long> keysByStatus, double primaryAgeSeconds) {}

    private final ScrapeCache<State> state;
    private final SigningKeyRotationProperties rotation;

    SigningKeyMetrics(JdbcTemplate jdbc, SigningKeyRotationProperties rotation) {
        this.rotation = rotation;
        this.state = ScrapeCache.of(() -> read(jdbc), new State(Map.of(), 0), TTL);
    }

    private static State read(JdbcTemplate jdbc) {
        Map<String, Long> keys = new HashMap<>();
        double[] age = {0};
        jdbc.query(
                STATE,
                rs -> {
                    keys.put(rs.getString("status"), rs.getLong("keys"));
                    age[0] = Math.max(age[0], rs.getDouble("age"));
                },
                SigningKeys.NAME);
        return new State(keys, age[0]);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("signing.key.age", state, s -> s.get().primaryAgeSeconds())
                .description("Age of the primary signing key")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("signing.key.max.age", rotation, r -> r.maxAge().toSeconds())
                .description("Configured age at which the primary signing key should be rotated")
                .baseUnit("seconds")
                .register(registry);
        for (String status : STATUSES) {
            Gauge.builder("signing.keys", state, s -> s.get().keysByStatus().getOrDefault(status, 0L))
                    .description("Signing keys by status")
                    .tag("status", status)
                    .register(registry);
        }
    }
}
