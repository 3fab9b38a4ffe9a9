package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.e2ee.platform.test.JwksStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** JWKS mode (RS256 from a JWK Set URL, served by a local HTTP server) and the combined HS256 + JWKS mode. */
class JwtDecoderFactoryTests {

    private static final String SECRET = "k".repeat(40);
    private JwksStub jwks;
    private RSAKey rsaKey;

    @BeforeEach
    void serveJwks() throws Exception {
        rsaKey = new RSAKeyGenerator(2048).keyID("kid-1").generate();
        jwks = JwksStub.start("/jwks.json");
        jwks.serve(new JWKSet(rsaKey.toPublicJWK()).toString());
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void jwksOnlyWhenRs256TokenThenAcceptedAndHs256Refused() throws Exception {
        JwtDecoder decoder = JwtDecoderFactory.create(properties(null));

        assertThat(decoder.decode(rs256(claims())).getSubject()).isEqualTo("jwks-user");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(hs256(claims())));
    }

    @Test
    void secretAndJwksWhenEitherAlgorithmThenEachVerifiedByItsKey() throws Exception {
        JwtDecoder decoder = JwtDecoderFactory.create(properties(SECRET));

        assertThat(decoder.decode(rs256(claims())).getSubject()).isEqualTo("jwks-user");
        assertThat(decoder.decode(hs256(claims())).getSubject()).isEqualTo("jwks-user");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode("e30.e30."));
    }

    @Test
    void jwksWhenTokenSignedByUnknownKeyThenRefused() throws Exception {
        JwtDecoder decoder = JwtDecoderFactory.create(properties(null));
        RSAKey other = new RSAKeyGenerator(2048).keyID("kid-1").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-1").build(), claims());
        jwt.sign(new RSASSASigner(other));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(jwt.serialize()));
    }

    @Test
    void issuerWhenConfiguredThenRequiredAndChecked() throws Exception {
        SecurityProperties properties = new SecurityProperties(
                SECRET,
                Duration.ofHours(1),
                null,
                "https://vault.e2ee.dev",
                Duration.ofSeconds(30),
                null,
                List.of(),
                true);
        JwtDecoder decoder = JwtDecoderFactory.create(properties);

        JWTClaimsSet right = new JWTClaimsSet.Builder(claims())
                .issuer("https://vault.e2ee.dev")
                .build();
        JWTClaimsSet wrong = new JWTClaimsSet.Builder(claims())
                .issuer("https://evil.example")
                .build();

        assertThat(decoder.decode(hs256(right)).getSubject()).isEqualTo("jwks-user");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(hs256(wrong)));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(hs256(claims())));
    }

    @Test
    void expiryWhenWithinClockSkewThenAcceptedAndBeyondThenRefused() throws Exception {
        SecurityProperties properties = new SecurityProperties(
                SECRET, Duration.ofHours(1), null, null, Duration.ofSeconds(30), null, List.of(), true);
        JwtDecoder decoder = JwtDecoderFactory.create(properties);
        JWTClaimsSet recent = new JWTClaimsSet.Builder(claims())
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(10)))
                .build();
        JWTClaimsSet old = new JWTClaimsSet.Builder(claims())
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(90)))
                .build();

        assertThat(decoder.decode(hs256(recent)).getSubject()).isEqualTo("jwks-user");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(hs256(old)));
    }

    private SecurityProperties properties(String secret) {
        return new SecurityProperties(
                secret, Duration.ofHours(1), jwks.url(), null, Duration.ofSeconds(30), null, List.of(), true);
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .subject("jwks-user")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("user"))
                .build();
    }

    private String rs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-1").build(), claims);
        jwt.sign(new RSASSASigner(rsaKey));
        return jwt.serialize();
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
