package dev.e2ee.prs.health;

import dev.e2ee.prs.key.ReceiverKeys;
import dev.e2ee.prs.key.TrustedSigners;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prompt-response service's own health component {@code keys} (Boot adds {@code redis} and the states). */
@Configuration(proxyBeanMethods = false)
class PromptResponseHealthIndicators {

    /**
     * Part of readiness: UP when a receiver key and at least one trusted vault signing key are loaded; DOWN while, for
     * example, the vault's JWK Set has not been fetched yet.
     */
    @Bean
    HealthIndicator keysHealthIndicator(ReceiverKeys receiverKeys, TrustedSigners signers) {
        return () -> (receiverKeys.size() > 0 && signers.hasKeys() ? Health.up() : Health.down())
                .withDetail("receiverKeys", receiverKeys.size())
                .withDetail("trustedSigners", signers.size())
                .build();
    }
}
