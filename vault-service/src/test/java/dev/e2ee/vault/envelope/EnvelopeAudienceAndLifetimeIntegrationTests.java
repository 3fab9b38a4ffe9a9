package dev.e2ee.vault.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audience and lifetime at the vault (docs/envelope-format.md#audience-and-lifetime): the audience is signed into every envelope; lifetimes are bounded (issue 14.4). */
class EnvelopeAudienceAndLifetimeIntegrationTests extends VaultIntegrationTest {

    @Test
    void createWhenNoAudienceAskedThenCallersSubjectIsTheAudience() {
        String subject = newSubject();
        String token = token(subject, Role.USER);
        String promptId = createPrompt(token, "for me only", "pw");

        HttpResponse<String> response = post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response)).containsEntry("audience", subject);
    }

    @Test
    void createWhenAudienceNamedThenThatPrincipalIsTheAudienceAndInvalidOnesRefused() {
        String token = userToken();
        String promptId = createPrompt(token, "for the batch job", "pw");

        HttpResponse<String> named =
                post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw", "audience", "batch-job"));
        HttpResponse<String> empty =
                post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw", "audience", ""));
        HttpResponse<String> control =
                post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw", "audience", "a\u0001b"));

        assertThat(named.statusCode()).isEqualTo(201);
        assertThat(body(named)).containsEntry("audience", "batch-job");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(post(
                                "/api/v1/envelopes",
                                token,
                                Map.of("promptId", promptId, "secret", "pw", "audience", "a\u0085b"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void createWhenExpiryBeyondMaximumLifetimeThen400AndNothingStored() {
        String token = userToken();
        String promptId = createPrompt(token, "not for years", "pw");
        String tooLate = Instant.now()
                .plus(Duration.ofHours(24))
                .plus(Duration.ofMinutes(5))
                .toString();
        String yearsAway = Instant.now().plus(Duration.ofDays(3650)).toString();

        HttpResponse<String> late =
                post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw", "expiresAt", tooLate));
        HttpResponse<String> years =
                post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw", "expiresAt", yearsAway));

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(years.statusCode()).isEqualTo(400);
        assertThat(body(late)).containsEntry("code", "VALIDATION_ERROR");
        assertThat((String) body(late).get("detail")).contains("24h");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM envelopes WHERE prompt_id = ?::uuid", Long.class, promptId))
                .isZero();
        String within = Instant.now().plus(Duration.ofHours(23)).toString();
        assertThat(post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw", "expiresAt", within))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void createWhenNoExpiryAskedThenDefaultLifetimeOfOneHour() {
        String token = userToken();
        String promptId = createPrompt(token, "default lifetime", "pw");

        Map<String, Object> envelope =
                body(post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw")));

        assertThat(envelope.get("expiresAt")).isNotNull();
        Duration lifetime = Duration.between(
                Instant.parse((String) envelope.get("createdAt")), Instant.parse((String) envelope.get("expiresAt")));
        assertThat(lifetime).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }
}
