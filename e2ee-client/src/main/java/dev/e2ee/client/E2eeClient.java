package dev.e2ee.client;

import dev.e2ee.client.Models.Accepted;
import dev.e2ee.client.Models.IssuedEnvelope;
import dev.e2ee.client.Models.ProcessResult;
import dev.e2ee.client.Models.Prompt;
import dev.e2ee.client.Models.PromptInfo;
import dev.e2ee.client.Models.PromptPage;
import dev.e2ee.client.Models.SessionInfo;
import dev.e2ee.client.Models.Token;
import dev.e2ee.client.Transport.Response;
import dev.e2ee.crypto.envelope.Envelope;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for both services behind one gateway (or each service's own address): every body, and every read of
 * confidential data, crosses the network sealed with EHBP; it fails closed when the server publishes no HPKE keys
 * unless plaintext was allowed. Thread-safe. See {@code e2ee-client/README.md}.
 */
public final class E2eeClient {

    private static final String API = "/api/v1";

    private final Transport transport;
    private final Transport promptService;
    private final TokenSource tokens;
    private final EnvelopeVerifier envelopes;
    private final JsonMapper json;

    private E2eeClient(Builder builder) {
        this.json = JsonMapper.builder().build();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(builder.timeout).build();
        this.transport =
                new Transport(builder.url, http, builder.plaintextAllowed, builder.maxAttempts, builder.timeout, json);
        this.promptService = builder.promptServiceUrl == null
                ? transport
                : new Transport(
                        builder.promptServiceUrl,
                        http,
                        builder.plaintextAllowed,
                        builder.maxAttempts,
                        builder.timeout,
                        json);
        this.tokens = new TokenSource(builder.apiKey, builder.token, builder.clock, this::exchange);
        this.envelopes = new EnvelopeVerifier(() ->
                transport.send("GET", API + "/keys/jwks.json", null, Map.of()).body());
    }

    public static Builder builder(URI url) {
        return new Builder(url);
    }

    // ---- auth

    /** Exchanges the API key (inside an encrypted body) for a token, or returns the token given to the builder. */
    public Token login() {
        return tokens.current();
    }

    private Token exchange(String apiKey) {
        JsonNode answer = read(transport.send("POST", API + "/auth/token", write(Map.of("apiKey", apiKey)), Map.of()));
        long seconds = answer.path("expiresIn").asLong(0);
        return new Token(
                answer.path("accessToken").asString(),
                seconds > 0 ? Instant.now().plusSeconds(seconds) : null);
    }

    // ---- prompts (vault)

    public PromptInfo createPrompt(String text, String secret, Map<String, Object> metadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("promptText", Objects.requireNonNull(text, "text"));
        body.put("secret", Objects.requireNonNull(secret, "secret"));
        if (metadata != null) {
            body.put("metadata", metadata);
        }
        return promptInfo(read(call("POST", API + "/prompts", body)));
    }

    public Prompt getPrompt(String id) {
        JsonNode node = read(call("GET", API + "/prompts/" + segment(id), null));
        return new Prompt(
                node.path("id").asString(),
                node.path("version").asInt(),
                node.path("status").asString(null),
                node.path("promptText").asString(),
                metadata(node));
    }

    public PromptPage listPrompts(String search, int page, int limit) {
        StringBuilder query =
                new StringBuilder("?page=").append(page).append("&limit=").append(limit);
        if (search != null && !search.isBlank()) {
            query.append("&search=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        JsonNode node = read(call("GET", API + "/prompts" + query, null));
        List<PromptInfo> prompts = new ArrayList<>();
        node.path("data").forEach(p -> prompts.add(promptInfo(p)));
        JsonNode pagination = node.path("pagination");
        return new PromptPage(
                prompts,
                pagination.path("page").asInt(page),
                pagination.path("totalPages").asInt(),
                pagination.path("total").asLong());
    }

    /** Updates text and/or metadata; {@code version} is the version the change is based on (optimistic lock). */
    public PromptInfo updatePrompt(String id, String text, Map<String, Object> metadata, String status, int version) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional.ofNullable(text).ifPresent(t -> body.put("promptText", t));
        Optional.ofNullable(metadata).ifPresent(m -> body.put("metadata", m));
        Optional.ofNullable(status).ifPresent(s -> body.put("status", s));
        body.put("version", version);
        return promptInfo(read(call("PUT", API + "/prompts/" + segment(id), body)));
    }

    public void deletePrompt(String id) {
        call("DELETE", API + "/prompts/" + segment(id), null);
    }

    // ---- envelopes (vault)

    /**
     * Asks the vault for an envelope and checks its signature against the vault's JWK Set.
     *
     * @param audience the principal that may open it (null: the caller)
     * @param expiresIn its lifetime (null: the vault's default)
     */
    public IssuedEnvelope createEnvelope(String promptId, String secret, String audience, Duration expiresIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("promptId", promptId);
        body.put("secret", secret);
        Optional.ofNullable(audience).ifPresent(a -> body.put("audience", a));
        Optional.ofNullable(expiresIn)
                .ifPresent(d -> body.put("expiresAt", Instant.now().plus(d).toString()));
        String answer = call("POST", API + "/envelopes", body).body();
        Envelope envelope = envelopes.verify(envelopeJson(answer));
        return new IssuedEnvelope(envelope.id().toString(), envelope.promptId().toString(), envelopeJson(answer));
    }

    private String envelopeJson(String answer) {
        Map<String, Object> fields = json.readValue(answer, Map.class);
        fields.remove("status");
        return write(fields);
    }

    // ---- processing (prompt-response)

    /** Opens and processes an envelope; {@code format} is json, xml or text. */
    public ProcessResult processEnvelope(String envelopeJson, String format, String sessionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("envelope", json.readValue(envelopeJson, Map.class));
        return processed(process(body, format, sessionId, false));
    }

    /** Processes a text directly (no vault involved). */
    public ProcessResult processText(String promptId, String text, String format, String sessionId) {
        return processed(process(textBody(promptId, text), format, sessionId, false));
    }

    /** Submits a text or an envelope for asynchronous processing. */
    public Accepted submit(String promptId, String text, String envelopeJson, String format, String sessionId) {
        Map<String, Object> body = envelopeJson != null
                ? new LinkedHashMap<>(Map.of("envelope", json.readValue(envelopeJson, Map.class)))
                : textBody(promptId, text);
        return new Accepted(
                read(process(body, format, sessionId, true)).path("id").asString());
    }

    /** An async result: empty while pending. */
    public Optional<ProcessResult> response(String id, String format) {
        String query = format == null ? "" : "?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8);
        Response response = call(promptService, "GET", API + "/responses/" + segment(id) + query, null);
        return response.status() == 202 ? Optional.empty() : Optional.of(processed(response));
    }

    private Map<String, Object> textBody(String promptId, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional.ofNullable(promptId).ifPresent(p -> body.put("promptId", p));
        body.put("promptText", Objects.requireNonNull(text, "text"));
        return body;
    }

    private Response process(Map<String, Object> body, String format, String sessionId, boolean async) {
        Map<String, Object> options = new LinkedHashMap<>();
        Optional.ofNullable(format).ifPresent(f -> options.put("format", f));
        if (async) {
            options.put("async", true);
        }
        if (!options.isEmpty()) {
            body.put("options", options);
        }
        Optional.ofNullable(sessionId).ifPresent(s -> body.put("sessionId", s));
        return call(promptService, "POST", API + "/prompts/process", body);
    }

    private ProcessResult processed(Response response) {
        if (!response.contentType().contains("json")) {
            return new ProcessResult(null, response.body(), response.contentType(), response.body());
        }
        JsonNode node = read(response).path("response");
        return new ProcessResult(
                node.path("id").asString(null),
                node.path("result").asString(null),
                response.contentType(),
                response.body());
    }

    // ---- sessions (prompt-response)

    public SessionInfo createSession() {
        return session(read(call(promptService, "POST", API + "/sessions", Map.of())));
    }

    public SessionInfo getSession(String id) {
        return session(read(call(promptService, "GET", API + "/sessions/" + segment(id), null)));
    }

    public void deleteSession(String id) {
        call(promptService, "DELETE", API + "/sessions/" + segment(id), null);
    }

    private static SessionInfo session(JsonNode node) {
        return new SessionInfo(
                node.path("id").asString(),
                instant(node, "createdAt"),
                instant(node, "expiresAt"),
                node.path("turns").asInt());
    }

    // ---- keys

    /** The vault's JWK Set (signing and receiver keys), as JSON. */
    public String jwks() {
        return transport.send("GET", API + "/keys/jwks.json", null, Map.of()).body();
    }

    // ---- plumbing

    private Response call(String method, String path, Object body) {
        return call(transport, method, path, body);
    }

    /** One authorised call; after an authenticated 401 the token is renewed (when there is an API key) and tried again. */
    private Response call(Transport service, String method, String path, Object body) {
        String text = body == null ? null : write(body);
        try {
            return service.send(method, path, text, tokens.authorization());
        } catch (ProblemException e) {
            if (e.status() == 401 && e.authenticated() && tokens.renewable()) {
                return service.send(method, path, text, tokens.authorization());
            }
            throw e;
        }
    }

    private JsonNode read(Response response) {
        return json.readTree(response.body());
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private PromptInfo promptInfo(JsonNode node) {
        return new PromptInfo(
                node.path("id").asString(),
                node.path("version").asInt(),
                node.path("status").asString(null),
                metadata(node));
    }

    private Map<String, Object> metadata(JsonNode node) {
        JsonNode metadata = node.path("metadata");
        return metadata.isObject() ? json.convertValue(metadata, Map.class) : Map.of();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        return value == null ? null : Instant.parse(value);
    }

    private static String segment(String id) {
        return URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8);
    }

    /** Settings of a client; only the URL is required. */
    public static final class Builder {

        private final URI url;
        private URI promptServiceUrl;
        private String apiKey;
        private Token token;
        private boolean plaintextAllowed;
        private int maxAttempts = 4;
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The prompt-response service's own address, when it is not behind the same gateway as the vault. */
        public Builder promptServiceUrl(URI promptServiceUrl) {
            this.promptServiceUrl = promptServiceUrl;
            return this;
        }

        /** An API key to exchange for tokens (renewed automatically). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** A token to use as is (for example one cached by the CLI); with an API key, it is renewed when it expires. */
        public Builder token(String accessToken, Instant expiresAt) {
            this.token = accessToken == null ? null : new Token(accessToken, expiresAt);
            return this;
        }

        /** Sends plaintext when the server publishes no HPKE keys (off by default: the client fails closed). */
        public Builder allowPlaintext(boolean allowed) {
            this.plaintextAllowed = allowed;
            return this;
        }

        /** Attempts per request on 429/503 and connection failures (default 4). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("at least one attempt");
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public E2eeClient build() {
            return new E2eeClient(this);
        }
    }
}
