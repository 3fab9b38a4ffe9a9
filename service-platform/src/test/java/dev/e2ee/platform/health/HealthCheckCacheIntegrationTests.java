package dev.e2ee.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.it.PlatformTestApplication;
import dev.e2ee.platform.test.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

/**
 * Anonymous callers of the public health endpoints cannot make a backend check run more than once per
 * {@code e2ee.health.check-cache-ttl} (here one minute, so the count is exact): a blocking and a reactive check count
 * their runs while many concurrent requests hit {@code /api/v1/health}, {@code /health/ready} and {@code /health/live}.
 * Readiness still flips at once, because the availability states are not cached.
 */
@SpringBootTest(
        classes = {PlatformTestApplication.class, HealthCheckCacheIntegrationTests.Checks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "e2ee.health.check-cache-ttl=1m",
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.group.ready.include=readinessState,counted,countedReactive",
            "e2ee.security.public-paths=/api/v1/health/**"
        })
@RealInfrastructure
class HealthCheckCacheIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        registry.add("e2ee.security.jwt-secret", HealthCheckCacheIntegrationTests::random);
        registry.add("e2ee.security.bootstrap-admin-api-key", () -> "bk_" + random());
    }

    @LocalServerPort
    int port;

    @Autowired
    Checks checks;

    @Autowired
    ApplicationContext context;

    @Test
    void healthWhenManyAnonymousRequestsThenEachBackendCheckRunsOncePerTtl() {
        List<CompletableFuture<Integer>> calls = IntStream.range(0, 150)
                .mapToObj(i -> List.of("/api/v1/health", "/api/v1/health/ready", "/api/v1/health/live")
                        .get(i % 3))
                .map(path -> CompletableFuture.supplyAsync(() -> status(path)))
                .toList();

        assertThat(calls).extracting(CompletableFuture::join).containsOnly(200);
        assertThat(checks.blocking).hasValue(1);
        assertThat(checks.reactive).hasValue(1);
    }

    @Test
    void readinessWhenRefusingTrafficThen503AtOnceDespiteTheCache() {
        assertThat(status("/api/v1/health/ready")).isEqualTo(200);

        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(status("/api/v1/health/ready")).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(status("/api/v1/health/ready")).isEqualTo(200);
    }

    private int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Two checks standing in for PostgreSQL and Redis: each counts its runs. */
    @TestConfiguration
    static class Checks {

        final AtomicInteger blocking = new AtomicInteger();
        final AtomicInteger reactive = new AtomicInteger();

        @Bean
        HealthIndicator countedHealthIndicator() {
            return () -> {
                blocking.incrementAndGet();
                return Health.up().build();
            };
        }

        @Bean
        ReactiveHealthIndicator countedReactiveHealthIndicator() {
            return () -> Mono.fromSupplier(() -> {
                reactive.incrementAndGet();
                return Health.up().build();
            });
        }
    }
}
