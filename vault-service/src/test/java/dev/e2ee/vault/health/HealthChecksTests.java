package dev.e2ee.vault.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.ratelimit.RateLimiterHealth;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Readiness against a PostgreSQL and a Redis that are not there (closed local ports, no mocks). */
class HealthChecksTests {

    private LettuceConnectionFactory redis;
    private HealthChecks checks;

    @BeforeEach
    void unreachableInfrastructure() {
        DriverManagerDataSource database =
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "postgres", "");
        redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        redis.afterPropertiesSet();
        redis.start();
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        checks = new HealthChecks(
                new JdbcTemplate(database),
                redis,
                none.getBeanProvider(RateLimiterHealth.class),
                new HealthChecks.KeyHealth(null, null),
                none.getBeanProvider(BuildProperties.class));
    }

    @AfterEach
    void close() {
        redis.destroy();
    }

    @Test
    void readinessWhenPostgresUnreachableThenUnhealthyWithDatabaseDown() {
        HealthChecks.Report report = checks.readiness();

        assertThat(report.healthy()).isFalse();
        assertThat(report.status()).isEqualTo("unhealthy");
        assertThat(report.service()).isEqualTo("vault-service");
        assertThat(report.checks()).containsEntry("database", Map.of("status", "down"));
    }
}
