package dev.e2ee.prs.envelope;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code {prompt:{id, promptText, metadata}, decryption:{envelopeId, decryptedAt, signatureVerified}}}. */
record DecryptResponse(Prompt prompt, Decryption decryption) {

    static DecryptResponse of(OpenedPrompt opened) {
        return new DecryptResponse(
                new Prompt(opened.promptId(), opened.promptText(), opened.metadata()),
                new Decryption(opened.envelopeId(), opened.openedAt(), true));
    }

    record Prompt(UUID id, String promptText, Map<String, Object> metadata) {

        @Override
        public String toString() {
            return "Prompt[id=" + id + "]";
        }
    }

    record Decryption(UUID envelopeId, Instant decryptedAt, boolean signatureVerified) {}
}
