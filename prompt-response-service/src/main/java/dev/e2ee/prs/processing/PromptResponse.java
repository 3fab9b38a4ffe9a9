package dev.e2ee.prs.processing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code response} of a processed prompt; {@code metadata} is omitted with {@code includeMetadata=false}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptResponse(UUID id, UUID promptId, String result, Map<String, Object> metadata, Instant createdAt) {

    PromptResponse withoutMetadata() {
        return new PromptResponse(id, promptId, result, null, createdAt);
    }

    @Override
    public String toString() {
        return "PromptResponse[id=" + id + ", promptId=" + promptId + "]";
    }
}
