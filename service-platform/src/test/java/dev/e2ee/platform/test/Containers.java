package dev.e2ee.platform.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** Testcontainers-backed PostgreSQL and Redis, started once per JVM (Ryuk removes them). */
final class Containers {

    private static GenericContainer<?> postgres;
    private static GenericContainer<?> redis;

    private Containers() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (NoClassDefFoundError | IllegalStateException e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            GenericContainer<?> container = new GenericContainer<>("postgres:16-alpine")
                    .withEnv("POSTGRES_USER", "postgres")
                    .withEnv("POSTGRES_PASSWORD", "postgres")
                    .withExposedPorts(5432)
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
            container.start();
            postgres = container;
        }
        String url = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/postgres";
        return new PostgresServer(url, "postgres", "postgres", "testcontainers");
    }

    @SuppressWarnings("resource")
    static synchronized RedisServer redis() {
        if (redis == null) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            redis = container;
        }
        return new RedisServer(redis.getHost(), redis.getMappedPort(6379), "testcontainers");
    }
}
