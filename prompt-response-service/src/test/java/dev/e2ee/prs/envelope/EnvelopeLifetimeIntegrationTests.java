package dev.e2ee.prs.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audience and lifetime at the receiver (docs/envelope-format.md#audience-and-lifetime): a maximum age for every envelope, so replay markers never outlive it (issue 14.4). */
class EnvelopeLifetimeIntegrationTests extends IntegrationTestBase {

    private final TestKeys keys = TestKeys.get();

    private HttpResponse<String> decrypt(Envelope envelope, String token) {
        return post("/api/v1/envelopes/decrypt", token, "{\"envelope\":" + TestKeys.json(envelope) + "}");
    }

    private static EnvelopeContent content(String text) {
        return new EnvelopeContent(UUID.randomUUID(), text, Map.of());
    }

    @Test
    void decryptWhenOlderThanMaximumAgeThenRejectedEvenWithDistantExpiry() {
        Clock dayAndHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC);
        Envelope old = TestKeys.sealer(keys.vault, dayAndHourAgo)
                .seal(keys.recipient(), content("years to live"), Instant.now().plus(Duration.ofDays(730)));

        HttpResponse<String> response = decrypt(old, userToken("alice"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asString()).isEqualTo("ENVELOPE_REJECTED");
        assertThat(redis.hasKey(ReplayGuard.PREFIX + old.id())).isFalse();
    }

    @Test
    void decryptWhenExpiryIsYearsAwayThenReplayMarkerLivesNoLongerThanMaximumAge() {
        Envelope envelope = TestKeys.sealer(keys.vault, Clock.systemUTC())
                .seal(keys.recipient(), content("long expiry"), Instant.now().plus(Duration.ofDays(730)));

        assertThat(decrypt(envelope, userToken("alice")).statusCode()).isEqualTo(200);

        assertThat(redis.getExpire(ReplayGuard.PREFIX + envelope.id()))
                .isBetween(1L, Duration.ofHours(24).plusSeconds(60).toSeconds());
    }
}
