package dev.e2ee.platform.web;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** 413 {@code PAYLOAD_TOO_LARGE}: the request body is larger than {@code e2ee.web.max-body-size}. */
public final class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long maxBytes) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Payload too large",
                "The request body exceeds " + maxBytes + " bytes.");
    }
}
