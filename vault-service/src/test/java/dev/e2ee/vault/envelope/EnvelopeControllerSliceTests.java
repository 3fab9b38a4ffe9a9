package dev.e2ee.vault.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.security.TokenIssuer;
import dev.e2ee.vault.VaultControllerSlice;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Controller slice of the envelopes API: validation and role rules before anything is sealed or stored. */
@VaultControllerSlice(EnvelopeController.class)
class EnvelopeControllerSliceTests {

    private static final String PROMPT_ID = "7a0c7f0e-6a4e-4c61-9d0a-2f6f5c1d9b11";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TokenIssuer tokens;

    @MockitoBean
    EnvelopeService service;

    @MockitoBean
    EnvelopeQueries queries;

    @Test
    void createWhenPromptIdOrSecretMissingThenValidationProblem() {
        MvcTestResult result = create("{\"receiverPublicKeyId\":\"k\"}", token(Role.USER));

        assertThat(result).hasStatus(400);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("promptId", "secret");
        verifyNoInteractions(service);
    }

    @Test
    void createWhenPromptIdIsNotAUuidOrExpiryNotATimestampThenBadRequest() {
        assertThat(create("{\"promptId\":\"nope\",\"secret\":\"s\"}", token(Role.USER)))
                .hasStatus(400);
        assertThat(create(
                        "{\"promptId\":\"" + PROMPT_ID + "\",\"secret\":\"s\",\"expiresAt\":\"tomorrow\"}",
                        token(Role.USER)))
                .hasStatus(400);
        verifyNoInteractions(service);
    }

    @Test
    void createWhenCallerChoosesAKeyFieldThatDoesNotExistThenBadRequest() {
        MvcTestResult result = create(
                "{\"promptId\":\"" + PROMPT_ID + "\",\"secret\":\"s\",\"receiverPublicKey\":\"attacker-chosen-key\"}",
                token(Role.USER));

        assertThat(result).hasStatus(400);
        verifyNoInteractions(service);
    }

    @Test
    void createWhenNoTokenThen401AndWhenAuditorThen403() {
        String body = "{\"promptId\":\"" + PROMPT_ID + "\",\"secret\":\"s\"}";

        assertThat(create(body, null)).hasStatus(401);
        assertThat(create(body, token(Role.AUDITOR))).hasStatus(403);
        verifyNoInteractions(service);
    }

    @Test
    void metadataWhenForgedTokenThen401() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/envelopes/" + PROMPT_ID)
                .header("Authorization", "Bearer " + token(Role.USER) + "x")
                .exchange();

        assertThat(result).hasStatus(401);
        verifyNoInteractions(queries);
    }

    private MvcTestResult create(String body, String token) {
        var request = mvc.post()
                .uri("/api/v1/envelopes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    private String token(Role role) {
        return tokens.issue(new E2eePrincipal("slice-" + role, Set.of(role), null, AuthMethod.JWT, null));
    }
}
