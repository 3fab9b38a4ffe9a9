package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.ratelimit.RateLimiterHealth;
import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.core.StringRedisTemplate;

class RateLimitIntegrationTests extends PlatformIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RateLimiterHealth health;

    @Autowired
    @Qualifier("rateLimiterHealthIndicator")
    HealthIndicator healthIndicator;

    @Autowired
    MeterRegistry registry;

    @Test
    void ruleLimitWhenExceededThen429WithHeadersAndRetryAfter() throws Exception {
        double rejectionsBefore = registry.counter("rate.limit.rejections").count();
        List<HttpResponse<String>> responses = sameWindow(4);

        for (int i = 0; i < 3; i++) {
            assertThat(responses.get(i).statusCode()).isEqualTo(200);
            assertThat(header(responses.get(i), "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(header(responses.get(i), "X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
        }
        HttpResponse<String> limited = responses.get(3);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
        long retryAfter = Long.parseLong(header(limited, "Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        long reset = Long.parseLong(header(limited, "X-RateLimit-Reset"));
        assertThat(reset).isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 61);
        assertThat(body(limited)).containsEntry("code", "RATE_LIMITED").containsEntry("status", 429);
        assertThat(registry.counter("rate.limit.rejections").count())
                .as("rate_limit_rejections_total (a minute boundary may have cost an earlier attempt one more 429)")
                .isBetween(rejectionsBefore + 1, rejectionsBefore + 3);
        assertThat(health.mode()).isEqualTo(RateLimiterHealth.Mode.REDIS);
        assertThat(healthIndicator.health(true).getDetails())
                .containsEntry("mode", "REDIS")
                .containsEntry("redis", "up");
    }

    @Test
    void defaultLimitWhenRequestThenHeadersAndCounterInRedis() throws Exception {
        String subject = randomSubject();
        String token = tokens.issue(new E2eePrincipal(subject, Set.of(Role.USER), null, AuthMethod.JWT, null));

        HttpResponse<String> response = get("/api/v1/me", "Authorization", "Bearer " + token);

        assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("100000");
        assertThat(header(response, "X-RateLimit-Remaining")).isEqualTo("99999");
        long window = System.currentTimeMillis() / 60_000;
        assertThat(redis.hasKey(RedisKeys.rateLimit("user:" + subject, "default", window))
                        || redis.hasKey(RedisKeys.rateLimit("user:" + subject, "default", window - 1)))
                .isTrue();
    }

    @Test
    void publicHealthPathWhenRequestedThenNotLimited() throws Exception {
        assertThat(get("/api/v1/health/ping").headers().firstValue("X-RateLimit-Limit"))
                .isEmpty();
    }

    /** Four requests of one fresh principal inside one window (retried if a minute boundary interferes). */
    private List<HttpResponse<String>> sameWindow(int count) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = tokenFor(Role.USER);
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                responses.add(send(request("/api/v1/limited")
                        .POST(BodyPublishers.noBody())
                        .header("Authorization", "Bearer " + token)));
            }
            if (responses.stream()
                            .map(r -> header(r, "X-RateLimit-Reset"))
                            .distinct()
                            .count()
                    == 1) {
                return responses;
            }
        }
        throw new AssertionError("could not stay inside one rate-limit window");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
