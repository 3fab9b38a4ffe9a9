package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.security.TokenIssuer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The platform (security, problems, request ids) is part of every {@code @WebMvcTest} slice; no Redis needed. */
@WebMvcTest(
        controllers = TestController.class,
        properties = "e2ee.security.jwt-secret=slice-test-secret-that-is-at-least-32-bytes")
class PlatformWebMvcSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TokenIssuer tokens;

    @Test
    void sliceWhenNoCredentialsThenPlatform401Problem() {
        MvcTestResult result = mvc.get().uri("/api/v1/me").exchange();

        assertThat(result).hasStatus(401);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void sliceWhenTokenAndInvalidBodyThenValidationProblem() {
        String token = tokens.issue(new E2eePrincipal("slice-user", Set.of(Role.USER), null, AuthMethod.JWT, null));

        MvcTestResult result = mvc.post()
                .uri("/api/v1/things")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\"}")
                .exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_ERROR");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(result).headers().containsHeader("X-Request-ID");
    }
}
