package dev.e2ee.platform.redis;

import java.util.UUID;

/**
 * The Redis key names both services (or the platform and a service) share; each is written here once and nowhere
 * else, tests included. Names one feature owns alone live as a constant or a {@code key(..)} method of that feature's
 * class (the prompt-response service's sessions, jobs, replay guard and response cache, the vault's secret-failure
 * counters).
 */
public final class RedisKeys {

    /** Prefix of the API-key mirror entry found by the SHA-256 of the key (written by the vault, read by both). */
    public static final String API_KEY_BY_HASH = "e2ee:apikey:";

    /** Prefix of the same mirror entry found by the key's id (for {@code akid} tokens). */
    public static final String API_KEY_BY_ID = "e2ee:apikey:id:";

    /** The stream of audit events the prompt-response service publishes and the vault consumes. */
    public static final String AUDIT_STREAM = "e2ee:audit:events";

    /** Prefix of the rate-limit window counters; the principal is a hash tag so one request's keys share a slot. */
    public static final String RATE_LIMIT = "e2ee:rl:";

    private RedisKeys() {}

    public static String apiKeyByHash(String keyHash) {
        return API_KEY_BY_HASH + keyHash;
    }

    public static String apiKeyById(String id) {
        return API_KEY_BY_ID + id;
    }

    public static String apiKeyById(UUID id) {
        return apiKeyById(id.toString());
    }

    /** The counter of {@code limit} for {@code principal} in the one-minute {@code window}. */
    public static String rateLimit(String principal, String limit, long window) {
        return RATE_LIMIT + "{" + principal + "}:" + limit + ":" + window;
    }
}
