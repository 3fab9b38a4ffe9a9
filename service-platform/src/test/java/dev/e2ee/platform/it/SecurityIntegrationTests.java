package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.e2ee.platform.it.PlatformTestApplication.FailedAuthentications;
import dev.e2ee.platform.security.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SecurityIntegrationTests extends PlatformIntegrationTest {

    @Autowired
    FailedAuthentications failures;

    @Test
    void validTokenWhenRequestingProtectedEndpointThenPrincipalIsAvailable() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("method", "JWT").containsEntry("roles", List.of("user"));
    }

    @Test
    void publicPathWhenNoCredentialsThenOk() throws Exception {
        assertThat(get("/api/v1/health/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void everyBadTokenWhenUsedThenSameGeneric401AndEvent() throws Exception {
        JWTClaimsSet valid = claims(Instant.now().plusSeconds(300));
        Map<String, String> badTokens = Map.of(
                "alg none", unsigned(valid),
                "wrong signature", hs256(valid, randomSecret()),
                "expired", hs256(claims(Instant.now().minusSeconds(120)), JWT_SECRET),
                "missing exp", hs256(claims(null), JWT_SECRET),
                "RS256", rs256(valid),
                "missing sub", hs256(withoutSubject(valid), JWT_SECRET),
                "garbage", "not.a.jwt");
        Map<String, Object> reference = null;
        for (Map.Entry<String, String> bad : badTokens.entrySet()) {
            String requestId = "req-" + UUID.randomUUID();
            HttpResponse<String> response =
                    get("/api/v1/me", "Authorization", "Bearer " + bad.getValue(), "X-Request-ID", requestId);

            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            Map<String, Object> body = withoutRequestId(body(response));
            reference = reference == null ? body : reference;
            assertThat(body).as(bad.getKey()).isEqualTo(reference);
            assertThat(failures.forRequest(requestId)).as(bad.getKey()).hasValueSatisfying(event -> {
                assertThat(event.reason()).isEqualTo("invalid_token");
                assertThat(event.path()).isEqualTo("/api/v1/me");
                assertThat(event.clientAddress()).isEqualTo("127.0.0.1");
            });
        }
        assertThat(reference)
                .containsEntry("status", 401)
                .containsEntry("code", "UNAUTHENTICATED")
                .containsEntry("type", "https://e2ee.dev/problems/unauthenticated")
                .containsEntry("instance", "/api/v1/me");
    }

    @Test
    void missingCredentialsWhenProtectedThen401WithSameBodyAndEvent() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        HttpResponse<String> response = get("/api/v1/me", "X-Request-ID", requestId);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response)).containsEntry("code", "UNAUTHENTICATED").containsEntry("requestId", requestId);
        assertThat(failures.forRequest(requestId))
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("missing_credentials"));
    }

    @Test
    void userRoleWhenAdminRuleThen403AndAdminThen200() throws Exception {
        HttpResponse<String> user = get("/api/v1/admin/stats", "Authorization", "Bearer " + tokenFor(Role.USER));
        HttpResponse<String> admin = get("/api/v1/admin/stats", "Authorization", "Bearer " + tokenFor(Role.ADMIN));

        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(body(user)).containsEntry("code", "FORBIDDEN");
        assertThat(admin.statusCode()).isEqualTo(200);
    }

    @Test
    void roleClaimWhenNotExactlyTheSpecSpellingThenIgnored() throws Exception {
        for (String spelling : List.of("ADMIN", "Admin", " admin", "admin ")) {
            String token = hs256(withRoles(claims(Instant.now().plusSeconds(300)), spelling), JWT_SECRET);

            HttpResponse<String> response = get("/api/v1/admin/stats", "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).as(spelling).isEqualTo(403);
        }
        String exact = hs256(withRoles(claims(Instant.now().plusSeconds(300)), "admin"), JWT_SECRET);
        assertThat(get("/api/v1/admin/stats", "Authorization", "Bearer " + exact)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void methodSecurityWhenRoleMissingThen403AndAuditorThen200() throws Exception {
        HttpResponse<String> user = get("/api/v1/audit/entries", "Authorization", "Bearer " + tokenFor(Role.USER));
        HttpResponse<String> auditor =
                get("/api/v1/audit/entries", "Authorization", "Bearer " + tokenFor(Role.AUDITOR));

        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(body(user)).containsEntry("code", "FORBIDDEN");
        assertThat(auditor.statusCode()).isEqualTo(200);
    }

    @Test
    void apiKeyWhenValidThenAuthenticatedAndWhenUnknownThen401() throws Exception {
        HttpResponse<String> valid = get("/api/v1/me", "X-API-Key", PlatformTestApplication.USER_API_KEY);
        String requestId = "req-" + UUID.randomUUID();
        HttpResponse<String> invalid =
                get("/api/v1/me", "X-API-Key", "uk_" + UUID.randomUUID(), "X-Request-ID", requestId);

        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(body(valid)).containsEntry("method", "API_KEY").containsEntry("subject", "api-user");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(body(invalid)).containsEntry("code", "UNAUTHENTICATED");
        assertThat(failures.forRequest(requestId))
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("invalid_api_key"));
    }

    @Test
    void bootstrapKeyWhenUsedThenAdmin() throws Exception {
        HttpResponse<String> me = get("/api/v1/me", "X-API-Key", BOOTSTRAP_KEY);
        HttpResponse<String> admin = get("/api/v1/admin/stats", "X-API-Key", BOOTSTRAP_KEY);
        HttpResponse<String> almost = get("/api/v1/me", "X-API-Key", BOOTSTRAP_KEY + "x");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me)).containsEntry("method", "BOOTSTRAP_API_KEY").containsEntry("roles", List.of("admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(almost.statusCode()).isEqualTo(401);
    }

    @Test
    void issuedTokenWhenDecodedThenHasClaimsAndLifetime() throws Exception {
        String token = tokenFor(Role.USER, Role.AUDITOR);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();

        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getStringListClaim("roles")).containsExactly("auditor", "user");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(30 * 60 * 1000L);
        assertThat(tokens.lifetime()).hasMinutes(30);
    }

    private static JWTClaimsSet claims(Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(randomSubject())
                .issueTime(new Date())
                .claim("roles", List.of("admin"));
        if (expiresAt != null) {
            builder.expirationTime(Date.from(expiresAt));
        }
        return builder.build();
    }

    private static JWTClaimsSet withRoles(JWTClaimsSet claims, String... roles) {
        return new JWTClaimsSet.Builder(claims).claim("roles", List.of(roles)).build();
    }

    private static JWTClaimsSet withoutSubject(JWTClaimsSet claims) {
        return new JWTClaimsSet.Builder(claims).subject(null).build();
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }

    private static Map<String, Object> withoutRequestId(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove("requestId");
        return copy;
    }
}
