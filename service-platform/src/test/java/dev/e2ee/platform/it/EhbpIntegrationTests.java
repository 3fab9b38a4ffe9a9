package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import dev.e2ee.platform.it.EhbpClientSupport.Exchange;
import dev.e2ee.platform.security.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EhbpIntegrationTests extends PlatformIntegrationTest {

    private final EhbpClientSupport ehbp = new EhbpClientSupport(http);

    private List<KeyConfig> keys() throws Exception {
        HttpResponse<byte[]> response =
                http.send(request(Ehbp.KEYS_PATH).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Ehbp.KEYS_MEDIA_TYPE);
        return KeyConfig.decodeList(response.body());
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + tokenFor(Role.USER));
    }

    @Test
    void keysWhenFetchedAnonymouslyThenBothKeysOfTheRotationArePublishedCurrentFirst() throws Exception {
        List<KeyConfig> keys = keys();

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    @Test
    void encryptedPostWhenSealedToEitherPublishedKeyThenTheAppSeesPlaintextAndTheAnswerIsSealed() throws Exception {
        for (KeyConfig key : keys()) {
            Exchange exchange =
                    ehbp.send(authorized("/api/v1/things"), "POST", key, "{\"name\":\"n1\",\"note\":\"x\"}");

            assertThat(exchange.status()).isEqualTo(201);
            assertThat(exchange.sealed()).isTrue();
            assertThat(new String(exchange.response().body(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("n1");
            assertThat(exchange.body()).contains("\"name\":\"n1\"");
        }
    }

    /** Refusals of an encrypted request (validation, authentication, routing) come back sealed like answers. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "true|/api/v1/things|{\"name\":\"\"}|400|\"code\":\"VALIDATION_ERROR\"",
                "false|/api/v1/things|{\"name\":\"a\"}|401|\"status\":401",
                "true|/api/v1/nothing-here|{}|404|\"status\":404"
            })
    void encryptedRequestWhenRefusedThenTheProblemIsSealedToo(
            boolean authenticated, String path, String body, int status, String problem) throws Exception {
        Exchange exchange = ehbp.send(authenticated ? authorized(path) : request(path), "POST", keys().get(0), body);

        assertThat(exchange.status()).isEqualTo(status);
        assertThat(exchange.sealed()).isTrue();
        assertThat(exchange.body()).contains(problem);
    }

    @Test
    void encryptedPostWhenMethodOverrideIsGetThenTheReadRunsAndItsAnswerIsSealed() throws Exception {
        Exchange exchange = ehbp.send(
                authorized("/api/v1/things?page=3").header("X-HTTP-Method-Override", "GET"), "POST", keys().get(0), "");

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.sealed()).isTrue();
        assertThat(exchange.body()).contains("\"page\":3");
    }

    @Test
    void encryptedPostWhenMethodOverrideIsNotGetOrDeleteThen400() throws Exception {
        Exchange exchange = ehbp.send(
                authorized("/api/v1/things").header("X-HTTP-Method-Override", "PUT"), "POST", keys().get(0), "{}");

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.body()).contains("ENCRYPTION_REQUIRED");
    }

    @Test
    void encryptedBodyWhenTamperedThen400WithOneGenericProblem() throws Exception {
        SealedRequest sealed = RequestSealer.seal(keys().get(0), new byte[70 * 1024]);
        byte[] body = sealed.body();
        body[body.length - 1] ^= 1;

        HttpResponse<String> response = send(authorized("/api/v1/things")
                .header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response))
                .containsEntry("code", "INVALID_ENCRYPTED_BODY")
                .containsEntry("detail", "The encrypted body could not be opened.");
    }

    @Test
    void encryptedBodyWhenSealedToAKeyTheServerDoesNotHoldThen422KeyConfig() throws Exception {
        byte[] unknown = new byte[32];
        new SecureRandom().nextBytes(unknown);
        SealedRequest sealed = RequestSealer.seal(
                dev.e2ee.crypto.ehbp.RequestOpener.fromRawPrivateKeys(List.of(unknown))
                        .configs()
                        .get(0),
                "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = send(authorized("/api/v1/things")
                .header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.body())));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body(response)).containsEntry("type", Ehbp.KEY_CONFIG_PROBLEM_TYPE);
    }

    @Test
    void encapsulatedKeyHeaderWhenMalformedThen400() throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/things")
                .header(Ehbp.ENCAPSULATED_KEY_HEADER, "not-hex")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("code", "INVALID_ENCRYPTED_BODY");
    }

    @Test
    void plaintextRequestWhenRequireModeIsOffThenServedInPlaintext() throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/things")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"plain\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue(Ehbp.RESPONSE_NONCE_HEADER)).isEmpty();
    }
}
