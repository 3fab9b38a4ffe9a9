package dev.e2ee.platform.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.it.PlatformTestApplication;
import dev.e2ee.platform.test.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The readiness probe refuses traffic while the warm-up runs and accepts it once the warm-up ended, and the warm-up
 * stops at {@code e2ee.warmup.max-duration} even when a contributor is slow: a contributor asks the service's own
 * readiness endpoint over HTTP during every round.
 */
@SpringBootTest(
        classes = {PlatformTestApplication.class, WarmupReadinessIntegrationTests.Probe.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "e2ee.warmup.rounds=1000",
            "e2ee.warmup.max-duration=1500ms",
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.probes.enabled=true",
            "e2ee.security.public-paths=/api/v1/health/**"
        })
@RealInfrastructure
class WarmupReadinessIntegrationTests {

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        registry.add("e2ee.security.jwt-secret", WarmupReadinessIntegrationTests::random);
        registry.add("e2ee.security.bootstrap-admin-api-key", () -> "bk_" + random());
    }

    @LocalServerPort
    int port;

    @Autowired
    Probe probe;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void readinessIsRefusedUntilTheWarmupEndsAndTheWarmupIsBounded() throws Exception {
        assertThat(probe.statuses).isNotEmpty().containsOnly(503);
        assertThat(probe.states).containsOnly(ReadinessState.REFUSING_TRAFFIC);
        // ≈ 120 ms a round against 1000 rounds: only e2ee.warmup.max-duration (1.5 s) ended it
        assertThat(probe.rounds.get()).isBetween(1, 20);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(Probe.readiness(port)).isEqualTo(200);
    }

    static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A slow contributor that records what the readiness endpoint answers while the warm-up runs. */
    @TestConfiguration
    static class Probe implements WarmupContributor {

        static final HttpClient HTTP = HttpClient.newHttpClient();

        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        final List<ReadinessState> states = new CopyOnWriteArrayList<>();
        final AtomicInteger rounds = new AtomicInteger();

        @Autowired
        WebServerApplicationContext context;

        @Autowired
        ApplicationAvailability availability;

        @Override
        public String name() {
            return "readiness probe";
        }

        @Override
        public void round() {
            rounds.incrementAndGet();
            int before = statuses.size();
            // a slow contributor: each round asks the readiness endpoint until it has three answers (≈ 120 ms)
            await().pollInterval(Duration.ofMillis(40))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        statuses.add(readiness(context.getWebServer().getPort()));
                        states.add(availability.getReadinessState());
                        return statuses.size() - before >= 3;
                    });
        }

        static int readiness(int port) throws IOException, InterruptedException {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
