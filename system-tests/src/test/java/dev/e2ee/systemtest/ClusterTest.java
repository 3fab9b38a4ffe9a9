package dev.e2ee.systemtest;

import org.junit.jupiter.api.BeforeAll;

/**
 * A system test against the one cluster of this JVM ({@link Cluster#get()} starts it on first use, or skips or fails
 * like {@link Infra} when something is missing), with an {@link Api} on it.
 */
abstract class ClusterTest {

    static Cluster cluster;
    static Api api;

    @BeforeAll
    static void cluster() {
        cluster = Cluster.get();
        api = new Api(cluster);
    }
}
