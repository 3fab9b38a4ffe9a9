package dev.e2ee.vault;

import dev.e2ee.platform.test.PostgresServer;
import dev.e2ee.platform.test.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties the vault's own test database ({@value #NAME}) once per test JVM, before the shared context migrates it:
 * every run generates fresh KEKs and a fresh pepper, so rows left by an earlier run could never be decrypted.
 */
final class TestDatabase {

    static final String NAME = "e2ee_vault_test";
    private static boolean reset;

    private TestDatabase() {}

    static synchronized void resetOnce() {
        if (reset) {
            return;
        }
        PostgresServer server = TestInfrastructure.postgres(NAME);
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset test database " + NAME, e);
        }
        reset = true;
    }
}
