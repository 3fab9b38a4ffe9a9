package dev.e2ee.vault.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.vault.VaultIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing-key rotation state from {@code cryptographic_keys} in the real PostgreSQL, and the dependency gauges. */
class SigningKeyMetricsIntegrationTests extends VaultIntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void keyGaugesWhenReadThenTheStoredPrimariesTheirAgeAndTheDefaultRotationAge() {
        Long primaries = jdbc.queryForObject(
                "SELECT count(*) FROM cryptographic_keys WHERE name = ? AND status = 'primary'",
                Long.class,
                SigningKeys.NAME);
        Double age = jdbc.queryForObject(
                "SELECT max(extract(epoch FROM now() - created_at))::float8 FROM cryptographic_keys"
                        + " WHERE name = ? AND status = 'primary'",
                Double.class,
                SigningKeys.NAME);

        assertThat(registry.get("signing.keys").tag("status", "primary").gauge().value())
                .as("other tests of this shared database record primaries too (and the gauge is cached 30 s)")
                .isBetween(1.0, primaries.doubleValue() + 10);
        assertThat(registry.get("signing.key.age").gauge().value()).isBetween(0.0, age + 60);
        assertThat(registry.get("signing.key.max.age").gauge().value())
                .isEqualTo(Duration.ofDays(90).toSeconds());
    }

    @Test
    void dependencyGaugesWhenPostgresAndRedisReachableThenUp() {
        assertThat(registry.get("dependency.up")
                        .tag("dependency", "postgresql")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get("dependency.up")
                        .tag("dependency", "redis")
                        .gauge()
                        .value())
                .isEqualTo(1);
    }
}
