package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 7 (9): forged and misused credentials, other users' data, rate limits, brute force and replay. */
@Order(30)
class AuthAttackTests extends ClusterTest {

    @Test
    void forgedOrInvalidJwtWhenPresentedThen401OnBothServices() throws Exception {
        String subject = "st-forger-" + UUID.randomUUID();
        Tokens tokens = cluster.tokens;
        Map<String, Object> valid =
                tokens.claims(subject, List.of("user"), Instant.now().plusSeconds(600));
        byte[] secret = cluster.keys.jwtSecret().getBytes(StandardCharsets.UTF_8);
        byte[] publicPem = Files.readAllBytes(cluster.keys.signingPublic());
        String good = tokens.sign(valid);
        String[] parts = good.split("\\.");

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", Tokens.unsigned(Map.of("alg", "none", "typ", "JWT"), valid));
        forged.put("alg None", Tokens.unsigned(Map.of("alg", "None"), valid));
        forged.put("HS256 keyed with the public key", Tokens.signWith(Map.of("alg", "HS256"), valid, publicPem));
        forged.put("RS256 header, HMAC signature", Tokens.signWith(Map.of("alg", "RS256"), valid, secret));
        forged.put("HS512 with the real secret", hs512(valid, secret));
        forged.put(
                "tampered payload (roles admin)",
                parts[0] + "."
                        + Tokens.encode(tokens.claims(
                                subject, List.of("admin"), Instant.now().plusSeconds(600))) + "." + parts[2]);
        forged.put("signature stripped", parts[0] + "." + parts[1] + ".");
        forged.put(
                "wrong secret",
                Tokens.signWith(Map.of("alg", "HS256"), valid, "x".repeat(48).getBytes()));
        forged.put(
                "expired",
                tokens.sign(
                        tokens.claims(subject, List.of("user"), Instant.now().minusSeconds(600))));
        forged.put("missing exp", tokens.sign(tokens.claims(subject, List.of("user"), null)));
        Map<String, Object> notYetValid = new LinkedHashMap<>(valid);
        notYetValid.put("nbf", Instant.now().plusSeconds(600).getEpochSecond());
        forged.put("not yet valid", tokens.sign(notYetValid));
        Map<String, Object> otherIssuer = new LinkedHashMap<>(valid);
        otherIssuer.put("iss", "https://evil.invalid");
        forged.put("wrong issuer", tokens.sign(otherIssuer));
        forged.put("garbage", "not.a.jwt");

        for (Map.Entry<String, String> token : forged.entrySet()) {
            Sensitive.credential(token.getValue());
            Http.Response vault = Http.call(api.vault(), "GET", "/api/v1/prompts")
                    .bearer(token.getValue())
                    .send();
            Http.Response prompt = Http.call(api.prompt(0), "POST", "/api/v1/sessions")
                    .bearer(token.getValue())
                    .send();
            assertThat(vault.status())
                    .as("vault, " + token.getKey() + ": " + vault)
                    .isEqualTo(401);
            assertThat(prompt.status())
                    .as("prompt, " + token.getKey() + ": " + prompt)
                    .isEqualTo(401);
            assertThat(vault.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(Http.call(api.vault(), "GET", "/api/v1/prompts")
                        .bearer(good)
                        .send()
                        .status())
                .as("the untampered token works")
                .isEqualTo(200);
    }

    @Test
    void revokedApiKeyWhenUsedThen401OnBothServices() {
        Api.User admin = api.admin();
        Http.Response created = api.vault("POST", "/api/v1/api-keys", admin)
                .json(Map.of("name", "st-key-" + UUID.randomUUID(), "roles", List.of("user")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = Sensitive.credential(created.json().path("key").asString());
        String id = created.json().path("id").asString();

        assertThat(Http.call(api.vault(), "GET", "/api/v1/prompts")
                        .apiKey(key)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(eventually(
                        () -> Http.call(api.prompt(0), "POST", "/api/v1/sessions")
                                .apiKey(key)
                                .send(),
                        201))
                .as("the key works on the prompt-response service through the Redis mirror")
                .isEqualTo(201);

        assertThat(api.vault("DELETE", "/api/v1/api-keys/" + id, admin).send().status())
                .isEqualTo(204);

        assertThat(Http.call(api.vault(), "GET", "/api/v1/prompts")
                        .apiKey(key)
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(Http.call(api.vault(), "POST", "/api/v1/auth/token")
                        .apiKey(key)
                        .send()
                        .status())
                .isEqualTo(401);
        for (int instance = 0; instance < 2; instance++) {
            assertThat(Http.call(api.prompt(instance), "POST", "/api/v1/sessions")
                            .apiKey(key)
                            .send()
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void userWhenReachingForAdminOrAuditorPowersThen403() {
        Api.User user = api.user();
        Api.User odd = api.withRoles(List.of("root", "superuser", "administrator", "admin-user"));
        List<Http.Response> attempts = new ArrayList<>();
        for (Api.User caller : List.of(user, odd)) {
            attempts.add(api.vault("GET", "/api/v1/api-keys", caller).send());
            attempts.add(api.vault("POST", "/api/v1/api-keys", caller)
                    .json(Map.of("name", "escalate", "roles", List.of("admin")))
                    .send());
            attempts.add(api.vault("GET", "/api/v1/audit-logs", caller).send());
            attempts.add(api.vault("GET", "/api/v1/audit-logs/verify", caller).send());
            attempts.add(api.vault("GET", "/api/v1/keys", caller).send());
            attempts.add(
                    api.vault("POST", "/api/v1/keys/vault-sign/rotate", caller).send());
            attempts.add(api.vault("POST", "/api/v1/keys/kek/rewrap", caller).send());
        }
        assertThat(attempts)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.toString()).isIn(401, 403));
        assertThat(api.vault("GET", "/api/v1/audit-logs", api.withRoles(List.of("auditor")))
                        .send()
                        .status())
                .as("an auditor may read the audit log")
                .isEqualTo(200);
        assertThat(api.vault("GET", "/api/v1/api-keys", api.withRoles(List.of("auditor")))
                        .send()
                        .status())
                .as("but not manage API keys")
                .isEqualTo(403);
    }

    @Test
    void anotherUsersPromptEnvelopeSessionOrResponseWhenRequestedThen404() {
        Api.User owner = api.user();
        Api.User intruder = api.user();
        String secret = Sensitive.secret();
        UUID promptId = api.newPrompt(owner, Sensitive.promptText(), secret);
        JsonNode envelope = api.createEnvelope(owner, promptId, secret).json();
        String sessionId = api.prompt(0, "POST", "/api/v1/sessions", owner)
                .send()
                .json()
                .path("id")
                .asString();
        Http.Response job = api.prompt(0, "POST", "/api/v1/prompts/process", owner)
                .json(Map.of("promptText", Sensitive.promptText(), "options", Map.of("async", true)))
                .send();
        assertThat(job.status()).as(job.toString()).isEqualTo(202);
        String jobId = job.json().path("id").asString();

        List<Http.Response> attempts = List.of(
                api.vault("GET", "/api/v1/prompts/" + promptId, intruder).send(),
                api.vault("GET", "/api/v1/prompts/" + promptId + "/versions", intruder)
                        .send(),
                api.vault("GET", "/api/v1/prompts/" + promptId + "/envelopes", intruder)
                        .send(),
                api.vault("PUT", "/api/v1/prompts/" + promptId, intruder)
                        .json(Map.of("promptText", "hijacked", "version", 1))
                        .send(),
                api.vault("DELETE", "/api/v1/prompts/" + promptId, intruder).send(),
                api.vault("GET", "/api/v1/envelopes/" + envelope.path("id").asString(), intruder)
                        .send(),
                api.prompt(0, "GET", "/api/v1/sessions/" + sessionId, intruder).send(),
                api.prompt(1, "DELETE", "/api/v1/sessions/" + sessionId, intruder)
                        .send(),
                api.prompt(0, "GET", "/api/v1/responses/" + jobId, intruder).send());
        assertThat(attempts)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.toString()).isEqualTo(404));
        assertThat(api.vault("GET", "/api/v1/prompts/" + promptId, owner)
                        .send()
                        .json()
                        .path("version")
                        .asInt())
                .as("the intruder's update and delete changed nothing")
                .isEqualTo(1);
        assertThat(api.prompt(1, "GET", "/api/v1/sessions/" + sessionId, owner)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void requestsBeyondTheLimitWhenSentThen429WithHeaders() {
        Api.User user = api.user();
        Http.Response last = null;
        for (int i = 0; i < 130 && (last == null || last.status() != 429); i++) {
            last = api.vault("GET", "/api/v1/prompts?limit=1", user).send();
            assertThat(last.header("X-RateLimit-Limit")).isPresent();
            assertThat(last.header("X-RateLimit-Remaining")).isPresent();
            assertThat(last.header("X-RateLimit-Reset")).isPresent();
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After"))
                .hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
        assertThat(last.header("X-RateLimit-Remaining")).contains("0");
        assertThat(last.json().path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(api.vault("GET", "/api/v1/prompts?limit=1", api.user())
                        .send()
                        .status())
                .as("another principal is not affected")
                .isEqualTo(200);
    }

    @Test
    void secretBruteForceOnOnePromptWhenOverTheLimitThen429EvenForTheRightSecret() {
        Api.User owner = api.user();
        String secret = Sensitive.secret();
        UUID promptId = api.newPrompt(owner, Sensitive.promptText(), secret);
        for (int i = 0; i < 6; i++) {
            Api.User stranger = api.user(); // may not see the prompt: refused, and nothing counts (issue 14.7)
            assertThat(api.createEnvelope(stranger, promptId, Sensitive.secret())
                            .status())
                    .isEqualTo(403);
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api.createEnvelope(owner, promptId, Sensitive.secret()).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(403);
        assertThat(statuses.get(5)).isEqualTo(429);
        Http.Response right = api.createEnvelope(owner, promptId, secret);
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.header("Retry-After")).isPresent();
    }

    @Test
    void envelopeWhenOpenedTwiceThen409OnAnyInstance() {
        Api.User user = api.user();
        JsonNode envelope = api.newEnvelope(user, Sensitive.promptText());
        assertThat(api.decrypt(0, user, envelope).status()).isEqualTo(200);
        Http.Response again = api.decrypt(0, user, envelope);
        Http.Response elsewhere = api.decrypt(1, user, envelope);
        assertThat(again.status()).isEqualTo(409);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(again.body()).doesNotContain("quarterly");
        Http.Response process = api.prompt(1, "POST", "/api/v1/prompts/process", user)
                .json(Map.of("envelope", envelope))
                .send();
        assertThat(process.status()).as("processing is a use too").isEqualTo(409);
    }

    static int eventually(java.util.function.Supplier<Http.Response> call, int expected) {
        return await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> call.get().status(), status -> status == expected);
    }

    private static String hs512(Map<String, Object> claims, byte[] secret) throws Exception {
        String input = Tokens.encode(Map.of("alg", "HS512")) + "." + Tokens.encode(claims);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA512"));
        return input + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }
}
