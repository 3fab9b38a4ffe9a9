package dev.e2ee.platform.security;

import dev.e2ee.platform.web.ErrorCodes;
import dev.e2ee.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 {@code FORBIDDEN} problem. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemWriter writer;

    ProblemAccessDeniedHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        writer.write(response, ErrorCodes.forbidden(request));
    }
}
