package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.vault.envelope.EnvelopeExceptions.InvalidEnvelopeRequestException;
import dev.e2ee.vault.key.ReceiverKeys;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Chooses the receiver key (only among the receiver's own keys) and seals with the signing keyring. */
@Component
class EnvelopeSealing {

    private final ReceiverKeys receivers;
    private final EnvelopeSealer sealer;

    EnvelopeSealing(ReceiverKeys receivers, EnvelopeSealer sealer) {
        this.receivers = receivers;
        this.sealer = sealer;
    }

    Recipient recipient(String kidOrLabel) {
        if (kidOrLabel == null) {
            return receivers.current();
        }
        return receivers
                .find(kidOrLabel)
                .orElseThrow(() -> new InvalidEnvelopeRequestException(
                        "receiverPublicKeyId must name one of the receiver's published keys"));
    }

    Envelope seal(Recipient recipient, EnvelopeContent content, Instant expiresAt) {
        return sealer.seal(recipient, content, expiresAt);
    }
}
