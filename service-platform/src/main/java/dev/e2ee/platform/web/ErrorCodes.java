package dev.e2ee.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Stable code, title and generic detail for the framework-raised statuses. */
public final class ErrorCodes {

    private ErrorCodes() {}

    static ProblemDetail forStatus(HttpStatusCode statusCode, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null || status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
            return internal(request);
        }
        return switch (status) {
            case BAD_REQUEST ->
                problem(status, "VALIDATION_ERROR", "Validation failed", "The request is invalid.", request);
            case UNAUTHORIZED -> unauthenticated(request);
            case FORBIDDEN -> forbidden(request);
            case NOT_FOUND -> problem(status, "NOT_FOUND", "Not found", "The resource does not exist.", request);
            case METHOD_NOT_ALLOWED ->
                problem(status, "METHOD_NOT_ALLOWED", "Method not allowed", "The method is not allowed here.", request);
            case NOT_ACCEPTABLE ->
                problem(status, "NOT_ACCEPTABLE", "Not acceptable", "No acceptable representation.", request);
            case CONTENT_TOO_LARGE ->
                problem(status, "PAYLOAD_TOO_LARGE", "Payload too large", "The request body is too large.", request);
            case UNSUPPORTED_MEDIA_TYPE ->
                problem(
                        status,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "Unsupported media type",
                        "Send the body as application/json.",
                        request);
            case SERVICE_UNAVAILABLE ->
                problem(status, "SERVICE_UNAVAILABLE", "Service unavailable", "Try again later.", request);
            default ->
                problem(status, "REQUEST_ERROR", status.getReasonPhrase(), status.getReasonPhrase() + ".", request);
        };
    }

    /** The one 401 body: never says why. */
    public static ProblemDetail unauthenticated(HttpServletRequest request) {
        return problem(
                HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED",
                "Unauthenticated",
                "Valid credentials are required.",
                request);
    }

    public static ProblemDetail forbidden(HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "You are not allowed to do this.", request);
    }

    public static ProblemDetail internal(HttpServletRequest request) {
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "An unexpected error occurred.",
                request);
    }

    private static ProblemDetail problem(
            HttpStatus status, String code, String title, String detail, HttpServletRequest request) {
        return Problems.create(status, code, title, detail, request);
    }
}
