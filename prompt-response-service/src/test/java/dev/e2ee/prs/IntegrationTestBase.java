package dev.e2ee.prs;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.AuditStreamMac;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.security.TokenIssuer;
import dev.e2ee.platform.test.RealInfrastructure;
import dev.e2ee.platform.test.RedisServer;
import dev.e2ee.platform.test.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One shared application context (same configuration in every subclass, so Spring caches it) against real Redis,
 * with keys generated at test time, and a small HTTP client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class IntegrationTestBase {

    public static final String JWT_SECRET = "integration-test-jwt-secret-0123456789abcdef";

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TokenIssuer tokens;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected MeterRegistry meters;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        commonProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The properties every test instance runs with (also used to start a second instance). */
    public static Map<String, Object> commonProperties() {
        TestKeys keys = TestKeys.get();
        return Map.of(
                "e2ee.keys.receiver-private-key-path",
                keys.receiverPrivateKey.toString(),
                "e2ee.keys.sender-public-key-path",
                keys.vaultPublicKey.toString(),
                "e2ee.storage.kek",
                keys.kek,
                "e2ee.security.jwt-secret",
                JWT_SECRET,
                "e2ee.rate-limit.enabled",
                "false",
                "e2ee.jobs.claim-idle",
                "1s",
                "e2ee.jobs.reclaim-interval",
                "300ms",
                "e2ee.jobs.poll-interval",
                "50ms");
    }

    /**
     * Starts another instance of the service (its own application context on a free port) with
     * {@link #commonProperties()}, the shared Redis and these overrides; the caller closes it.
     */
    public static ConfigurableApplicationContext startInstance(Map<String, Object> overrides) {
        RedisServer redis = TestInfrastructure.redis();
        Map<String, Object> properties = new HashMap<>(commonProperties());
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", redis.port());
        properties.put("server.port", 0);
        properties.putAll(overrides);
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PromptResponseApplication.class).run(arguments);
    }

    /** The HTTP port of an instance from {@link #startInstance}. */
    public static int portOf(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    /** {@code envelopes_rejected_total{reason}} so far (0 before the first rejection of that class). */
    protected double rejectedEnvelopes(String reasonClass) {
        Counter counter =
                meters.find("envelopes.rejected").tag("reason", reasonClass).counter();
        return counter == null ? 0 : counter.count();
    }

    protected String token(String subject, Role... roles) {
        return tokens.issue(new E2eePrincipal(subject, Set.of(roles), null, AuthMethod.JWT, null));
    }

    protected String userToken(String subject) {
        return token(subject, Role.USER);
    }

    protected HttpResponse<String> post(String path, String token, String body, String... headers) {
        HttpRequest.Builder request = request(path, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    protected HttpResponse<String> get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET().build());
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** Whether an audit stream entry carries the MAC the vault checks (the key both derive from JWT_SECRET). */
    protected static boolean authenticStreamEntry(MapRecord<String, Object, Object> entry) {
        Map<Object, Object> fields = entry.getValue();
        return AuditStreamMac.forSecret(JWT_SECRET)
                .verifies((String) fields.get("event"), (String) fields.get("traceparent"), (String)
                        fields.get(AuditStreamMac.FIELD));
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Audit events on the stream written after {@code sinceId} (use {@link #auditStreamTail()} before acting). */
    protected List<JsonNode> auditEventsSince(String sinceId) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(
                        StreamReadOptions.empty().count(1000),
                        StreamOffset.create(RedisKeys.AUDIT_STREAM, ReadOffset.from(sinceId)));
        List<JsonNode> events = new ArrayList<>();
        if (records != null) {
            records.forEach(
                    r -> events.add(JSON.readTree(String.valueOf(r.getValue().get("event")))));
        }
        return events;
    }

    protected String auditStreamTail() {
        List<MapRecord<String, Object, Object>> last = redis.opsForStream()
                .reverseRange(
                        RedisKeys.AUDIT_STREAM,
                        org.springframework.data.domain.Range.unbounded(),
                        org.springframework.data.redis.connection.Limit.limit().count(1));
        return last == null || last.isEmpty() ? "0-0" : last.get(0).getId().getValue();
    }
}
