package dev.e2ee.prs.processing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible chat-completions processor ({@code PROMPT_PROCESSOR=openai}). {@code baseUrl} includes
 * {@code /v1} ({@code OPENAI_BASE_URL}); a call is bounded by {@code connectTimeout} + {@code readTimeout}, 5xx,
 * 429 and connection failures are retried {@code maxAttempts - 1} times with exponential backoff, timeouts are not
 * retried, and a circuit breaker fails fast (503) while the endpoint keeps failing. The default {@code model}
 * ({@code OPENAI_MODEL}) is in {@code application.yml}, as {@link ProcessorProperties} explains.
 */
@ConfigurationProperties("e2ee.openai")
public record OpenAiProperties(
        String baseUrl,
        String apiKey,
        String model,
        String systemPrompt,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("5") int minimumNumberOfCalls,
        @DefaultValue("30s") Duration openStateWait) {

    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "***") + "]";
    }
}
