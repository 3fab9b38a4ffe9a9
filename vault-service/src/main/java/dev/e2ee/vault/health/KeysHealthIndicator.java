package dev.e2ee.vault.health;

import dev.e2ee.platform.ApiException;
import dev.e2ee.vault.key.ReceiverKeys;
import dev.e2ee.vault.key.SigningKeys;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component {@code keys}: the signing key in use and whether a receiver key is available (DOWN if not). */
@Component("keysHealthIndicator")
class KeysHealthIndicator implements HealthIndicator {

    private final SigningKeys signing;
    private final ReceiverKeys receivers;

    KeysHealthIndicator(SigningKeys signing, ReceiverKeys receivers) {
        this.signing = signing;
        this.receivers = receivers;
    }

    @Override
    public Health health() {
        return (receiverAvailable() ? Health.up() : Health.down())
                .withDetail("signingKeyId", signing.get().primary().kid())
                .withDetail("receiverKeySource", receivers.source())
                .withDetail("receiverKeys", receivers.publicJwks().size())
                .build();
    }

    private boolean receiverAvailable() {
        try {
            return receivers.current() != null;
        } catch (ApiException e) {
            return false;
        }
    }
}
