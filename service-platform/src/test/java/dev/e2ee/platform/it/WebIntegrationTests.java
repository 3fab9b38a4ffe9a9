package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebIntegrationTests extends PlatformIntegrationTest {

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder builder = request(path)
                .POST(BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + tokenFor(Role.USER));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    @Test
    void requestWhenRuntimeHasVirtualThreadsThenRunsOnOne() throws Exception {
        // PlatformEnvironmentDefaults switches them on; Boot uses them from Java 21 (the images run 25).
        boolean runtimeHasThem = Runtime.version().feature() >= 21;

        assertThat(body(get("/api/v1/health/thread"))).containsEntry("virtual", runtimeHasThem);
    }

    /** JSON, and JSON that curl's {@code -d} sent as a form (leading blanks included), is read as JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/x-www-form-urlencoded"})
    void jsonBodyWhenPostedAsJsonOrCurlFormThen201(String contentType) throws Exception {
        HttpResponse<String> response = post("/api/v1/things", contentType, "  {\"name\":\"a\",\"note\":\"b\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response)).containsEntry("name", "a").containsEntry("note", "b");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"application/x-www-form-urlencoded|name=test", "text/plain|{\"name\":\"a\"}"})
    void formBodyOrTextContentTypeWhenPostedThen415Problem(String contentType, String body) throws Exception {
        HttpResponse<String> response = post("/api/v1/things", contentType, body);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response))
                .containsEntry("code", "UNSUPPORTED_MEDIA_TYPE")
                .containsEntry("type", "https://e2ee.dev/problems/unsupported-media-type");
    }

    @Test
    void invalidFieldsWhenPostedThen400WithErrors() throws Exception {
        HttpResponse<String> response =
                post("/api/v1/things", "application/json", "{\"name\":\" \",\"note\":\"01234567890\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        Map<String, Object> problem = body(response);
        assertThat(problem)
                .containsEntry("code", "VALIDATION_ERROR")
                .containsEntry("status", 400)
                .containsEntry("instance", "/api/v1/things")
                .containsKeys("type", "title", "detail", "requestId");
        List<String> fields = ((List<?>) problem.get("errors"))
                .stream()
                        .map(error -> String.valueOf(((Map<?, ?>) error).get("field")))
                        .toList();
        assertThat(fields).containsExactlyInAnyOrder("name", "note");
    }

    @Test
    void badOrMissingQueryParameterThen400ValidationErrorNamingIt() throws Exception {
        String auth = "Bearer " + tokenFor(Role.USER);
        HttpResponse<String> bad = get("/api/v1/things?page=not-a-number-zq", "Authorization", auth);
        HttpResponse<String> missing = get("/api/v1/things", "Authorization", auth);

        for (HttpResponse<String> response : List.of(bad, missing)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(body(response)).containsEntry("code", "VALIDATION_ERROR");
            assertThat(response.body()).contains("\"field\":\"page\"").doesNotContain("not-a-number-zq");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\",\"isAdmin\":true}", "{\"name\":", "{\"name\":\"a\",\"name\":\"b\"}"})
    void unknownPropertyBrokenJsonOrDuplicateMemberWhenPostedThen400MalformedWithoutEcho(String json) throws Exception {
        HttpResponse<String> response = post("/api/v1/things", "application/json", json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("code", "MALFORMED_REQUEST");
        assertThat(response.body()).doesNotContain("isAdmin");
    }

    @Test
    void bodyOverOneMebibyteWithContentLengthThen413() throws Exception {
        HttpResponse<String> response = post("/api/v1/things", "application/json", bigJson());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response)).containsEntry("code", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyOverOneMebibyteThen413() throws Exception {
        byte[] big = bigJson().getBytes();
        HttpRequest.Builder builder = request("/api/v1/things")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokenFor(Role.USER));

        HttpResponse<String> response = send(builder);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response)).containsEntry("code", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unexpectedErrorWhenThrownThenGeneric500WithoutInternals() throws Exception {
        HttpResponse<String> response = get("/api/v1/boom", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(body(response)).containsEntry("code", "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("SELECT", "IllegalStateException", "at dev.");
    }

    @Test
    void dependencyDownWhenThrownThen503WithoutDetails() throws Exception {
        HttpResponse<String> response = get("/api/v1/database-down", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(body(response)).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("db.internal", "EntityManager");
    }

    @Test
    void connectionLostInsideAnotherExceptionWhenThrownThen503WithoutDetails() throws Exception {
        HttpResponse<String> response =
                get("/api/v1/connection-lost", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(body(response)).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("rollback", "I/O error");
    }

    @Test
    void firewallRejectedUrlWhenRequestedThen400Problem() throws Exception {
        for (String path : List.of(
                "/api/v1/things/%2e%2e/secret", "/api/v1/things/..%2F..%2Fetc%2Fpasswd", "/api/v1/things/a%5Cb")) {
            HttpResponse<String> response = get(path, "Authorization", "Bearer " + tokenFor(Role.USER));

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("application/problem+json");
            assertThat(body(response))
                    .containsEntry("code", "MALFORMED_REQUEST")
                    .containsKey("requestId");
        }
    }

    @Test
    void apiExceptionWhenThrownThenItsStatusCodeAndHeaders() throws Exception {
        HttpResponse<String> response = get("/api/v1/conflict", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("X-Thing")).hasValue("changed");
        assertThat(body(response))
                .containsEntry("code", "THING_CONFLICT")
                .containsEntry("title", "Thing conflict")
                .containsEntry("detail", "The thing changed meanwhile.")
                .containsEntry("type", "https://e2ee.dev/problems/thing-conflict");
    }

    @Test
    void unknownPathWhenAuthenticatedThen404Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response)).containsEntry("code", "NOT_FOUND");
    }

    @Test
    void wrongMethodThen405Problem() throws Exception {
        HttpResponse<String> response =
                send(request("/api/v1/things").DELETE().header("Authorization", "Bearer " + tokenFor(Role.USER)));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(body(response)).containsEntry("code", "METHOD_NOT_ALLOWED");
    }

    @Test
    void safeRequestIdWhenSentThenEchoedAndUsed() throws Exception {
        HttpResponse<String> response = get("/api/v1/health/ping", "X-Request-ID", "abc-123_X.y");

        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("abc-123_X.y");
        assertThat(body(response)).containsEntry("requestId", "abc-123_X.y");
    }

    @Test
    void unsafeOrMissingRequestIdThenUuidGenerated() throws Exception {
        HttpResponse<String> unsafe = get("/api/v1/health/ping", "X-Request-ID", "evil\"id<script>");
        HttpResponse<String> tooLong = get("/api/v1/health/ping", "X-Request-ID", "a".repeat(129));
        HttpResponse<String> missing = get("/api/v1/health/ping");

        for (HttpResponse<String> response : List.of(unsafe, tooLong, missing)) {
            assertThat(response.headers().firstValue("X-Request-ID"))
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        }
    }

    @Test
    void metricsEndpointWhenScrapedThenHasSpecNames() throws Exception {
        get("/api/v1/me", "Authorization", "Bearer " + tokenFor(Role.USER));

        HttpResponse<String> response = get("/api/v1/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("http_request_duration_seconds_bucket")
                .contains("http_requests_total")
                .contains("route=\"/api/v1/me\"");
    }

    @Test
    void openApiDocumentWhenFetchedPubliclyThenHasBothSecuritySchemes() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bearerAuth\"", "\"apiKey\"", "X-API-Key");
        assertThat(get("/api/docs").statusCode()).isIn(200, 302);
    }

    private static String bigJson() {
        char[] filler = new char[1024 * 1024 + 10];
        Arrays.fill(filler, 'a');
        return "{\"name\":\"" + new String(filler) + "\"}";
    }
}
