package dev.e2ee.prs.processing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chat-completions call with the JDK HTTP client; classifies failures for the retry and the breaker. The client
 * is observed ({@code MicrometerHttpClient}): with tracing on the call is a client span and carries
 * {@code traceparent}; span and meter hold the method, a fixed uri, the status and outcome, never the body.
 */
final class OpenAiClient {

    private final OpenAiProperties properties;
    private final HttpClient http;
    private final JsonMapper json;
    private final URI endpoint;

    OpenAiClient(OpenAiProperties properties, JsonMapper json) {
        this(properties, json, new SimpleMeterRegistry(), ObservationRegistry.NOOP);
    }

    OpenAiClient(OpenAiProperties properties, JsonMapper json, MeterRegistry meters, ObservationRegistry observations) {
        if (properties.baseUrl() == null || properties.baseUrl().isBlank()) {
            throw new IllegalStateException("PROMPT_PROCESSOR=openai needs OPENAI_BASE_URL (including /v1)");
        }
        this.properties = properties;
        this.json = json;
        this.endpoint = URI.create(properties.baseUrl().replaceAll("/+$", "") + "/chat/completions");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.http = MicrometerHttpClient.instrumentationBuilder(client, meters)
                .observationRegistry(observations)
                .uriMapper(request -> "/chat/completions")
                .build();
    }

    ProcessorResult complete(ProcessorRequest request, String model) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(request, model))));
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + properties.apiKey());
        }
        return parse(send(builder.build()), model);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new RetryableFailure("LLM endpoint answered " + status);
            }
            if (status >= 300) {
                throw new ProcessorUnavailableException();
            }
            return response;
        } catch (HttpConnectTimeoutException e) {
            throw new RetryableFailure("connect timeout");
        } catch (HttpTimeoutException e) {
            throw new ProcessorTimeoutException();
        } catch (IOException e) {
            throw new RetryableFailure("I/O failure: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessorUnavailableException();
        }
    }

    private Map<String, Object> body(ProcessorRequest request, String model) {
        List<Map<String, String>> messages = new ArrayList<>();
        if (properties.systemPrompt() != null && !properties.systemPrompt().isBlank()) {
            messages.add(Map.of("role", "system", "content", properties.systemPrompt()));
        }
        for (ProcessorRequest.ChatTurn turn : request.history()) {
            messages.add(Map.of("role", "user", "content", turn.prompt()));
            messages.add(Map.of("role", "assistant", "content", turn.response()));
        }
        messages.add(Map.of("role", "user", "content", request.promptText()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        if (request.options().temperature() != null) {
            body.put("temperature", request.options().temperature());
        }
        if (request.options().maxTokens() != null) {
            body.put("max_tokens", request.options().maxTokens());
        }
        return body;
    }

    private ProcessorResult parse(HttpResponse<String> response, String requestedModel) {
        try {
            JsonNode root = json.readTree(response.body());
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            if (!content.isString()) {
                throw new ProcessorUnavailableException();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            JsonNode usage = root.path("usage");
            if (usage.isObject()) {
                details.put("promptTokens", usage.path("prompt_tokens").asInt(0));
                details.put("completionTokens", usage.path("completion_tokens").asInt(0));
                details.put("totalTokens", usage.path("total_tokens").asInt(0));
            }
            String model = root.path("model").isString() ? root.path("model").asString() : requestedModel;
            return new ProcessorResult(content.asString(), model, details);
        } catch (JacksonException e) {
            throw new ProcessorUnavailableException();
        }
    }

    /** A failure worth another attempt (5xx, 429, connection problems); never leaves this package. */
    static final class RetryableFailure extends RuntimeException {

        RetryableFailure(String message) {
            super(message, null, false, false);
        }
    }
}
