package dev.e2ee.prs.processing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/prompts/process}: either an {@code envelope} (opened and processed here; the plaintext only
 * leaves as the response) or {@code promptText} (with an optional {@code promptId}), never both.
 */
record ProcessRequest(
        @Schema(description = "A v2 envelope issued by the vault", implementation = Object.class)
        JsonNode envelope,

        UUID promptId,
        @Size(min = 1, max = 10_000) String promptText,
        UUID sessionId,
        @Valid ProcessOptions options) {

    @AssertTrue(message = "give either envelope or promptText (not both)")
    @JsonIgnore
    @Schema(hidden = true)
    boolean isOneSource() {
        boolean hasEnvelope = envelope != null && !envelope.isNull();
        return hasEnvelope != (promptText != null);
    }

    ProcessOptions effectiveOptions() {
        return options == null ? ProcessOptions.defaults() : options;
    }

    @Override
    public String toString() {
        return "ProcessRequest[promptId=" + promptId + ", sessionId=" + sessionId + "]";
    }
}
