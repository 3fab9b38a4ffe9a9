package dev.e2ee.platform.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.security.TokenIssuer;
import dev.e2ee.platform.test.HpkeKeyFiles;
import dev.e2ee.platform.test.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** One shared context for the platform's integration tests: the test app on a random port, real Redis. */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "e2ee.rate-limit.requests-per-minute=100000",
            "e2ee.rate-limit.auth-failures-per-minute=100000",
            "e2ee.rate-limit.rules[0].name=limited",
            "e2ee.rate-limit.rules[0].method=POST",
            "e2ee.rate-limit.rules[0].path=/api/v1/limited",
            "e2ee.rate-limit.rules[0].requests-per-minute=3",
            "e2ee.security.jwt-expires-in=30m",
            // The test app's own public endpoints live under /api/v1/health/ (TestController), where the services
            // have Actuator's health endpoint, which would answer them as health components.
            "management.endpoints.web.exposure.include=prometheus"
        })
@RealInfrastructure
abstract class PlatformIntegrationTest {

    static final String JWT_SECRET = randomSecret();
    static final String BOOTSTRAP_KEY = "bk_" + randomSecret();

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    /** The origin's HPKE keys: the current one and the previous one (a rotation in progress). */
    static final HpkeKeyFiles HPKE_KEYS = HpkeKeyFiles.generate(2);

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        registry.add("e2ee.security.jwt-secret", () -> JWT_SECRET);
        registry.add("e2ee.security.bootstrap-admin-api-key", () -> BOOTSTRAP_KEY);
        registry.add("e2ee.hpke.private-key-path", HPKE_KEYS::paths);
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String randomSubject() {
        return "user-" + UUID.randomUUID();
    }

    String tokenFor(Role... roles) {
        return tokens.issue(new E2eePrincipal(randomSubject(), Set.of(roles), null, AuthMethod.JWT, null));
    }

    static String hs256(JWTClaimsSet claims, String secret) throws JOSEException {
        JWSSigner signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    Map<String, Object> body(HttpResponse<String> response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.readValue(response.body(), Map.class);
        return map;
    }
}
