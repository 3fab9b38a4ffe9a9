package dev.e2ee.prs.processing;

/**
 * Turns a prompt (with the conversation so far) into a result. Implementations are chosen by
 * {@code PROMPT_PROCESSOR}: {@code echo} (default) or {@code openai}.
 */
public interface PromptProcessor {

    /** Short stable name, e.g. {@code echo} or {@code openai}; part of the cache key and the response metadata. */
    String name();

    /** The model a request with these options is processed by; part of the cache key and the response metadata. */
    String model(ProcessOptions options);

    /**
     * Processes one prompt.
     *
     * @throws ProcessorUnavailableException when the backend is down or refuses (503)
     * @throws ProcessorTimeoutException when the backend did not answer in time (504)
     */
    ProcessorResult process(ProcessorRequest request);
}
