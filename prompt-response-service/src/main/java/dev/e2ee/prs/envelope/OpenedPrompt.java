package dev.e2ee.prs.envelope;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The content of an opened envelope; {@code toString} never prints the text. */
public record OpenedPrompt(
        UUID envelopeId, UUID promptId, String promptText, Map<String, Object> metadata, Instant openedAt) {

    @Override
    public String toString() {
        return "OpenedPrompt[envelopeId=" + envelopeId + ", promptId=" + promptId + ", chars=" + promptText.length()
                + "]";
    }
}
