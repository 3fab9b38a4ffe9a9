package dev.e2ee.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.health.*}: how the health checks behind the public {@code /api/v1/health} endpoints are run.
 *
 * @param checkCacheTtl how long one run of a check that asks a backend (PostgreSQL, Redis, the keys) answers every
 *     health request ({@code E2EE_HEALTH_CHECK_CACHE_TTL}); {@code 0} runs each check on every request
 */
@ConfigurationProperties("e2ee.health")
public record HealthCheckProperties(@DefaultValue("1s") Duration checkCacheTtl) {}
