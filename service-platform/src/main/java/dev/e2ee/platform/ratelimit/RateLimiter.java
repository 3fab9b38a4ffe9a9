package dev.e2ee.platform.ratelimit;

import dev.e2ee.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed one-minute windows. Shared counters in Redis ({@code e2ee:rl:{<principal>}:<rule>:<window>}, INCR and
 * PEXPIRE in one Lua script, all keys of one principal in one hash slot); after a Redis failure, per-instance
 * counters for {@code redisRetryAfter} before Redis is tried again, so a Redis outage costs at most one timeout
 * per interval.
 */
public final class RateLimiter implements RateLimiterHealth {

    /** A limit to count a request against. */
    public record Limit(String name, int requestsPerMinute) {}

    static final long WINDOW_MILLIS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final RedisScript<List<Long>> SCRIPT = script();

    private final StringRedisTemplate redis;
    private final LocalWindowCounters local;
    private final Duration redisRetryAfter;
    private final Clock clock;
    private volatile long skipRedisUntil;
    private volatile boolean fallback;
    private volatile Instant lastRedisFailure;

    public RateLimiter(StringRedisTemplate redis, RateLimitProperties properties, Clock clock) {
        this.redis = redis;
        this.local = new LocalWindowCounters(properties.localMaxEntries());
        this.redisRetryAfter = properties.redisRetryAfter();
        this.clock = clock;
    }

    /** Counts one request of {@code principal} against every limit and returns the most constraining result. */
    public RateLimitDecision check(String principal, List<Limit> limits) {
        long now = clock.millis();
        long window = now / WINDOW_MILLIS;
        long resetMillis = (window + 1) * WINDOW_MILLIS;
        List<String> keys = new ArrayList<>(limits.size());
        for (Limit limit : limits) {
            keys.add(RedisKeys.rateLimit(principal, limit.name(), window));
        }
        long[] counts = count(keys, window, now, resetMillis - now + 1_000);
        return decide(limits, counts, now, resetMillis);
    }

    private long[] count(List<String> keys, long window, long now, long ttlMillis) {
        if (now >= skipRedisUntil) {
            try {
                List<Long> counts = redis.execute(SCRIPT, keys, Long.toString(ttlMillis));
                fallback = false;
                return counts.stream().mapToLong(Long::longValue).toArray();
            } catch (DataAccessException e) {
                skipRedisUntil = now + redisRetryAfter.toMillis();
                lastRedisFailure = Instant.ofEpochMilli(now);
                if (!fallback) {
                    log.warn(
                            "Rate limiter: Redis unavailable ({}), per-instance limits; retrying Redis every {}",
                            e.getClass().getSimpleName(),
                            redisRetryAfter);
                }
                fallback = true;
            }
        }
        return local.increment(keys, window);
    }

    private static RateLimitDecision decide(List<Limit> limits, long[] counts, long now, long resetMillis) {
        long retryAfter = Math.max(1, (resetMillis - now + 999) / 1000);
        long resetEpochSeconds = (resetMillis + 999) / 1000;
        int chosen = 0;
        boolean exceeded = false;
        for (int i = 0; i < counts.length; i++) {
            boolean over = counts[i] > limits.get(i).requestsPerMinute();
            long remaining = limits.get(i).requestsPerMinute() - counts[i];
            long best = limits.get(chosen).requestsPerMinute() - counts[chosen];
            if (over && !exceeded || over == exceeded && remaining < best) {
                chosen = i;
            }
            exceeded |= over;
        }
        int limit = limits.get(chosen).requestsPerMinute();
        long remaining = Math.max(0, limit - counts[chosen]);
        return new RateLimitDecision(limit, remaining, resetEpochSeconds, retryAfter, exceeded);
    }

    /** Opens the Redis connection at startup so the first request does not pay for it; failures only log. */
    public void warmUp() {
        try {
            redis.execute(SCRIPT, List.of(RedisKeys.rateLimit("warmup", "ping", 0)), "1000");
        } catch (DataAccessException e) {
            log.warn(
                    "Rate limiter: Redis not reachable at startup ({})",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public Mode mode() {
        return fallback ? Mode.LOCAL_FALLBACK : Mode.REDIS;
    }

    @Override
    public Instant lastRedisFailure() {
        return lastRedisFailure;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Long>> script() {
        String lua = """
                local counts = {}
                for i, key in ipairs(KEYS) do
                  local count = redis.call('INCR', key)
                  if count == 1 or redis.call('PTTL', key) < 0 then
                    redis.call('PEXPIRE', key, ARGV[1])
                  end
                  counts[i] = count
                end
                return counts
                """;
        return (RedisScript) new DefaultRedisScript<>(lua, List.class);
    }
}
