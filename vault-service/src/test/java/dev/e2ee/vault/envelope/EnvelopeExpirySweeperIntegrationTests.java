package dev.e2ee.vault.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.vault.VaultIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The expiry sweeper moves pending envelopes past their expiry to {@code expired} and counts them in {@code envelopes_expired_total}. */
class EnvelopeExpirySweeperIntegrationTests extends VaultIntegrationTest {

    @Autowired
    EnvelopeRepository envelopes;

    @Autowired
    EnvelopeMetrics metrics;

    @Autowired
    EnvelopeProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry registry;

    @Test
    void expireWhenPendingEnvelopePastItsExpiryThenStoredExpiredAndCounted() {
        double before = expiredTotal();
        String token = userToken();
        String promptId = createPrompt(token, "expires soon", "pw");
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(1));
        String soon = (String) body(post(
                        "/api/v1/envelopes",
                        token,
                        Map.of("promptId", promptId, "secret", "pw", "expiresAt", expiresAt.toString())))
                .get("id");
        String later = createEnvelope(token, promptId, "pw"); // default lifetime: one hour
        // the sweeper as it will run two minutes from now: past the first envelope's expiry, not the second's
        Clock twoMinutesOn = Clock.offset(clock, Duration.ofMinutes(2));
        EnvelopeExpirySweeper sweeper = new EnvelopeExpirySweeper(envelopes, metrics, twoMinutesOn, properties);

        sweeper.expire();

        assertThat(storedStatus(soon)).isEqualTo("expired");
        assertThat(storedStatus(later)).isEqualTo("pending");
        // at least this test's envelope (the service's own sweeper, running on the real clock, may add others)
        assertThat(expiredTotal() - before).isGreaterThanOrEqualTo(1);
        assertThat(envelopes.expirePending(twoMinutesOn.instant()))
                .as("nothing left to sweep")
                .isZero();
    }

    private String storedStatus(String envelopeId) {
        return jdbc.queryForObject("SELECT status FROM envelopes WHERE id = ?::uuid", String.class, envelopeId);
    }

    private double expiredTotal() {
        return registry.get("envelopes.expired").counter().count();
    }
}
