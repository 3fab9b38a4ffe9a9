package dev.e2ee.vault.envelope;

import dev.e2ee.platform.ApiException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Problems of the envelope API. */
final class EnvelopeExceptions {

    private EnvelopeExceptions() {}

    /**
     * Wrong secret, or a prompt the caller cannot see or that does not exist: one body for all three, so a
     * non-owner learns nothing about which prompts exist.
     */
    static final class SecretRejectedException extends ApiException {
        SecretRejectedException() {
            super(
                    HttpStatus.FORBIDDEN,
                    "SECRET_REJECTED",
                    "Secret rejected",
                    "The prompt is not available or the secret is wrong.");
        }
    }

    static final class TooManySecretFailuresException extends ApiException {
        private final Duration retryAfter;

        TooManySecretFailuresException(Duration retryAfter) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_SECRET_FAILURES",
                    "Too many failed attempts",
                    "Too many wrong secrets for this prompt; try again later.");
            this.retryAfter = retryAfter;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            return headers;
        }
    }

    static final class PromptInactiveException extends ApiException {
        PromptInactiveException() {
            super(HttpStatus.CONFLICT, "PROMPT_INACTIVE", "Prompt inactive", "The prompt is not active.");
        }
    }

    static final class InvalidEnvelopeRequestException extends ApiException {
        InvalidEnvelopeRequestException(String detail) {
            super(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Validation failed", detail);
        }
    }

    static final class EnvelopeNotFoundException extends ApiException {
        EnvelopeNotFoundException() {
            super(HttpStatus.NOT_FOUND, "ENVELOPE_NOT_FOUND", "Envelope not found", "No such envelope.");
        }
    }

    static final class EnvelopeSealingFailedException extends ApiException {
        EnvelopeSealingFailedException(Throwable cause) {
            super(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "INTERNAL_ERROR",
                    "Internal error",
                    "The envelope could not be created.",
                    cause);
        }
    }
}
