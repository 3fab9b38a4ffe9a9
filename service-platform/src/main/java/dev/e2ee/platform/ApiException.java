package dev.e2ee.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Root of every error a service reports to its clients on purpose. The message is the problem's
 * {@code detail} and is shown to the caller, so it must be safe (no secrets, no internals). Feature
 * exceptions extend this class and live in their feature package; {@code PlatformExceptionHandler} turns
 * them into RFC 9457 problems with {@code type = https://e2ee.dev/problems/<code-in-kebab-case>}.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    /**
     * @param status HTTP status of the problem
     * @param code stable upper-snake-case code, e.g. {@code PROMPT_NOT_FOUND}
     * @param title short, stable human title, e.g. {@code Prompt not found}
     * @param detail safe detail shown to the caller
     */
    protected ApiException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    protected ApiException(HttpStatus status, String code, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Extra response headers (e.g. {@code Retry-After}); none by default. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
