package dev.e2ee.prs.processing;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** No such response. */
public final class ResponseNotFoundException extends ApiException {

    public ResponseNotFoundException() {
        super(HttpStatus.NOT_FOUND, "RESPONSE_NOT_FOUND", "Response not found", "No such response.");
    }
}
