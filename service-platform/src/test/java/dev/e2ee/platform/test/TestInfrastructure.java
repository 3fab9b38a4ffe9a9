package dev.e2ee.platform.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Real PostgreSQL and Redis for tests, resolved once per JVM, in this order:
 * <ol>
 *   <li>environment: {@code E2EE_TEST_DATABASE_URL} (a JDBC URL; its database part is replaced by the requested
 *       database), {@code E2EE_TEST_DATABASE_USER} (default {@code postgres}), {@code E2EE_TEST_DATABASE_PASSWORD};
 *       {@code E2EE_TEST_REDIS_HOST}, {@code E2EE_TEST_REDIS_PORT} (default 6379) — or the same from
 *       {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD} and {@code SPRING_DATA_REDIS_HOST}/{@code _PORT};</li>
 *   <li>Testcontainers ({@code postgres:16-alpine}, {@code redis:7-alpine}) when a Docker engine is available;</li>
 *   <li>{@code 127.0.0.1:5432} (user {@code postgres}, no password) / {@code 127.0.0.1:6379} when a socket connects.</li>
 * </ol>
 * Otherwise {@link #postgres}/{@link #redis} abort the test through a JUnit assumption with a loud reason — or
 * fail when the system property {@code e2ee.ci=true}. The requested database is created if missing.
 */
public final class TestInfrastructure {

    /** System property that turns "skip" into "fail". */
    public static final String CI_PROPERTY = "e2ee.ci";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static Optional<PostgresServer> postgresServer;
    private static Optional<RedisServer> redisServer;

    private TestInfrastructure() {}

    public static boolean ciMode() {
        return Boolean.parseBoolean(System.getProperty(CI_PROPERTY, "false"));
    }

    /** The given database (created if missing), or the test is skipped/failed. */
    public static PostgresServer postgres(String database) {
        Optional<PostgresServer> server = findPostgres(database);
        require(server.isPresent(), "no PostgreSQL for database " + database + ": " + postgresHint());
        return server.get();
    }

    /** Redis, or the test is skipped/failed. */
    public static RedisServer redis() {
        Optional<RedisServer> server = findRedis();
        require(server.isPresent(), "no Redis: " + redisHint());
        return server.get();
    }

    public static Optional<PostgresServer> findPostgres(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + database);
        }
        return postgresServer().map(server -> PostgresDatabases.ensure(server, database, CREATED));
    }

    public static synchronized Optional<RedisServer> findRedis() {
        if (redisServer == null) {
            redisServer = resolveRedis();
        }
        return redisServer;
    }

    /** What is missing for the annotated test, if anything. */
    static Optional<String> missing(RealInfrastructure annotation) {
        if (!annotation.database().isEmpty() && postgresServer().isEmpty()) {
            return Optional.of("no PostgreSQL: " + postgresHint());
        }
        if (annotation.redis() && findRedis().isEmpty()) {
            return Optional.of("no Redis: " + redisHint());
        }
        return Optional.empty();
    }

    private static synchronized Optional<PostgresServer> postgresServer() {
        if (postgresServer == null) {
            postgresServer = resolvePostgres();
        }
        return postgresServer;
    }

    private static Optional<PostgresServer> resolvePostgres() {
        String url = env("E2EE_TEST_DATABASE_URL", env("SPRING_DATASOURCE_URL", null));
        if (url != null) {
            String user = env("E2EE_TEST_DATABASE_USER", env("SPRING_DATASOURCE_USERNAME", "postgres"));
            String password = env("E2EE_TEST_DATABASE_PASSWORD", env("SPRING_DATASOURCE_PASSWORD", ""));
            return Optional.of(new PostgresServer(url, user, password, "environment"));
        }
        if (Containers.dockerAvailable()) {
            return Optional.of(Containers.postgres());
        }
        if (reachable("127.0.0.1", 5432)) {
            return Optional.of(
                    new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "127.0.0.1:5432"));
        }
        return Optional.empty();
    }

    private static Optional<RedisServer> resolveRedis() {
        String host = env("E2EE_TEST_REDIS_HOST", env("SPRING_DATA_REDIS_HOST", null));
        if (host != null) {
            int port = Integer.parseInt(env("E2EE_TEST_REDIS_PORT", env("SPRING_DATA_REDIS_PORT", "6379")));
            return Optional.of(new RedisServer(host, port, "environment"));
        }
        if (Containers.dockerAvailable()) {
            return Optional.of(Containers.redis());
        }
        if (reachable("127.0.0.1", 6379)) {
            return Optional.of(new RedisServer("127.0.0.1", 6379, "127.0.0.1:6379"));
        }
        return Optional.empty();
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (ciMode()) {
            throw new IllegalStateException("CI mode (-De2ee.ci=true): " + message);
        }
        System.err.println("\n*** SKIPPED: " + message + " ***\n");
        Assumptions.assumeTrue(false, "SKIPPED: " + message);
    }

    private static String postgresHint() {
        return "set E2EE_TEST_DATABASE_URL/E2EE_TEST_DATABASE_USER/E2EE_TEST_DATABASE_PASSWORD, start a Docker engine,"
                + " or run PostgreSQL on 127.0.0.1:5432";
    }

    private static String redisHint() {
        return "set E2EE_TEST_REDIS_HOST/E2EE_TEST_REDIS_PORT, start a Docker engine, or run Redis on 127.0.0.1:6379";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
