package dev.e2ee.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestInfrastructureTests {

    @Test
    void withDatabaseWhenUrlHasDatabaseAndParamsThenOnlyDatabaseReplaced() {
        PostgresServer server = new PostgresServer(
                "jdbc:postgresql://db.local:5433/e2ee_test?sslmode=disable", "u", "p", "environment");

        assertThat(PostgresDatabases.withDatabase(server, "other").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.local:5433/other?sslmode=disable");
    }

    @Test
    void withDatabaseWhenUrlHasNoDatabaseThenAppended() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://db.local:5433", "u", "p", "environment");

        assertThat(PostgresDatabases.withDatabase(server, "other").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.local:5433/other");
    }

    @Test
    void postgresWhenDatabaseRequestedThenCreatedAndConnectable() throws Exception {
        PostgresServer server = TestInfrastructure.postgres("e2ee_platform_test");

        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("e2ee_platform_test");
        }
    }

    @Test
    void redisWhenResolvedThenReachable() {
        RedisServer redis = TestInfrastructure.redis();

        assertThat(TestInfrastructure.reachable(redis.host(), redis.port())).isTrue();
    }
}
