package dev.e2ee.platform.security;

import dev.e2ee.platform.web.ErrorCodes;
import dev.e2ee.platform.web.ProblemWriter;
import dev.e2ee.platform.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Every 401: one generic problem body, and an {@link AuthenticationFailedEvent} with the real reason. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    private final ProblemWriter writer;
    private final ApplicationEventPublisher events;

    ProblemAuthenticationEntryPoint(ProblemWriter writer, ApplicationEventPublisher events) {
        this.writer = writer;
        this.events = events;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = reasonOf(failure);
        log.debug("authentication failed: {}", reason);
        publish(request, reason);
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

    private void publish(HttpServletRequest request, String reason) {
        RequestContext context = RequestContext.of(request);
        String address = context.clientAddress() != null ? context.clientAddress() : request.getRemoteAddr();
        AuthenticationFailedEvent event = new AuthenticationFailedEvent(
                context.requestId(), address, request.getMethod(), request.getRequestURI(), reason);
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("AuthenticationFailedEvent listener failed", e);
        }
    }
}
