package dev.e2ee.platform.ratelimit;

/**
 * Outcome for one request: the most constraining limit that applied.
 *
 * @param limit requests per window of that limit
 * @param remaining requests left in the window (0 when exceeded)
 * @param resetEpochSeconds when the window ends (Unix seconds)
 * @param retryAfterSeconds seconds until the window ends (≥ 1)
 * @param exceeded whether the request is over a limit
 */
public record RateLimitDecision(
        int limit, long remaining, long resetEpochSeconds, long retryAfterSeconds, boolean exceeded) {}
