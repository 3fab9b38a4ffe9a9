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
    /** A refusal to seal; {@link #reason()} goes to the audit log only. */
    abstract static class RefusedException extends ApiException {
        private final String reason;

        RefusedException(HttpStatus status, String code, String title, String detail, String reason) {
            super(status, code, title, detail);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    static final class SecretRejectedException extends RefusedException {
        SecretRejectedException(String reason) {
            super(
                    HttpStatus.FORBIDDEN,
                    "SECRET_REJECTED",
                    "Secret rejected",
                    "The prompt is not available or the secret is wrong.",
                    reason);
        }
    }

    static final class TooManySecretFailuresException extends RefusedException {
        private final Duration retryAfter;

        TooManySecretFailuresException(Duration retryAfter) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_SECRET_FAILURES",
                    "Too many failed attempts",
                    "Too many wrong secrets for this prompt; try again later.",
                    "secret_attempts_exceeded");
            this.retryAfter = retryAfter;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            return headers;
        }
    }

    static final class PromptInactiveException extends RefusedException {
        PromptInactiveException() {
            super(
                    HttpStatus.CONFLICT,
                    "PROMPT_INACTIVE",
                    "Prompt inactive",
                    "The prompt is not active.",
                    "prompt_inactive");
        }
    }

    static final class InvalidEnvelopeRequestException extends RefusedException {
        InvalidEnvelopeRequestException(String detail, String reason) {
            super(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Validation failed", detail, reason);
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
