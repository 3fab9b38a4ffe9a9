package dev.e2ee.vault.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.vault.keys.rotation.*}: how old the primary signing key may get before it should be rotated
 * ({@code SIGNING_KEY_MAX_AGE}, default 90 days). Nothing rotates by itself: the value is exported as
 * {@code signing_key_max_age_seconds} and the {@code SigningKeyPastRotationAge} alert compares the key's age with it.
 */
@ConfigurationProperties("e2ee.vault.keys.rotation")
record SigningKeyRotationProperties(@DefaultValue("90d") Duration maxAge) {}
