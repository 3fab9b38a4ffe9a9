package dev.e2ee.prs.envelope;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** This envelope has already been opened. */
public final class EnvelopeReplayedException extends ApiException {

    public EnvelopeReplayedException() {
        super(
                HttpStatus.CONFLICT,
                "ENVELOPE_ALREADY_OPENED",
                "Envelope already opened",
                "This envelope has already been opened.");
    }
}
