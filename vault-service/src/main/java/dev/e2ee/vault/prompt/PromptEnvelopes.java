package dev.e2ee.vault.prompt;

import java.util.List;
import java.util.UUID;

/** Envelope metadata of a prompt, for {@code GET /prompts/{id}?includeEnvelopes=true} (provided by the envelope feature). */
public interface PromptEnvelopes {

    List<?> metadataOf(UUID promptId);
}
