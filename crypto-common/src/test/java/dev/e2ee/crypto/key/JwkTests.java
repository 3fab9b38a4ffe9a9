package dev.e2ee.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.KeyValidationException;
import dev.e2ee.crypto.TestKeys;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwkTests {

    private static final RSAPublicKey KEY = (RSAPublicKey) TestKeys.signer().getPublic();

    /** RFC 7638 §3.1 example key and thumbprint. */
    @Test
    void thumbprintWhenRfc7638ExampleThenKnownAnswer() {
        String n =
                "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjB"
                        + "ZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJ"
                        + "ZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBni"
                        + "Iqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        RSAPublicKey key =
                KeyConversion.publicKey(new BigInteger(1, Base64.getUrlDecoder().decode(n)), RsaKeys.EXPONENT);
        assertThat(Jwk.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void toMapWhenParsedBackThenSameKeyAndKid() {
        Jwk jwk = Jwk.signing(KEY);
        Map<String, Object> map = jwk.toMap();
        assertThat(map).containsKeys("kty", "kid", "use", "alg", "n", "e").containsEntry("alg", "PS256");
        assertThat(map.keySet()).containsExactly("kty", "kid", "use", "alg", "n", "e");
        assertThat(Jwk.fromMap(map)).isEqualTo(jwk);
        assertThat(Jwk.encryption(KEY).toMap()).containsEntry("use", "enc").containsEntry("alg", "RSA-OAEP-256");
    }

    @Test
    void fromMapWhenKidIsNotThumbprintThenRefused() {
        Map<String, Object> map = new HashMap<>(Jwk.signing(KEY).toMap());
        map.put("kid", "vault-sign-1");
        assertThatThrownBy(() -> Jwk.fromMap(map))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("JWK kid is not the RFC 7638 thumbprint of its key");
    }

    @Test
    void fromMapWhenPrivateMembersOrWrongTypeThenRefused() {
        Map<String, Object> withD = new HashMap<>(Jwk.signing(KEY).toMap());
        withD.put("d", "AQAB");
        assertThatThrownBy(() -> Jwk.fromMap(withD))
                .hasMessage("JWK contains private key members; only public keys are accepted");
        assertThatThrownBy(() -> Jwk.fromMap(Map.of("kty", "EC", "crv", "P-256")))
                .hasMessage("JWK kty must be RSA");
        Map<String, Object> padded = new HashMap<>(Jwk.signing(KEY).toMap());
        padded.put("e", "AQAB=");
        assertThatThrownBy(() -> Jwk.fromMap(padded)).isInstanceOf(KeyValidationException.class);
    }

    @Test
    void jwkSetWhenSerialisedThenParsedAndFoundByKid() {
        RSAPublicKey other = (RSAPublicKey) TestKeys.receiver().getPublic();
        JwkSet set = new JwkSet(List.of(Jwk.signing(KEY), Jwk.encryption(other)));
        JwkSet parsed = JwkSet.parse(set.toJson());
        assertThat(parsed).isEqualTo(set);
        assertThat(parsed.find(Jwk.thumbprint(other)).orElseThrow().use()).isEqualTo("enc");
        assertThat(parsed.find("nope")).isEmpty();
        assertThatThrownBy(() -> JwkSet.parse("{\"keys\":3}"))
                .hasMessage("JWK Set must be an object with a keys array");
        assertThatThrownBy(() -> JwkSet.parse("nope")).hasMessage("JWK Set is not valid JSON");
    }
}
