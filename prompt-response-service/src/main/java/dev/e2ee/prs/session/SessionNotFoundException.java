package dev.e2ee.prs.session;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** No such session. */
public final class SessionNotFoundException extends ApiException {

    public SessionNotFoundException() {
        super(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "Session not found", "No such session.");
    }
}
