package dev.e2ee.vault.prompt;

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

/**
 * Controller slice of the prompts API: request binding, validation, optimistic-lock preconditions and the role rules,
 * with the services mocked. Every refusal here must happen before any service is called (nothing stored).
 */
@VaultControllerSlice(PromptController.class)
class PromptControllerSliceTests {

    private static final String PROMPT = "/api/v1/prompts/7a0c7f0e-6a4e-4c61-9d0a-2f6f5c1d9b11";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TokenIssuer tokens;

    @MockitoBean
    PromptService service;

    @MockitoBean
    PromptQueries queries;

    @MockitoBean
    PromptSearch search;

    @MockitoBean
    PromptEnvelopes envelopes;

    @Test
    void createWhenFieldsMissingThenValidationProblemNamingEachField() {
        MvcTestResult result = post("/api/v1/prompts", "{\"metadata\":{}}", token(Role.USER));

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_ERROR");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("promptText", "secret");
        verifyNoInteractions(service, queries);
    }

    @Test
    void createWhenUnknownPropertyThenBadRequest() {
        MvcTestResult result =
                post("/api/v1/prompts", "{\"promptText\":\"t\",\"secret\":\"s\",\"owner\":\"x\"}", token(Role.USER));

        assertThat(result).hasStatus(400);
        assertThat(result).contentType().isCompatibleWith("application/problem+json");
        verifyNoInteractions(service);
    }

    @Test
    void createWhenTextOverLimitThenValidationProblem() {
        String body = "{\"promptText\":\"" + "a".repeat(10_001) + "\",\"secret\":\"s\"}";

        MvcTestResult result = post("/api/v1/prompts", body, token(Role.USER));

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("promptText");
        verifyNoInteractions(service);
    }

    @Test
    void createWhenNoTokenThen401AndWhenAuditorThen403() {
        String body = "{\"promptText\":\"t\",\"secret\":\"s\"}";

        assertThat(post("/api/v1/prompts", body, null)).hasStatus(401);
        assertThat(post("/api/v1/prompts", body, token(Role.AUDITOR))).hasStatus(403);
        verifyNoInteractions(service);
    }

    @Test
    void updateWhenNeitherVersionNorIfMatchThen428() {
        MvcTestResult result = updateText(null);

        assertThat(result).hasStatus(428);
        verifyNoInteractions(service);
    }

    @Test
    void updateWhenIfMatchIsNotAVersionThen400() {
        MvcTestResult result = updateText("\"abc\"");

        assertThat(result).hasStatus(400);
        verifyNoInteractions(service);
    }

    @Test
    void getWhenIdIsNotAUuidThen400() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/prompts/not-a-uuid")
                .header("Authorization", "Bearer " + token(Role.USER))
                .exchange();

        assertThat(result).hasStatus(400);
        verifyNoInteractions(queries, service);
    }

    @Test
    void listWhenLimitOrSortOutsideTheWhitelistThenValidationProblem() {
        for (String query : new String[] {"limit=101", "limit=0", "sortBy=secret", "sortOrder=up", "status=deleted"}) {
            MvcTestResult result = mvc.get()
                    .uri("/api/v1/prompts?" + query)
                    .header("Authorization", "Bearer " + token(Role.USER))
                    .exchange();

            assertThat(result).as(query).hasStatus(400);
            assertThat(result).as(query).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_ERROR");
        }
        verifyNoInteractions(search);
    }

    /** A text update as a user, with the given If-Match header (none when null) and no version in the body. */
    private MvcTestResult updateText(String ifMatch) {
        var request = mvc.put().uri(PROMPT).header("Authorization", "Bearer " + token(Role.USER));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.contentType(MediaType.APPLICATION_JSON)
                .content("{\"promptText\":\"new\"}")
                .exchange();
    }

    private MvcTestResult post(String uri, String body, String token) {
        var request =
                mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    private String token(Role role) {
        return tokens.issue(new E2eePrincipal("slice-" + role, Set.of(role), null, AuthMethod.JWT, null));
    }
}
