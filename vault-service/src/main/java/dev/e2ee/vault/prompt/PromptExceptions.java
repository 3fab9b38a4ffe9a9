package dev.e2ee.vault.prompt;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** Problems of the prompt API. */
final class PromptExceptions {

    private PromptExceptions() {}

    /** The prompt does not exist, is deleted, or belongs to someone else (never 403: no existence leak). */
    static final class PromptNotFoundException extends ApiException {
        PromptNotFoundException() {
            super(HttpStatus.NOT_FOUND, "PROMPT_NOT_FOUND", "Prompt not found", "No such prompt.");
        }
    }

    static final class VersionConflictException extends ApiException {
        VersionConflictException() {
            super(
                    HttpStatus.CONFLICT,
                    "VERSION_CONFLICT",
                    "Version conflict",
                    "The prompt was changed by someone else; reload it and retry with its current version.");
        }
    }

    static final class VersionRequiredException extends ApiException {
        VersionRequiredException() {
            super(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "VERSION_REQUIRED",
                    "Version required",
                    "Send the version you are updating as \"version\" in the body or as an If-Match header.");
        }
    }

    static final class InvalidRequestException extends ApiException {
        InvalidRequestException(String detail) {
            super(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Validation failed", detail);
        }
    }
}
