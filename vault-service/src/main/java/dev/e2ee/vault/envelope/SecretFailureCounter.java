package dev.e2ee.vault.envelope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Secret attempts per prompt in a fixed window, shared through Redis ({@code e2ee:secret-failures:<promptId>}).
 * An attempt is reserved before the secret is verified (one Lua script: INCR, PEXPIRE when the key is new or has
 * lost its expiry, refuse and undo above the limit) and released when the secret was right, so concurrent guesses
 * can never verify more than {@code maxAttempts} times per window and the key always expires. When Redis is
 * unreachable the count falls back to this instance's memory, so a Redis outage never lifts the limit entirely.
 */
@Component
class SecretFailureCounter {

    private static final Logger log = LoggerFactory.getLogger(SecretFailureCounter.class);
    static final String PREFIX = "e2ee:secret-failures:";
    private static final RedisScript<List<Long>> RESERVE = reserveScript();
    private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count > 0 then return redis.call('DECR', KEYS[1]) end
            return 0
            """, Long.class);

    private record Local(int count, Instant resetAt) {}

    private final StringRedisTemplate redis;
    private final SecretFailureProperties properties;
    private final Clock clock;
    private final Map<UUID, Local> local = new ConcurrentHashMap<>();

    SecretFailureCounter(StringRedisTemplate redis, SecretFailureProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts one attempt against the prompt if the limit allows it and answers zero; otherwise counts nothing and
     * answers the time left in the window.
     */
    Duration reserve(UUID promptId) {
        try {
            List<Long> result = redis.execute(
                    RESERVE,
                    List.of(PREFIX + promptId),
                    Long.toString(properties.window().toMillis()),
                    Integer.toString(properties.maxAttempts()));
            long pttl = result.get(1);
            return pttl == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(1_000, pttl));
        } catch (DataAccessException e) {
            log.warn("secret-failure counter: Redis unavailable, counting on this instance");
            return reserveLocally(promptId);
        }
    }

    /** Gives back an attempt {@link #reserve} counted: the secret was right. */
    void release(UUID promptId) {
        try {
            redis.execute(RELEASE, List.of(PREFIX + promptId));
        } catch (DataAccessException e) {
            local.computeIfPresent(promptId, (id, entry) -> new Local(Math.max(0, entry.count() - 1), entry.resetAt()));
        }
    }

    private Duration reserveLocally(UUID promptId) {
        Instant now = clock.instant();
        AtomicBoolean reserved = new AtomicBoolean();
        Local entry = local.compute(promptId, (id, old) -> {
            boolean fresh = old == null || !old.resetAt().isAfter(now);
            int count = fresh ? 0 : old.count();
            if (count >= properties.maxAttempts()) {
                return old;
            }
            reserved.set(true);
            return new Local(count + 1, fresh ? now.plus(properties.window()) : old.resetAt());
        });
        return reserved.get() ? Duration.ZERO : Duration.between(now, entry.resetAt());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Long>> reserveScript() {
        String lua = """
                local count = redis.call('INCR', KEYS[1])
                if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
                  redis.call('PEXPIRE', KEYS[1], ARGV[1])
                end
                if count > tonumber(ARGV[2]) then
                  redis.call('DECR', KEYS[1])
                  return {count - 1, math.max(redis.call('PTTL', KEYS[1]), 1)}
                end
                return {count, 0}
                """;
        return (RedisScript) new DefaultRedisScript<>(lua, List.class);
    }
}
