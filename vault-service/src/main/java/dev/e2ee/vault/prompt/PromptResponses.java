package dev.e2ee.vault.prompt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the prompt API. */
final class PromptResponses {

    private PromptResponses() {}

    /** A prompt; {@code promptText} only on a single read, {@code envelopes} only with {@code includeEnvelopes}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PromptResponse(
            UUID id,
            String status,
            long version,
            String promptText,
            Map<String, Object> metadata,
            Instant createdAt,
            Instant updatedAt,
            List<?> envelopes) {

        @Override
        public String toString() {
            return "PromptResponse[id=" + id + ", version=" + version + "]";
        }
    }

    record PromptVersionResponse(
            long version, String promptText, Map<String, Object> metadata, String createdBy, Instant createdAt) {

        @Override
        public String toString() {
            return "PromptVersionResponse[version=" + version + "]";
        }
    }

    record VersionHistory(UUID promptId, long currentVersion, List<PromptVersionResponse> versions) {}
}
