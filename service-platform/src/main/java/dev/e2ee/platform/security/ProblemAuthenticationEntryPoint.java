package dev.e2ee.platform.security;

import dev.e2ee.platform.web.ErrorCodes;
import dev.e2ee.platform.web.ProblemWriter;
import dev.e2ee.platform.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every 401: one generic problem body, and an {@link AuthenticationFailedEvent} with the real reason. A client
 * address over its failed-authentication limit ({@link AuthenticationFailureThrottle}) gets 429 {@code RATE_LIMITED}
 * with {@code Retry-After} instead, and nothing is published.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    private final ProblemWriter writer;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<AuthenticationFailureThrottle> throttle;

    ProblemAuthenticationEntryPoint(
            ProblemWriter writer,
            ApplicationEventPublisher events,
            ObjectProvider<AuthenticationFailureThrottle> throttle) {
        this.writer = writer;
        this.events = events;
        this.throttle = throttle;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = reasonOf(failure);
        log.debug("authentication failed: {}", reason);
        String address = clientAddress(request);
        AuthenticationFailureThrottle limit = throttle.getIfAvailable();
        OptionalLong retryAfter = limit == null ? OptionalLong.empty() : limit.countFailure(address);
        if (retryAfter.isPresent()) {
            tooMany(request, response, retryAfter.getAsLong());
            return;
        }
        publish(request, address, reason);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        writer.write(response, ErrorCodes.unauthenticated(request));
    }

    static String reasonOf(AuthenticationException failure) {
        if (failure instanceof ApiKeyAuthenticationFilter.InvalidApiKeyException) {
            return "invalid_api_key";
        }
        if (failure instanceof InsufficientAuthenticationException) {
            return "missing_credentials";
        }
        if (failure instanceof InvalidBearerTokenException) {
            return "invalid_token";
        }
        return "invalid_token";
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long retryAfter) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        writer.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Too many requests",
                "Too many failed authentication attempts; retry after " + retryAfter + " seconds.");
    }

    private static String clientAddress(HttpServletRequest request) {
        String address = RequestContext.of(request).clientAddress();
        return address != null ? address : request.getRemoteAddr();
    }

    private void publish(HttpServletRequest request, String address, String reason) {
        AuthenticationFailedEvent event = new AuthenticationFailedEvent(
                RequestContext.of(request).requestId(), address, request.getMethod(), request.getRequestURI(), reason);
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("AuthenticationFailedEvent listener failed", e);
        }
    }
}
