package dev.e2ee.prs.processing;

import dev.e2ee.platform.ApiException;
import dev.e2ee.prs.audit.AuditEvent;
import dev.e2ee.prs.audit.AuditPublisher;
import dev.e2ee.prs.cache.ResponseCache;
import dev.e2ee.prs.cache.ResponseCache.CacheEntry;
import dev.e2ee.prs.session.Session;
import dev.e2ee.prs.session.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes one prompt: the session's history goes to the processor and the turn is appended; outside a session
 * identical requests of the same principal are answered from the response cache. The {@code prompt.process} audit event is written
 * before the response is returned (fail closed).
 */
@Service
class ProcessingService {

    private final PromptProcessor processor;
    private final SessionStore sessions;
    private final ResponseCache cache;
    private final AuditPublisher audit;
    private final JsonMapper json;
    private final Clock clock;

    ProcessingService(
            PromptProcessor processor,
            SessionStore sessions,
            ResponseCache cache,
            AuditPublisher audit,
            JsonMapper json,
            Clock clock) {
        this.processor = processor;
        this.sessions = sessions;
        this.cache = cache;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    PromptResponse process(PromptWork work) {
        List<ProcessorRequest.ChatTurn> history = history(work);
        ProcessOptions options = work.options();
        CacheEntry entry = work.sessionId() == null
                ? new CacheEntry(
                        work.owner(),
                        work.promptText(),
                        options.resultAffectingPart(),
                        processor.name() + ":" + processor.model(options))
                : null;
        Optional<PromptResponse> cached =
                entry == null ? Optional.empty() : cache.get(entry).map(this::read);
        PromptResponse response = cached.map(hit -> fromCache(hit, work)).orElseGet(() -> run(work, history));
        if (entry != null && cached.isEmpty()) {
            cache.put(entry, json.writeValueAsString(response));
        }
        audit.publish(AuditEvent.success(AuditEvent.PROMPT_PROCESS, work.owner())
                .withEnvelope(work.envelopeId(), work.promptId()));
        if (work.sessionId() != null) {
            Session session = sessions.append(work.sessionId(), work.owner(), work.promptText(), response.result());
            response = withMetadata(
                    response,
                    Map.of("sessionId", session.id(), "turns", session.turns().size()));
        }
        return options.metadataIncluded() ? response : response.withoutMetadata();
    }

    private List<ProcessorRequest.ChatTurn> history(PromptWork work) {
        if (work.sessionId() == null) {
            return List.of();
        }
        return sessions.require(work.sessionId(), work.owner()).turns().stream()
                .map(turn -> new ProcessorRequest.ChatTurn(turn.prompt(), turn.response()))
                .toList();
    }

    private PromptResponse run(PromptWork work, List<ProcessorRequest.ChatTurn> history) {
        long started = System.nanoTime();
        ProcessorResult result;
        try {
            result = processor.process(new ProcessorRequest(work.promptText(), history, work.options()));
        } catch (ApiException e) {
            audit.publish(AuditEvent.failure(AuditEvent.PROMPT_PROCESS, work.owner(), e.code())
                    .withEnvelope(work.envelopeId(), work.promptId()));
            throw e;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("processingTime", (System.nanoTime() - started) / 1_000_000);
        metadata.put("model", result.model());
        metadata.put("processor", processor.name());
        metadata.put("cached", false);
        metadata.putAll(result.details());
        return new PromptResponse(UUID.randomUUID(), work.promptId(), result.result(), metadata, now());
    }

    private PromptResponse fromCache(PromptResponse hit, PromptWork work) {
        Map<String, Object> metadata = new LinkedHashMap<>(hit.metadata());
        metadata.put("cached", true);
        metadata.put("processingTime", 0);
        return new PromptResponse(UUID.randomUUID(), work.promptId(), hit.result(), metadata, now());
    }

    private static PromptResponse withMetadata(PromptResponse response, Map<String, Object> extra) {
        Map<String, Object> metadata = new LinkedHashMap<>(response.metadata());
        metadata.putAll(extra);
        return new PromptResponse(
                response.id(), response.promptId(), response.result(), metadata, response.createdAt());
    }

    private PromptResponse read(String document) {
        return json.readValue(document, PromptResponse.class);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
