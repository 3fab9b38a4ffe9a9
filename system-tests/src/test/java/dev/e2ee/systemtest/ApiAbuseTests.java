package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (8): hostile bodies, parameters and paths. Each is a 4xx with a problem body, stores nothing and leaves
 * the service healthy; injection payloads are stored and returned verbatim.
 */
@Order(40)
class ApiAbuseTests extends ClusterTest {

    private static final String PROBLEM = "application/problem+json";

    /** Bad bodies for POST /api/v1/prompts and the status each must get. */
    static Map<String, Object[]> badPromptBodies() {
        String text = Http.json(Sensitive.promptText());
        Map<String, Object[]> bodies = new LinkedHashMap<>();
        bodies.put("truncated JSON", new Object[] {400, "{\"promptText\": " + text + ", "});
        bodies.put("not JSON", new Object[] {400, "promptText=hello&secret=x"});
        bodies.put("JSON array", new Object[] {400, "[" + text + "]"});
        bodies.put("object for a string", new Object[] {400, "{\"promptText\": {\"a\": 1}, \"secret\": \"s\"}"});
        bodies.put("array for a string", new Object[] {400, "{\"promptText\": " + text + ", \"secret\": [\"s\"]}"});
        bodies.put(
                "string for metadata",
                new Object[] {400, "{\"promptText\": " + text + ", \"secret\": \"s\", \"metadata\": \"m\"}"});
        bodies.put(
                "unknown field owner",
                new Object[] {400, "{\"promptText\": " + text + ", \"secret\": \"s\", \"owner\": \"someone-else\"}"});
        bodies.put("unknown field id", new Object[] {
            400, "{\"promptText\": " + text + ", \"secret\": \"s\", \"id\": \"" + UUID.randomUUID() + "\"}"
        });
        bodies.put(
                "unknown field version",
                new Object[] {400, "{\"promptText\": " + text + ", \"secret\": \"s\", \"version\": 7}"});
        bodies.put("missing secret", new Object[] {400, "{\"promptText\": " + text + "}"});
        bodies.put("empty secret", new Object[] {400, "{\"promptText\": " + text + ", \"secret\": \"\"}"});
        bodies.put(
                "secret too long",
                new Object[] {400, "{\"promptText\": " + text + ", \"secret\": \"" + "s".repeat(256) + "\"}"});
        bodies.put("blank text", new Object[] {400, "{\"promptText\": \"   \", \"secret\": \"s\"}"});
        bodies.put(
                "text too long",
                new Object[] {400, "{\"promptText\": \"" + "a".repeat(10_001) + "\", \"secret\": \"s\"}"});
        bodies.put("null body", new Object[] {400, "null"});
        bodies.put("empty body", new Object[] {400, ""});
        bodies.put(
                "huge number",
                new Object[] {400, "{\"promptText\": " + text + ", \"secret\": 1" + "0".repeat(400) + "}"});
        bodies.put("deep nesting", new Object[] {
            400,
            "{\"promptText\": " + text + ", \"secret\": \"s\", \"metadata\": {\"x\": " + "[".repeat(5000)
                    + "]".repeat(5000) + "}}"
        });
        return bodies;
    }

    @Test
    void malformedPromptBodiesWhenPostedThen4xxProblemAndNothingStored() {
        Api.User user = api.user();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Object[]> body : badPromptBodies().entrySet()) {
            Http.Response response = api.vault("POST", "/api/v1/prompts", user)
                    .raw((String) body.getValue()[1])
                    .send();
            if (response.status() != (int) body.getValue()[0] || !isProblem(response)) {
                failures.add(body.getKey() + " -> " + response.status() + " " + response.header("Content-Type"));
            }
        }
        assertThat(failures).isEmpty();
        assertNothingStoredFor(user);
        assertHealthy();
    }

    @Test
    void duplicateMemberNamesWhenPostedThen400() {
        Api.User user = api.user();
        String body =
                "{\"promptText\": " + Http.json(Sensitive.promptText()) + ", \"secret\": \"s\", \"secret\": \"t\"}";
        Http.Response response =
                api.vault("POST", "/api/v1/prompts", user).raw(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(isProblem(response)).isTrue();
        assertNothingStoredFor(user);
    }

    @Test
    void invalidUtf8AndWrongContentTypesWhenPostedThen4xxProblem() {
        Api.User user = api.user();
        byte[] invalidUtf8 = concat(
                "{\"promptText\": \"bad ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                "\", \"secret\": \"s\"}".getBytes(StandardCharsets.UTF_8));
        String valid = Http.json(Map.of("promptText", Sensitive.promptText(), "secret", Sensitive.secret()));
        Map<String, Http.Response> responses = new LinkedHashMap<>();
        responses.put(
                "invalid UTF-8",
                api.vault("POST", "/api/v1/prompts", user).bytes(invalidUtf8).send());
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "image/png")) {
            responses.put(
                    type,
                    api.vault("POST", "/api/v1/prompts", user)
                            .header("Content-Type", type)
                            .raw(valid)
                            .send());
        }
        responses.put(
                "form body that is not JSON",
                api.vault("POST", "/api/v1/prompts", user)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .raw("promptText=x&secret=y")
                        .send());
        assertThat(responses.get("invalid UTF-8").status()).isEqualTo(400);
        responses.forEach((name, response) -> {
            assertThat(response.status()).as(name + ": " + response).isBetween(400, 499);
            assertThat(response.status()).as(name).isIn(400, 415);
            assertThat(isProblem(response))
                    .as(name + " problem body: " + response)
                    .isTrue();
        });
        assertThat(responses.get("text/plain").status()).isEqualTo(415);
        assertNothingStoredFor(user);
    }

    @Test
    void oversizeBodiesWhenPostedThen413OnBothServices() {
        Api.User user = api.user();
        String big = "{\"promptText\": \"" + "a".repeat(2 * 1024 * 1024) + "\", \"secret\": \"s\"}";
        Http.Response vault =
                api.vault("POST", "/api/v1/prompts", user).raw(big).send();
        Http.Response prompt =
                api.prompt(0, "POST", "/api/v1/prompts/process", user).raw(big).send();
        Http.Response decrypt = api.prompt(1, "POST", "/api/v1/envelopes/decrypt", user)
                .raw("{\"envelope\": \"" + "A".repeat(3 * 1024 * 1024) + "\"}")
                .send();
        for (Http.Response response : List.of(vault, prompt, decrypt)) {
            assertThat(response.status())
                    .as(response.status() + " " + response.headers())
                    .isEqualTo(413);
            assertThat(isProblem(response)).isTrue();
        }
        assertNothingStoredFor(user);
        assertHealthy();
    }

    @Test
    void injectionPayloadsWhenStoredThenReturnedVerbatimAndNeverInterpreted() {
        Api.User user = api.user();
        String payload = "'; DROP TABLE prompts; -- \" OR 1=1 <script>alert('x')</script> <img src=x onerror=alert(1)>"
                + " {{7*7}} ${7*7} #{7*7} %s %n \\u0000 ../../etc/passwd " + Sensitive.marker("inject")
                + " emoji 🔐 RTL \u202Etxt";
        String secret = "'; DELETE FROM api_keys; --" + Sensitive.secret();
        UUID id = api.newPrompt(user, payload, secret);
        Http.Response read = api.vault("GET", "/api/v1/prompts/" + id, user).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("promptText").asString()).isEqualTo(payload);
        assertThat(read.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(read.header("X-Content-Type-Options")).contains("nosniff");
        Http.Response envelope = api.createEnvelope(user, id, secret);
        assertThat(envelope.status())
                .as("the injection-looking secret works as a plain string")
                .isEqualTo(201);
        Http.Response opened = api.decrypt(0, user, Api.wire(envelope.json()));
        assertThat(opened.json().path("prompt").path("promptText").asString()).isEqualTo(payload);

        // injection strings are words to the blind index: with a word the prompt lacks, nothing matches
        for (String search :
                List.of("qqzz' OR '1'='1", "qqzz%' OR 1=1 --", "qqzz; DROP TABLE prompts", "qqzz\\", "qqzz_%")) {
            Http.Response list = api.vault("GET", "/api/v1/prompts?search=" + encode(search), user)
                    .send();
            assertThat(list.status()).as(search + ": " + list).isEqualTo(200);
            assertThat(list.json().path("data").size()).as("search " + search).isZero();
        }
        Http.Response words = api.vault("GET", "/api/v1/prompts?search=" + encode("drop TABLE Prompts"), user)
                .send();
        assertThat(words.json().path("data").size())
                .as("the same words as plain text find the prompt")
                .isEqualTo(1);
        for (String sort : List.of("createdAt;DROP TABLE prompts", "id", "prompt_text", "(select 1)")) {
            Http.Response list = api.vault("GET", "/api/v1/prompts?sortBy=" + encode(sort), user)
                    .send();
            assertThat(list.status()).as(sort).isEqualTo(400);
            assertThat(isProblem(list)).isTrue();
        }
        assertThat(api.vault("GET", "/api/v1/prompts", user)
                        .send()
                        .json()
                        .path("data")
                        .size())
                .as("the table is intact and holds exactly the one prompt")
                .isEqualTo(1);
    }

    @Test
    void hostileIdsAndParametersWhenRequestedThen4xxProblem() {
        Api.User user = api.user();
        List<String> paths = List.of(
                "/api/v1/prompts/not-a-uuid",
                "/api/v1/prompts/1%27%20OR%20%271%27=%271",
                "/api/v1/prompts/" + "9".repeat(5000),
                "/api/v1/prompts?limit=1000000000000000000000",
                "/api/v1/prompts?limit=-1",
                "/api/v1/prompts?page=0",
                "/api/v1/prompts?status=deleted",
                "/api/v1/prompts?sortOrder=sideways",
                "/api/v1/prompts/" + UUID.randomUUID() + "/envelopes?limit=abc");
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            Http.Response response = api.vault("GET", path, user).send();
            if (response.status() < 400 || response.status() > 499 || !isProblem(response)) {
                failures.add(path.substring(0, Math.min(80, path.length())) + " -> " + response.status() + " "
                        + response.header("Content-Type").orElse("(no content type)"));
            }
        }
        for (String path : List.of("/api/v1/responses/not-a-uuid", "/api/v1/sessions/12345")) {
            Http.Response response = api.prompt(0, "GET", path, user).send();
            if (response.status() < 400 || response.status() > 499 || !isProblem(response)) {
                failures.add("prompt " + path + " -> " + response.status());
            }
        }
        assertThat(failures).isEmpty();
        assertHealthy();
    }

    /**
     * Encoded separators and dot segments: refused before any controller runs (by Tomcat for %2F/%5C, by Spring
     * Security's firewall for encoded dots).
     */
    static final List<String> ENCODED_SEPARATORS = List.of(
            "/api/v1/prompts/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/prompts/%2e%2e%2f%2e%2e%2fapi-keys",
            "/api/v1/envelopes/..%5c..%5cwindows",
            "/api/v1/prompts/..%2e%2e",
            "/api/v1/prompts/%2e%2e",
            "/api/v1/sessions/..%2e..%2ejobs");

    @Test
    void encodedPathSeparatorsInIdsWhenRequestedThen400WithoutLeaks() {
        Api.User user = api.user();
        for (String path : ENCODED_SEPARATORS) {
            for (java.net.URI base : List.of(api.vault(), api.prompt(0))) {
                Http.Response response =
                        Http.call(base, "GET", path).bearer(user.token()).send();
                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.body())
                        .doesNotContainPattern("Tomcat/[0-9]")
                        .doesNotContain("Exception")
                        .doesNotContain("at org.");
            }
        }
        assertHealthy();
    }

    @Test
    void encodedPathSeparatorsInIdsWhenRequestedThenProblemBody() {
        Api.User user = api.user();
        for (String path : ENCODED_SEPARATORS) {
            for (java.net.URI base : List.of(api.vault(), api.prompt(0))) {
                Http.Response response =
                        Http.call(base, "GET", path).bearer(user.token()).send();
                assertThat(isProblem(response)).as(path + ": " + response).isTrue();
            }
        }
    }

    @Test
    void hostileBodiesOnThePromptResponseServiceWhenPostedThen4xxProblem() {
        Api.User user = api.user();
        String marker = Sensitive.marker("rejected");
        String text = Http.json("Summarise " + marker);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("both envelope and text", "{\"envelope\": {}, \"promptText\": " + text + "}");
        bodies.put("neither", "{\"options\": {}}");
        bodies.put("bad format", "{\"promptText\": " + text + ", \"options\": {\"format\": \"pdf\"}}");
        bodies.put(
                "huge maxTokens",
                "{\"promptText\": " + text + ", \"options\": {\"maxTokens\": 1" + "0".repeat(30) + "}}");
        bodies.put("NaN temperature", "{\"promptText\": " + text + ", \"options\": {\"temperature\": NaN}}");
        bodies.put("model injection", "{\"promptText\": " + text + ", \"options\": {\"model\": \"x; rm -rf /\"}}");
        bodies.put("session traversal", "{\"promptText\": " + text + ", \"sessionId\": \"../../e2ee:jobs\"}");
        bodies.put("unknown option", "{\"promptText\": " + text + ", \"options\": {\"systemPrompt\": \"obey\"}}");
        bodies.put("unknown field", "{\"promptText\": " + text + ", \"admin\": true}");
        bodies.put("truncated", "{\"promptText\": " + text);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Http.Response response = api.prompt(0, "POST", "/api/v1/prompts/process", user)
                    .raw(body.getValue())
                    .send();
            if (response.status() != 400 || !isProblem(response)) {
                failures.add(body.getKey() + " -> " + response.status());
            }
        }
        Http.Response decrypt = api.prompt(1, "POST", "/api/v1/envelopes/decrypt", user)
                .raw("{\"envelope\": {}, \"privateKeyPath\": \"/etc/passwd\"}")
                .send();
        if (decrypt.status() != 400 || !isProblem(decrypt)) {
            failures.add("decrypt with a key path -> " + decrypt.status());
        }
        assertThat(failures).isEmpty();
        assertThat(cluster.llm.callsFor(marker))
                .as("no rejected request reached the LLM")
                .isZero();
        assertHealthy();
    }

    static boolean isProblem(Http.Response response) {
        if (!response.header("Content-Type").orElse("").startsWith(PROBLEM)) {
            return false;
        }
        var json = response.json();
        return json.path("status").asInt() == response.status()
                && !json.path("type").asString().isEmpty()
                && !json.path("code").asString().isEmpty()
                && !json.path("requestId").asString().isEmpty();
    }

    private static void assertNothingStoredFor(Api.User user) {
        Http.Response list = api.vault("GET", "/api/v1/prompts", user).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("data").size()).as("nothing was stored").isZero();
    }

    static void assertHealthy() {
        for (ServiceProcess process : cluster.all()) {
            assertThat(process.readyStatus())
                    .as(process.name() + " still ready")
                    .isEqualTo(200);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
