package dev.e2ee.platform.security;

import dev.e2ee.platform.web.ErrorCodes;
import dev.e2ee.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals as problems, never echoing the request: a missing role is 403 {@code FORBIDDEN}; a URL
 * its firewall refuses (encoded dot segments, {@code ;}, …) is 400 {@code MALFORMED_REQUEST}. (401s are
 * {@link ProblemAuthenticationEntryPoint}'s.)
 */
final class SecurityRefusalProblems implements AccessDeniedHandler, RequestRejectedHandler {

    private final ProblemWriter writer;

    SecurityRefusalProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        writer.write(response, ErrorCodes.forbidden(request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        writer.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "Malformed request",
                "The request URL is not allowed.");
    }
}
