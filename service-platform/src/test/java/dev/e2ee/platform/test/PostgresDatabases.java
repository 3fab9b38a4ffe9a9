package dev.e2ee.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** Derives per-database JDBC URLs from a server URL and creates missing databases. */
final class PostgresDatabases {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresDatabases() {}

    static PostgresServer ensure(PostgresServer server, String database, Set<String> created) {
        PostgresServer target = withDatabase(server, database);
        if (created.contains(target.jdbcUrl())) {
            return target;
        }
        PostgresServer admin = withDatabase(server, "postgres");
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password())) {
            if (!exists(connection, database)) {
                create(connection, database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + " on " + admin, e);
        }
        created.add(target.jdbcUrl());
        return target;
    }

    /** Replaces the database part of a {@code jdbc:postgresql://host:port/db?params} URL. */
    static PostgresServer withDatabase(PostgresServer server, String database) {
        String url = server.jdbcUrl();
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        int queryStart = url.indexOf('?');
        String query = queryStart < 0 ? "" : url.substring(queryStart);
        String withoutQuery = queryStart < 0 ? url : url.substring(0, queryStart);
        int slash = withoutQuery.indexOf('/', PREFIX.length());
        String hostPart = slash < 0 ? withoutQuery : withoutQuery.substring(0, slash);
        return new PostgresServer(
                hostPart + "/" + database + query, server.username(), server.password(), server.origin());
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void create(Connection connection, String database) throws SQLException {
        // the name was validated against [a-z][a-z0-9_]* by TestInfrastructure
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
