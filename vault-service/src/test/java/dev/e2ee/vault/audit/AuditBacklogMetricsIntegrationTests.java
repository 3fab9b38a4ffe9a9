package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.metrics.RedisStreamMetrics;
import dev.e2ee.vault.VaultIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;

/**
 * The audit backlog gauges against the real PostgreSQL and Redis: the sealing lag grows while the sealer is held off
 * (its advisory lock taken here) and drains once it runs; a stream's length, pending count and oldest age follow
 * what is added and read.
 */
class AuditBacklogMetricsIntegrationTests extends VaultIntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    DataSource dataSource;

    @Test
    void sealingLagWhenSealerHeldOffThenUnsealedRowsCountedAndDrainedAfterwards() throws Exception {
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AuditChainSealer.LOCK_KEY);
                lock.execute();
            }
            createPrompt(userToken(), "metrics test " + UUID.randomUUID(), random());

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> assertThat(gauge("audit.chain.unsealed")).isGreaterThanOrEqualTo(1));
            assertThat(gauge("audit.chain.unsealed.oldest.age")).isGreaterThanOrEqualTo(0);
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(gauge("audit.chain.unsealed")).isZero());
        assertThat(gauge("audit.chain.unsealed.oldest.age")).isZero();
    }

    @Test
    void auditStreamGaugesWhenRegisteredThenExportedUnderTheirNames() {
        assertThat(registry.find("audit.stream.length").gauge()).isNotNull();
        assertThat(registry.find("audit.stream.pending").gauge()).isNotNull();
        assertThat(registry.find("audit.stream.oldest.age").gauge()).isNotNull();
    }

    @Test
    void streamGaugesWhenEntriesAddedAndOneDeliveredThenLengthPendingAndAgeFollow() throws Exception {
        String key = "e2ee:metrics-test:" + UUID.randomUUID();
        SimpleMeterRegistry empty = new SimpleMeterRegistry();
        RedisStreamMetrics.register(empty, "test.stream", redis, key, "g");
        assertThat(empty.get("test.stream.length").gauge().value())
                .as("no stream yet")
                .isZero();

        for (int i = 0; i < 3; i++) {
            redis.opsForStream()
                    .add(StreamRecords.string(Map.of("n", Integer.toString(i))).withStreamKey(key));
        }
        redis.opsForStream().createGroup(key, ReadOffset.from("0"), "g");
        redis.opsForStream()
                .read(
                        Consumer.from("g", "c"),
                        StreamReadOptions.empty().count(1),
                        StreamOffset.create(key, ReadOffset.lastConsumed()));

        // the gauges are read through a scrape cache: each check reads a fresh registry until the entry is 1 s old
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    SimpleMeterRegistry filled = new SimpleMeterRegistry();
                    RedisStreamMetrics.register(filled, "test.stream", redis, key, "g");
                    assertThat(filled.get("test.stream.length").gauge().value()).isEqualTo(3);
                    assertThat(filled.get("test.stream.pending").gauge().value())
                            .isEqualTo(1);
                    assertThat(filled.get("test.stream.oldest.age").gauge().value())
                            .isGreaterThanOrEqualTo(1.0);
                });
        redis.delete(key);
        assertThat(redis.opsForStream().range(key, Range.unbounded())).isEmpty();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
