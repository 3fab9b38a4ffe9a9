package dev.e2ee.vault.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.ratelimit.RateLimiterHealth;
import dev.e2ee.vault.receiver.ReceiverKeys;
import dev.e2ee.vault.signing.SigningKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the health checks. Unhealthy (503) when PostgreSQL is unreachable or no signing/receiver key is usable;
 * Redis being down is reported ({@code redis.status=down}, rate limits on the per-instance fallback) but the
 * service keeps serving.
 */
@Component
class HealthChecks {

    record Report(String status, String service, String version, Instant timestamp, Map<String, Object> checks) {
        @JsonIgnore
        boolean healthy() {
            return "healthy".equals(status);
        }

        /** This report, unhealthy, with {@code traffic: refusing} (warm-up or shutdown). */
        Report refusingTraffic() {
            Map<String, Object> refusing = new LinkedHashMap<>(checks);
            refusing.put("traffic", "refusing");
            return new Report("unhealthy", service, version, timestamp, refusing);
        }
    }

    private final JdbcTemplate jdbc;
    private final RedisConnectionFactory redis;
    private final ObjectProvider<RateLimiterHealth> rateLimiter;
    private final KeyHealth keys;
    private final String version;
    private final Clock clock;

    HealthChecks(
            JdbcTemplate jdbc,
            RedisConnectionFactory redis,
            ObjectProvider<RateLimiterHealth> rateLimiter,
            KeyHealth keys,
            ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.rateLimiter = rateLimiter;
        this.keys = keys;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
        this.clock = Clock.systemUTC();
    }

    /** Ready to take traffic: PostgreSQL answers (keys were validated at startup). */
    Report readiness() {
        Map<String, Object> database = database();
        boolean ready = "up".equals(database.get("status"));
        return new Report(
                ready ? "healthy" : "unhealthy",
                "vault-service",
                version,
                clock.instant(),
                Map.of("database", database));
    }

    Report report() {
        Map<String, Object> checks = new LinkedHashMap<>();
        Map<String, Object> database = database();
        checks.put("database", database);
        checks.put("redis", redis());
        Map<String, Object> keyCheck = keys.check();
        checks.put("keys", keyCheck);
        boolean healthy = "up".equals(database.get("status")) && "up".equals(keyCheck.get("status"));
        return new Report(healthy ? "healthy" : "unhealthy", "vault-service", version, clock.instant(), checks);
    }

    private Map<String, Object> database() {
        long start = System.nanoTime();
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return Map.of("status", "up", "latencyMs", (System.nanoTime() - start) / 1_000_000);
        } catch (DataAccessException e) {
            return Map.of("status", "down");
        }
    }

    private Map<String, Object> redis() {
        Map<String, Object> result = new LinkedHashMap<>();
        try (RedisConnection connection = redis.getConnection()) {
            connection.ping();
            result.put("status", "up");
        } catch (DataAccessException e) {
            result.put("status", "down");
        }
        RateLimiterHealth limiter = rateLimiter.getIfAvailable();
        if (limiter != null) {
            result.put("rateLimiter", limiter.mode().name().toLowerCase(Locale.ROOT));
        }
        return result;
    }

    /** Key checks live with the keys. */
    @Component
    static class KeyHealth {
        private final SigningKeys signing;
        private final ReceiverKeys receivers;

        KeyHealth(SigningKeys signing, ReceiverKeys receivers) {
            this.signing = signing;
            this.receivers = receivers;
        }

        Map<String, Object> check() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("signingKeyId", signing.get().primary().kid());
            result.put("receiverKeySource", receivers.source());
            result.put("status", receiverAvailable() ? "up" : "down");
            result.put("receiverKeys", receivers.publicJwks().size());
            return result;
        }

        private boolean receiverAvailable() {
            try {
                return receivers.current() != null;
            } catch (ApiException e) {
                return false;
            }
        }
    }
}
