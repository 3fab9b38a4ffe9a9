package dev.e2ee.vault.envelope;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code e2ee.vault.envelopes.*} (docs/envelope-format.md#audience-and-lifetime): an {@code expiresAt} further than {@code max-lifetime} from now is
 * refused (400); without one the envelope expires after {@code default-lifetime} (at most the maximum). Every
 * {@code expiry-sweep-interval} the stored status of pending envelopes past their expiry becomes {@code expired}.
 */
@Validated
@ConfigurationProperties("e2ee.vault.envelopes")
record EnvelopeProperties(
        @DefaultValue("24h") Duration maxLifetime,
        @DefaultValue("1h") Duration defaultLifetime,
        @DefaultValue("60s") @DurationMin(millis = 1) Duration expirySweepInterval) {

    EnvelopeProperties {
        if (!positive(maxLifetime) || !positive(defaultLifetime) || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException(
                    "e2ee.vault.envelopes: lifetimes must be positive and default-lifetime at most max-lifetime");
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
