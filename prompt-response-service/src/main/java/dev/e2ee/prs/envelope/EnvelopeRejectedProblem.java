package dev.e2ee.prs.envelope;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The envelope could not be opened. */
public final class EnvelopeRejectedProblem extends ApiException {

    public EnvelopeRejectedProblem() {
        super(HttpStatus.BAD_REQUEST, "ENVELOPE_REJECTED", "Envelope rejected", "The envelope could not be opened.");
    }
}
