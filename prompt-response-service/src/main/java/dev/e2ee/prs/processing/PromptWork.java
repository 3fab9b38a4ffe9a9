package dev.e2ee.prs.processing;

import java.util.UUID;

/**
 * One prompt to process for an owner — the unit both the synchronous path and the async job payload carry
 * (sealed in Redis, since it holds the text). {@code envelopeId} is set when it came from an envelope.
 */
record PromptWork(
        String owner, UUID promptId, String promptText, UUID sessionId, ProcessOptions options, UUID envelopeId) {

    @Override
    public String toString() {
        return "PromptWork[promptId=" + promptId + ", sessionId=" + sessionId + ", envelopeId=" + envelopeId + "]";
    }
}
