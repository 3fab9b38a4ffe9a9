package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.vault.VaultIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The vault with {@code E2EE_REQUIRE_ENCRYPTED_BODIES=true}: plaintext prompt creation is refused, encrypted works. */
@TestPropertySource(properties = "e2ee.hpke.require-encrypted-bodies=true")
class EncryptedBodiesRequiredIntegrationTests extends VaultIntegrationTest {

    private static final Path HPKE_KEY = hpkeKeyFile();

    @DynamicPropertySource
    static void hpke(DynamicPropertyRegistry registry) {
        registry.add("e2ee.hpke.private-key-path", HPKE_KEY::toString);
    }

    @Test
    void createPromptWhenSentInPlaintextThen400EncryptionRequiredAndNothingStored() {
        String subject = newSubject();

        HttpResponse<String> response = post(
                "/api/v1/prompts",
                token(subject, dev.e2ee.platform.security.Role.USER),
                Map.of("promptText", "plaintext attempt", "secret", "s3cret"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ENCRYPTION_REQUIRED").doesNotContain("plaintext attempt");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM prompts WHERE owner = ?", Long.class, subject))
                .isZero();
    }

    @Test
    void createAndReadPromptWhenEncryptedThenStoredAndTheTextComesBackSealed() throws Exception {
        String token = token(newSubject(), dev.e2ee.platform.security.Role.USER);
        KeyConfig key = KeyConfig.decodeList(
                        http.send(request(Ehbp.KEYS_PATH, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                                .body())
                .get(0);

        String created = exchange(
                request("/api/v1/prompts", token),
                key,
                "{\"promptText\":\"sealed prompt text\",\"secret\":\"s3cret\"}",
                201);
        String id = json.readTree(created).path("id").asString();
        String read =
                exchange(request("/api/v1/prompts/" + id, token).header("X-HTTP-Method-Override", "GET"), key, "", 200);

        assertThat(json.readTree(read).path("promptText").asString()).isEqualTo("sealed prompt text");
    }

    private String exchange(HttpRequest.Builder request, KeyConfig key, String body, int status) throws Exception {
        SealedRequest sealed = RequestSealer.seal(key, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = http.send(
                request.header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("sealed prompt text");
        String nonce = response.headers().firstValue(Ehbp.RESPONSE_NONCE_HEADER).orElseThrow();
        return new String(sealed.openResponse(nonce, response.body()), StandardCharsets.UTF_8);
    }

    private static Path hpkeKeyFile() {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance("X25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
            Path file = Files.createTempFile("vault-hpke-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, RsaKeys.pkcs8Pem(pkcs8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
