package dev.e2ee.platform.web;

import dev.e2ee.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception leaving a controller to an RFC 9457 problem (docs/architecture.md#errors). {@link ApiException}s keep their
 * status, code, title and message; framework exceptions get a stable code and a generic detail; anything else is
 * a generic 500 {@code INTERNAL_ERROR}, logged once at ERROR. No exception message of a non-{@code ApiException}
 * ever reaches the client.
 */
@RestControllerAdvice
public class PlatformExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException ex, HttpServletRequest request) {
        if (ex.status().is5xxServerError()) {
            log.warn("{} {} failed with {}", request.getMethod(), request.getRequestURI(), ex.code());
        }
        ProblemDetail problem = Problems.create(ex.status(), ex.code(), ex.title(), ex.getMessage(), request);
        return ResponseEntity.status(ex.status()).headers(ex.headers()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ErrorCodes.forbidden(request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(violation -> fieldError(lastNode(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return validationProblem(errors, HttpHeaders.EMPTY, request);
    }

    /** A dependency (PostgreSQL, Redis) is unreachable or timed out: 503, logged without the driver's message. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        QueryTimeoutException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Object> handleUnavailable(Exception ex, HttpServletRequest request) {
        log.error(
                "Dependency unavailable on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                ex.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ErrorCodes.forStatus(HttpStatus.SERVICE_UNAVAILABLE, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        if (lostConnection(ex)) {
            return handleUnavailable(ex, request);
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ErrorCodes.internal(request));
    }

    /**
     * A connection lost mid-operation surfaces wrapped in whatever the data layer was doing (for example a
     * {@code JpaSystemException} "Unable to rollback" whose own cause is a closed pooled connection, with the
     * driver's I/O error attached as a suppressed exception): an SQLState of class 08 (connection exception), a
     * JDBC connection exception or a socket error anywhere among the causes and suppressed exceptions.
     */
    private static boolean lostConnection(Throwable ex) {
        return lostConnection(ex, 0);
    }

    /** SQLState class 08, or HikariCP's "Connection is closed" (no SQLState) when a rollback hits a dead connection. */
    private static boolean connectionState(SQLException sql) {
        return (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || "Connection is closed".equals(sql.getMessage());
    }

    private static boolean lostConnection(Throwable ex, int depth) {
        if (ex == null || depth > 16) {
            return false;
        }
        if (ex instanceof SQLTransientConnectionException
                || ex instanceof SQLNonTransientConnectionException
                || ex instanceof SocketException
                || (ex instanceof SQLException sql && connectionState(sql))) {
            return true;
        }
        for (Throwable suppressed : ex.getSuppressed()) {
            if (lostConnection(suppressed, depth + 1)) {
                return true;
            }
        }
        return ex.getCause() != ex && lostConnection(ex.getCause(), depth + 1);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> fieldError(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return validationProblem(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error ->
                                fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return validationProblem(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(List.of(fieldError(ex.getPropertyName(), "invalid value")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return validationProblem(List.of(fieldError(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        PayloadTooLargeException tooLarge = causeOfType(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return handleApiException(tooLarge, servletRequest);
        }
        ProblemDetail problem = Problems.create(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "Malformed request",
                "The request body is not valid JSON for this endpoint (syntax, types or unknown properties).",
                servletRequest);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        if (body instanceof ProblemDetail problem
                && problem.getProperties() != null
                && problem.getProperties().containsKey("code")) {
            return ResponseEntity.status(statusCode).headers(headers).body(problem);
        }
        if (statusCode.is5xxServerError()) {
            log.error("Request {} {} failed", servletRequest.getMethod(), servletRequest.getRequestURI(), ex);
        }
        ProblemDetail problem = ErrorCodes.forStatus(statusCode, servletRequest);
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private ResponseEntity<Object> validationProblem(
            List<Map<String, String>> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.create(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_ERROR",
                "Validation failed",
                "The request is invalid; see errors.",
                servletRequest(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "invalid" : message);
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
