package dev.e2ee.prs.processing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Supplier;

/**
 * OpenAI-compatible chat-completions processor: each attempt goes through the circuit breaker, attempts are
 * retried with exponential backoff; an open breaker, exhausted retries or a refusal give 503, a timeout 504.
 */
final class OpenAiProcessor implements PromptProcessor {

    private final OpenAiProperties properties;
    private final OpenAiClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;

    OpenAiProcessor(OpenAiProperties properties, OpenAiClient client) {
        this.properties = properties;
        this.client = client;
        this.breaker = CircuitBreaker.of("openai", breakerConfig(properties));
        this.retry = Retry.of("openai", retryConfig(properties));
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String model(ProcessOptions options) {
        return options.model() != null ? options.model() : properties.model();
    }

    @Override
    public ProcessorResult process(ProcessorRequest request) {
        String model = model(request.options());
        Supplier<ProcessorResult> attempt =
                CircuitBreaker.decorateSupplier(breaker, () -> client.complete(request, model));
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (CallNotPermittedException | OpenAiClient.RetryableFailure e) {
            throw new ProcessorUnavailableException();
        }
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private static CircuitBreakerConfig breakerConfig(OpenAiProperties p) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(p.failureRateThreshold())
                .slidingWindowSize(p.slidingWindowSize())
                .minimumNumberOfCalls(p.minimumNumberOfCalls())
                .waitDurationInOpenState(p.openStateWait())
                .recordExceptions(OpenAiClient.RetryableFailure.class, ProcessorTimeoutException.class)
                .build();
    }

    private static RetryConfig retryConfig(OpenAiProperties p) {
        return RetryConfig.custom()
                .maxAttempts(p.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(p.initialBackoff(), p.backoffMultiplier()))
                .retryExceptions(OpenAiClient.RetryableFailure.class)
                .build();
    }
}
