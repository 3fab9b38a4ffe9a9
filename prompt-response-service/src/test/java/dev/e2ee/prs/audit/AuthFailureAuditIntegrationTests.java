package dev.e2ee.prs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Finding 14.5: 401s of one source are published as one aggregated {@code auth.failed} event per minute. */
class AuthFailureAuditIntegrationTests extends IntegrationTestBase {

    @Autowired
    AuthFailureAuditor auditor;

    @Test
    void badTokensWhenRepeatedThenOneAggregatedEventPerSourceAndMinute() {
        auditor.flushAll();
        String tail = auditStreamTail();
        for (int i = 0; i < 50; i++) {
            assertThat(get("/api/v1/sessions/" + UUID.randomUUID(), "bad-token-" + i)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(events(tail)).as("nothing is published per failure").isEmpty();

        auditor.flushAll();

        List<JsonNode> events = events(tail);
        assertThat(events).hasSizeBetween(1, 2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("clientAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(event.path("reason").asString()).isEqualTo("invalid_token");
        });
        assertThat(events.stream().mapToLong(e -> e.path("count").asLong()).sum())
                .isEqualTo(50);
    }

    private List<JsonNode> events(String tail) {
        return auditEventsSince(tail).stream()
                .filter(e -> "auth.failed".equals(e.path("type").asString()))
                .toList();
    }
}
