package dev.e2ee.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.rate-limit.*}: fixed one-minute windows per principal (API key id, else JWT subject, else client
 * address). Every request counts against the default limit and, in addition, against every matching rule.
 *
 * @param enabled {@code RATE_LIMIT_ENABLED}; false turns rate limiting off
 * @param requestsPerMinute default limit for every request
 * @param rules extra limits for some requests
 * @param excludedPaths path patterns never limited (probes and scraping)
 * @param redisRetryAfter after a Redis failure, how long to use the per-instance fallback before trying Redis again
 * @param localMaxEntries bound of the per-instance fallback's counter map
 * @param authFailuresPerMinute failed authentications (401s) per client address and minute; beyond it the address
 *     gets 429 with {@code Retry-After} and nothing is audited ({@code RATE_LIMIT_AUTH_FAILURES_PER_MINUTE}; 0 = off)
 */
// Wrapper types where application.yml maps a variable as ${NAME:}: an empty value binds as null, so the default
// applies (a primitive would fail to bind).
@ConfigurationProperties("e2ee.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") Boolean enabled,
        @DefaultValue("100") Integer requestsPerMinute,
        List<Rule> rules,

        @DefaultValue({"/api/v1/health", "/api/v1/health/**", "/api/v1/metrics"})
        List<String> excludedPaths,

        @DefaultValue("5s") Duration redisRetryAfter,
        @DefaultValue("10000") int localMaxEntries,
        @DefaultValue("20") Integer authFailuresPerMinute) {

    public RateLimitProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        excludedPaths = excludedPaths == null ? List.of() : List.copyOf(excludedPaths);
    }

    /**
     * @param name short name used in the Redis key, e.g. {@code envelope-create}
     * @param method HTTP method, or null/empty for any
     * @param path path pattern ({@code PathPattern} syntax, e.g. {@code /api/v1/envelopes} or {@code /api/v1/prompts/**})
     * @param requestsPerMinute the limit
     */
    public record Rule(String name, String method, String path, int requestsPerMinute) {}
}
