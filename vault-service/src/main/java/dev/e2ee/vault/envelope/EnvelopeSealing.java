package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.vault.envelope.EnvelopeExceptions.InvalidEnvelopeRequestException;
import dev.e2ee.vault.envelope.EnvelopeRequests.CreateEnvelopeRequest;
import dev.e2ee.vault.prompt.Prompt;
import dev.e2ee.vault.prompt.PromptAccess;
import dev.e2ee.vault.receiver.ReceiverKeys;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Chooses the receiver key (only among the receiver's own keys) and seals the prompt with the signing keyring. */
@Component
class EnvelopeSealing {

    private final ReceiverKeys receivers;
    private final EnvelopeSealer sealer;
    private final PromptAccess prompts;

    EnvelopeSealing(ReceiverKeys receivers, EnvelopeSealer sealer, PromptAccess prompts) {
        this.receivers = receivers;
        this.sealer = sealer;
        this.prompts = prompts;
    }

    Recipient recipient(String kidOrLabel) {
        if (kidOrLabel == null) {
            return receivers.current();
        }
        return receivers
                .find(kidOrLabel)
                .orElseThrow(() -> new InvalidEnvelopeRequestException(
                        "receiverPublicKeyId must name one of the receiver's published keys", "unknown_receiver_key"));
    }

    /** The signed lifetime and audience of a new envelope (docs/envelope-format.md#audience-and-lifetime). */
    record Terms(Instant expiresAt, String audience) {}

    Envelope seal(Prompt prompt, Recipient recipient, CreateEnvelopeRequest request, Terms terms) {
        EnvelopeContent content = new EnvelopeContent(
                prompt.id(), prompts.currentText(prompt), request.metadata() == null ? Map.of() : request.metadata());
        return sealer.seal(recipient, content, terms.expiresAt(), terms.audience());
    }
}
