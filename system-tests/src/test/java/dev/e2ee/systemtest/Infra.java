package dev.e2ee.systemtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.ZipFile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real PostgreSQL and Redis are ({@code E2EE_TEST_DATABASE_URL}/{@code _USER}/{@code _PASSWORD},
 * {@code E2EE_TEST_REDIS_HOST}/{@code _PORT}, else 127.0.0.1:5432 and 127.0.0.1:6379) and where the service jars
 * are. A missing piece skips the suite loudly, or fails it in CI mode ({@code -De2ee.ci=true}).
 */
final class Infra {

    static final String DATABASE = "e2ee_system_test";
    /** Redis logical database of this suite: fixed stream names (jobs, audit) must not mix with other test runs. */
    static final int REDIS_DATABASE = 13;

    record Postgres(String host, int port, String user, String password) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), user, password);
        }
    }

    record Redis(String host, int port) {}

    private Infra() {}

    static boolean ciMode() {
        return Boolean.parseBoolean(System.getProperty("e2ee.ci", "false"));
    }

    static Postgres postgres() {
        String url = env("E2EE_TEST_DATABASE_URL", null);
        Postgres server;
        if (url != null) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            server = new Postgres(
                    uri.getHost(),
                    uri.getPort() < 0 ? 5432 : uri.getPort(),
                    env("E2EE_TEST_DATABASE_USER", "postgres"),
                    env("E2EE_TEST_DATABASE_PASSWORD", ""));
        } else {
            server = new Postgres("127.0.0.1", 5432, "postgres", "");
        }
        require(reachable(server.host(), server.port()), "no PostgreSQL at " + server.host() + ":" + server.port());
        createDatabaseIfMissing(server);
        return server;
    }

    static Redis redis() {
        Redis server = new Redis(
                env("E2EE_TEST_REDIS_HOST", "127.0.0.1"), Integer.parseInt(env("E2EE_TEST_REDIS_PORT", "6379")));
        require(reachable(server.host(), server.port()), "no Redis at " + server.host() + ":" + server.port());
        return server;
    }

    static Path jar(String property) {
        String value = System.getProperty(property);
        require(value != null, "system property " + property + " (path of a service jar) is not set");
        Path path = Path.of(value).toAbsolutePath().normalize();
        require(
                Files.isRegularFile(path),
                "service jar " + path + " is missing; build it first: mvn -pl vault-service,prompt-response-service"
                        + " package -DskipTests");
        return path;
    }

    /**
     * A private copy of a jar, so a rebuild of the module while the suite runs cannot swap classes under a running
     * process; copied again while the copy is not a readable zip (the build was writing it).
     */
    static Path snapshot(Path jar, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path copy = directory.resolve(jar.getFileName());
        Awaitility.await("a readable copy of " + jar.getFileName())
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(3))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> readableCopy(jar, copy));
        return copy;
    }

    private static boolean readableCopy(Path jar, Path copy) throws IOException {
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            return zip.size() > 0;
        }
    }

    static Path workDirectory() {
        return Path.of(System.getProperty("e2ee.systemtest.dir", "target/system-test"))
                .toAbsolutePath()
                .normalize();
    }

    static void require(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (ciMode()) {
            throw new IllegalStateException("CI mode (-De2ee.ci=true): " + message);
        }
        System.err.println("\n*** SYSTEM TESTS SKIPPED: " + message + " ***\n");
        Assumptions.abort("SKIPPED: " + message);
    }

    /**
     * Starts each run on an empty database of its own (earlier runs' keys metadata, e.g. a rotated signing key,
     * would otherwise leak into this run). When another run is using it, DROP fails and the database is reused.
     */
    private static void createDatabaseIfMissing(Postgres server) {
        try (Connection connection = server.connect("postgres");
                Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + DATABASE);
        } catch (SQLException e) {
            System.err.println("[system-test] database " + DATABASE + " is in use; reusing it: " + e.getMessage());
        }
        try (Connection connection = server.connect("postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                throw new IllegalStateException("cannot create database " + DATABASE, e);
            }
        }
    }

    /** Removes this suite's keys ({@code e2ee:*}) from its own logical database 13 — never FLUSHDB. */
    static void clearRedisDatabase(Redis server) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(io.lettuce.core.RedisURI.builder()
                .withHost(server.host())
                .withPort(server.port())
                .withDatabase(REDIS_DATABASE)
                .build());
        try (var connection = client.connect()) {
            var redis = connection.sync();
            io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
            do {
                io.lettuce.core.KeyScanCursor<String> page = redis.scan(
                        cursor,
                        io.lettuce.core.ScanArgs.Builder.matches("e2ee:*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    redis.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
