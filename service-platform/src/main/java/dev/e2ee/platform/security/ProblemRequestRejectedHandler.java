package dev.e2ee.platform.security;

import dev.e2ee.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** URLs refused by Spring Security's firewall (encoded dot segments, {@code ;}, …): 400 problem, no echo. */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ProblemWriter writer;

    ProblemRequestRejectedHandler(ProblemWriter writer) {
        this.writer = writer;
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
