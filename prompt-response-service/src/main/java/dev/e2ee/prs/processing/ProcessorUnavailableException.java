package dev.e2ee.prs.processing;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The prompt processor is unavailable; try again later. */
public final class ProcessorUnavailableException extends ApiException {

    public ProcessorUnavailableException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "PROCESSOR_UNAVAILABLE",
                "Processor unavailable",
                "The prompt processor is unavailable; try again later.");
    }
}
