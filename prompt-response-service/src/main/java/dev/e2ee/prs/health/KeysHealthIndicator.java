package dev.e2ee.prs.health;

import dev.e2ee.prs.key.ReceiverKeys;
import dev.e2ee.prs.key.TrustedSigners;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code keys} (part of readiness): UP when a receiver key and at least one trusted vault signing key
 * are loaded; DOWN while, for example, the vault's JWK Set has not been fetched yet.
 */
@Component("keysHealthIndicator")
class KeysHealthIndicator implements HealthIndicator {

    private final ReceiverKeys receiverKeys;
    private final TrustedSigners signers;

    KeysHealthIndicator(ReceiverKeys receiverKeys, TrustedSigners signers) {
        this.receiverKeys = receiverKeys;
        this.signers = signers;
    }

    @Override
    public Health health() {
        return (receiverKeys.size() > 0 && signers.hasKeys() ? Health.up() : Health.down())
                .withDetail("receiverKeys", receiverKeys.size())
                .withDetail("trustedSigners", signers.size())
                .build();
    }
}
