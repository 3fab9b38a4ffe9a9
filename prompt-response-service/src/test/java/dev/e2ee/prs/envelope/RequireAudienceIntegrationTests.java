package dev.e2ee.prs.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A second instance with {@code e2ee.envelope.require-audience=true}: envelopes without audience are refused. */
class RequireAudienceIntegrationTests extends IntegrationTestBase {

    private static ConfigurableApplicationContext strict;

    @BeforeAll
    static void startStrictInstance() {
        strict = startInstance(Map.of("e2ee.envelope.require-audience", "true"));
    }

    @AfterAll
    static void stopStrictInstance() {
        if (strict != null) {
            strict.close();
        }
    }

    private HttpResponse<String> decryptOnStrict(String envelopeJson, String subject) {
        int strictPort = portOf(strict);
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strictPort + "/api/v1/envelopes/decrypt"))
                .header("Authorization", "Bearer " + userToken(subject))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"envelope\":" + envelopeJson + "}"))
                .build());
    }

    @Test
    void decryptWhenAudienceRequiredThenEnvelopeWithoutOneRefusedAndWithOneOpens() {
        String withoutAudience = TestKeys.json(TestKeys.get().seal("third-party envelope"));
        String withAudience = TestKeys.json(TestKeys.get().sealFor("dave", "dave's envelope"));

        HttpResponse<String> refused = decryptOnStrict(withoutAudience, "dave");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("code").asString()).isEqualTo("ENVELOPE_REJECTED");
        assertThat(decryptOnStrict(withAudience, "dave").statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/envelopes/decrypt", userToken("dave"), "{\"envelope\":" + withoutAudience + "}")
                        .statusCode())
                .as("the default instance still opens envelopes without audience")
                .isEqualTo(200);
    }
}
