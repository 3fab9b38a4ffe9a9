package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Finding 14.5: bad credentials are throttled per client address before anything is audited, and aggregated. */
@TestPropertySource(properties = "e2ee.test.auth-failures-per-minute=20")
class AuthenticationFailureFloodIntegrationTests extends VaultIntegrationTest {

    @Autowired
    AuthenticationFailureAudit authenticationFailures;

    @Test
    void badTokensWhenFloodedThen429WithRetryAfterAndAtMostAHandfulOfAuditRows() {
        // Other suites in this JVM fail authentications from 127.0.0.1 too (with a high limit): start this minute's
        // count for the address at zero, as a fresh client would see it.
        redis.delete(redis.keys(RedisKeys.RATE_LIMIT + "*:auth-failure:*"));
        authenticationFailures.flushAll();
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_logs", Long.class);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            responses.add(send(request("/api/v1/prompts", "not-a-token-" + UUID.randomUUID())
                    .GET()));
        }
        authenticationFailures.flushAll();

        List<HttpResponse<String>> throttled =
                responses.stream().filter(r -> r.statusCode() == 429).toList();
        long unauthorized =
                responses.stream().filter(r -> r.statusCode() == 401).count();
        // 20 per address and minute; the flood may straddle a minute boundary, so at most two windows' worth.
        assertThat(throttled).hasSizeGreaterThanOrEqualTo(360);
        assertThat(unauthorized).isEqualTo(400 - throttled.size()).isLessThanOrEqualTo(40);
        assertThat(throttled)
                .allSatisfy(r -> assertThat(
                                r.headers().firstValueAsLong("Retry-After").orElse(0))
                        .isBetween(1L, 61L));
        assertThat(body(throttled.get(0))).containsEntry("code", "RATE_LIMITED");
        List<Long> counts = jdbc.queryForList(
                "SELECT (details->>'count')::bigint FROM audit_logs WHERE id > ? AND action = 'auth.failed'",
                Long.class,
                before);
        assertThat(counts).as("one row per source and minute").hasSizeBetween(1, 2);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(unauthorized);
    }
}
