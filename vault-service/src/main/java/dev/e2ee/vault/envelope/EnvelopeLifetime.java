package dev.e2ee.vault.envelope;

import dev.e2ee.vault.envelope.EnvelopeExceptions.InvalidEnvelopeRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The expiry of a new envelope (docs/envelope-format.md#audience-and-lifetime): the requested one within the maximum lifetime, or the default. */
@Component
class EnvelopeLifetime {

    private final EnvelopeProperties properties;
    private final Clock clock;

    EnvelopeLifetime(EnvelopeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code requested} when it is in the future and within the maximum lifetime; now + default when null. */
    Instant expiresAt(Instant requested) {
        Instant now = clock.instant();
        if (requested == null) {
            return now.plus(properties.defaultLifetime());
        }
        if (!requested.isAfter(now)) {
            throw new InvalidEnvelopeRequestException("expiresAt must be in the future", "expiry_in_past");
        }
        if (requested.isAfter(now.plus(properties.maxLifetime()))) {
            throw new InvalidEnvelopeRequestException(
                    "expiresAt must be at most " + readable(properties.maxLifetime()) + " from now", "expiry_too_far");
        }
        return requested;
    }

    private static String readable(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + "h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
    }
}
