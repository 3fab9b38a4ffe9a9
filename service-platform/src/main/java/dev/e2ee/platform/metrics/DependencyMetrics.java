package dev.e2ee.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * {@code dependency_up{dependency="redis"|"postgresql"}}: 1 when this instance reached the dependency at the last
 * check, else 0. Checked when scraped, at most once per {@link #TTL} (a Redis {@code PING}; a pooled PostgreSQL
 * connection's {@code isValid}), so the alert "Redis or PostgreSQL unreachable" needs no exporter next to each store.
 */
final class DependencyMetrics implements MeterBinder {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final RedisConnectionFactory redis;
    private final DataSource database;

    DependencyMetrics(RedisConnectionFactory redis, DataSource database) {
        this.redis = redis;
        this.database = database;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (redis != null) {
            register(registry, "redis", this::redisUp);
        }
        if (database != null) {
            register(registry, "postgresql", this::databaseUp);
        }
    }

    private static void register(MeterRegistry registry, String dependency, BooleanSupplier check) {
        ScrapeCache<Boolean> up = ScrapeCache.of(check::getAsBoolean, false, TTL);
        Gauge.builder("dependency.up", up, cache -> cache.get() ? 1 : 0)
                .description("1 when the dependency answered this instance's last check, else 0")
                .tag("dependency", dependency)
                .strongReference(true)
                .register(registry);
    }

    private boolean redisUp() {
        try (RedisConnection connection = redis.getConnection()) {
            return "PONG".equalsIgnoreCase(connection.ping());
        }
    }

    private boolean databaseUp() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
