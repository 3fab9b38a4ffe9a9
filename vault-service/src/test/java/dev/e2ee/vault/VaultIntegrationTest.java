package dev.e2ee.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.AuditStreamMac;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.security.TokenIssuer;
import dev.e2ee.platform.test.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shared context of the vault's integration tests: the whole service on a random port against real
 * PostgreSQL ({@code e2ee_vault_test}) and Redis, with keys generated at test time. Tests use fresh random
 * principals and never interfere with each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = TestDatabase.NAME)
public abstract class VaultIntegrationTest {

    protected static final TestKeys KEYS = TestKeys.get();
    protected static final String JWT_SECRET = random();
    protected static final String BOOTSTRAP_KEY = "e2ee_bootstrap_" + random();
    /** This JVM's own audit stream, so vault instances running elsewhere on the machine never take its events. */
    protected static final String AUDIT_STREAM = RedisKeys.AUDIT_STREAM + ":test-" + UUID.randomUUID();
    /** Signs audit stream entries as the prompt-response service does (the key both derive from JWT_SECRET). */
    protected static final AuditStreamMac STREAM_MAC = AuditStreamMac.forSecret(JWT_SECRET);

    @LocalServerPort
    protected int port;

    @Autowired
    protected TokenIssuer tokens;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    protected final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void vaultSettings(DynamicPropertyRegistry registry) {
        TestDatabase.resetOnce();
        registry.add("e2ee.security.jwt-secret", () -> JWT_SECRET);
        registry.add("e2ee.security.bootstrap-admin-api-key", () -> BOOTSTRAP_KEY);
        registry.add("e2ee.vault.keys.sender-private-key-path", KEYS::senderPaths);
        registry.add(
                "e2ee.vault.keys.receiver-public-key-path",
                () -> KEYS.receiverPublicPath().toString());
        registry.add("e2ee.vault.keys.kek", KEYS::kekConfig);
        registry.add("e2ee.vault.keys.pepper", () -> KEYS.pepper);
        registry.add("e2ee.vault.audit-stream.key", () -> AUDIT_STREAM);
        // all suites on this machine share Redis and 127.0.0.1: only the envelope rule (10/min) stays at its
        // production value, and tests exercise it with a random principal
        registry.add("e2ee.rate-limit.requests-per-minute", () -> "100000");
        // the failed-authentication limit likewise; a test class that exercises it sets
        // e2ee.test.auth-failures-per-minute
        registry.add("e2ee.rate-limit.auth-failures-per-minute", () -> "${e2ee.test.auth-failures-per-minute:100000}");
    }

    /** How many audit rows carry this event id (an audit stream event, once consumed, is exactly one). */
    protected long auditRows(Object eventId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE event_id = ?::uuid", Long.class, eventId.toString());
        return count == null ? 0 : count;
    }

    protected static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    protected static String newSubject() {
        return "user-" + UUID.randomUUID();
    }

    protected String token(String subject, Role... roles) {
        return tokens.issue(new E2eePrincipal(subject, Set.of(roles), null, AuthMethod.JWT, null));
    }

    protected String userToken() {
        return token(newSubject(), Role.USER);
    }

    protected String adminToken() {
        return token("admin-" + UUID.randomUUID(), Role.ADMIN);
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    protected HttpResponse<String> post(String path, String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    protected HttpResponse<String> put(String path, String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    protected String toJson(Object body) {
        return body instanceof String s ? s : json.writeValueAsString(body);
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> body(HttpResponse<String> response) {
        return json.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> data(HttpResponse<String> response) {
        return (List<Map<String, Object>>) body(response).get("data");
    }

    /** Adds an event to this JVM's audit stream as the prompt-response service does; the vault consumes it. */
    protected RecordId publishAuditEvent(Object event) {
        return addStreamEntry(redis, streamEntry(toJson(event)));
    }

    /**
     * An audit stream event as the prompt-response service writes it, with a fresh event id and the current time;
     * mutable, so a test can add or change fields.
     */
    protected static Map<String, Object> streamEvent(String type, String principal, String outcome) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("principal", principal);
        event.put("outcome", outcome);
        event.put("timestamp", Instant.now().toString());
        return event;
    }

    /** The fields of an audit stream entry as the prompt-response service writes it: the event and its MAC. */
    protected static Map<String, String> streamEntry(String event) {
        return Map.of("event", event, AuditStreamMac.FIELD, STREAM_MAC.sign(event, ""));
    }

    /** Adds an entry with these fields to this JVM's audit stream (which expires an hour after the last one). */
    protected static RecordId addStreamEntry(StringRedisTemplate redis, Map<String, String> fields) {
        RecordId id = redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(AUDIT_STREAM));
        redis.expire(AUDIT_STREAM, Duration.ofHours(1));
        return id;
    }

    /** Waits until the vault's group has acknowledged every entry of this JVM's stream from {@code first} to {@code last}. */
    protected void awaitAcknowledged(RecordId first, RecordId last) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(redis.opsForStream()
                                .pending(AUDIT_STREAM, "vault", Range.closed(first.getValue(), last.getValue()), 10)
                                .size())
                        .as("entries acknowledged by the vault")
                        .isZero());
    }

    /** The envelope as issued: no decryption recorded, still pending for its owner. */
    protected void assertEnvelopeUntouched(String envelopeId, String ownerToken) {
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM envelope_decryptions WHERE envelope_id = ?::uuid",
                        Long.class,
                        envelopeId))
                .isZero();
        assertThat(body(get("/api/v1/envelopes/" + envelopeId, ownerToken))).containsEntry("status", "pending");
    }

    /** Creates a prompt as the token's subject and returns its id. */
    protected String createPrompt(String token, String text, String secret) {
        HttpResponse<String> response = post("/api/v1/prompts", token, Map.of("promptText", text, "secret", secret));
        if (response.statusCode() != 201) {
            throw new AssertionError("prompt not created: " + response.statusCode() + " " + response.body());
        }
        return (String) body(response).get("id");
    }

    /** Seals an envelope of the prompt as the token's subject and returns its id. */
    protected String createEnvelope(String token, String promptId, String secret) {
        HttpResponse<String> response =
                post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", secret));
        if (response.statusCode() != 201) {
            throw new AssertionError("envelope not created: " + response.statusCode() + " " + response.body());
        }
        return (String) body(response).get("id");
    }
}
