package dev.e2ee.platform.test;

/** A reachable PostgreSQL database for tests. */
public record PostgresServer(String jdbcUrl, String username, String password, String origin) {

    @Override
    public String toString() {
        return "PostgresServer[" + jdbcUrl + " as " + username + " from " + origin + "]";
    }
}
