package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Order;

/**
 * Issue 7 (7), over HTTP against the running jars: any body on any JSON endpoint gets an answer below 500 (a 4xx
 * problem or a success) — never a 5xx, never a dropped connection. The first input byte picks the endpoint, the
 * rest is the body. Each input runs as a fresh principal, so rate limits don't mask anything.
 *
 * <p>Regression corpus: {@code src/test/resources/dev/e2ee/systemtest/HttpBodyFuzzTestsInputs/<method>/}.
 */
@Order(65)
class HttpBodyFuzzTests {

    private record Endpoint(boolean vault, String method, String path) {}

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(true, "POST", "/api/v1/prompts"),
            new Endpoint(true, "PUT", "/api/v1/prompts/00000000-0000-4000-8000-000000000000"),
            new Endpoint(true, "POST", "/api/v1/envelopes"),
            new Endpoint(true, "POST", "/api/v1/auth/token"),
            new Endpoint(false, "POST", "/api/v1/envelopes/decrypt"),
            new Endpoint(false, "POST", "/api/v1/prompts/process"),
            new Endpoint(false, "POST", "/api/v1/sessions"),
            new Endpoint(true, "POST", "/api/v1/api-keys"));

    @FuzzTest(maxDuration = "60s")
    void anyBodyOnAnyJsonEndpointWhenPostedThenNever5xx(byte[] input) {
        Cluster cluster = Cluster.get();
        Api api = new Api(cluster);
        Endpoint endpoint = ENDPOINTS.get(input.length == 0 ? 0 : Math.floorMod(input[0], ENDPOINTS.size()));
        byte[] body = input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length);
        URI base = endpoint.vault() ? api.vault() : api.prompt(0);
        Api.User caller = endpoint.path().contains("api-keys") ? api.admin() : api.user();
        Http.Response response = Http.call(base, endpoint.method(), endpoint.path())
                .bearer(caller.token())
                .bytes(body)
                .send();
        assertThat(response.status()).as(endpoint + " " + response).isBetween(200, 499);
        if (response.status() >= 400) {
            assertThat(ApiAbuseTests.isProblem(response))
                    .as(endpoint + " problem body: " + response)
                    .isTrue();
        }
    }
}
