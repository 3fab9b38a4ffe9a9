package dev.e2ee.prs.processing;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The prompt processor did not answer in time. */
public final class ProcessorTimeoutException extends ApiException {

    public ProcessorTimeoutException() {
        super(
                HttpStatus.GATEWAY_TIMEOUT,
                "PROCESSOR_TIMEOUT",
                "Processor timeout",
                "The prompt processor did not answer in time.");
    }
}
