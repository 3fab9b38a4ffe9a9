package dev.e2ee.vault.envelope;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.vault.secret-failures.*}: wrong secrets tolerated per prompt within a window, counted in Redis
 * ({@code e2ee:secret-failures:<promptId>}) so all instances share the count.
 */
@ConfigurationProperties("e2ee.vault.secret-failures")
record SecretFailureProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("15m") Duration window) {}
