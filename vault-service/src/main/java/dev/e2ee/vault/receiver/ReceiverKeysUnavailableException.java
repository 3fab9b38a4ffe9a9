package dev.e2ee.vault.receiver;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The receiver's JWK Set has never been fetched successfully: envelopes cannot be addressed. */
public class ReceiverKeysUnavailableException extends ApiException {

    ReceiverKeysUnavailableException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE",
                "Service unavailable",
                "The receiver's public keys are not available right now.");
    }
}
