package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Issue 7 (12), the part the services own: nosniff, no version banners, CORS only from ALLOWED_ORIGINS. */
@Order(10)
class SecurityHeadersTests extends ClusterTest {

    @Test
    void responsesWhenSuccessfulOrFailedThenNosniffAndNoBanners() {
        Api.User user = api.user();
        for (URI base : List.of(api.vault(), api.prompt(0))) {
            List<Http.Response> responses = List.of(
                    Http.call(base, "GET", "/api/v1/health").send(),
                    Http.call(base, "GET", "/api/v1/keys/jwks.json").send(),
                    Http.call(base, "GET", "/api/v1/no-such-endpoint")
                            .bearer(user.token())
                            .send(),
                    Http.call(base, "GET", "/api/v1/sessions").send(),
                    Http.call(base, "GET", "/").send());
            for (Http.Response response : responses) {
                assertThat(response.header("X-Content-Type-Options"))
                        .as(base + " " + response)
                        .contains("nosniff");
                assertThat(response.header("X-Powered-By")).isEmpty();
                assertThat(response.header("Server").orElse("")).doesNotContainPattern("[0-9]");
                assertThat(response.body())
                        .doesNotContain("at org.")
                        .doesNotContain("Exception")
                        .doesNotContain("Tomcat")
                        .doesNotContain("Whitelabel");
            }
        }
    }

    @Test
    void crossOriginRequestsWhenOriginNotAllowedThenNoCorsGrant() {
        for (URI base : List.of(api.vault(), api.prompt(1))) {
            Http.Response allowed = preflight(base, Cluster.ALLOWED_ORIGIN);
            assertThat(allowed.status()).isBetween(200, 299);
            assertThat(allowed.header("Access-Control-Allow-Origin")).contains(Cluster.ALLOWED_ORIGIN);

            for (String origin : List.of("https://evil.invalid", "null", Cluster.ALLOWED_ORIGIN + ".evil.invalid")) {
                Http.Response denied = preflight(base, origin);
                assertThat(denied.header("Access-Control-Allow-Origin"))
                        .as(origin)
                        .isEmpty();
                Http.Response simple = Http.call(base, "GET", "/api/v1/health")
                        .header("Origin", origin)
                        .send();
                assertThat(simple.header("Access-Control-Allow-Origin"))
                        .as(origin)
                        .isEmpty();
                assertThat(simple.header("Access-Control-Allow-Credentials")).isEmpty();
            }
        }
    }

    private static Http.Response preflight(URI base, String origin) {
        return Http.call(base, "OPTIONS", "/api/v1/prompts")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .send();
    }
}
