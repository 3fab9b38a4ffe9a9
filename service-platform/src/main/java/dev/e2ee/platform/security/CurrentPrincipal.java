package dev.e2ee.platform.security;

import dev.e2ee.platform.ApiException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Access to the authenticated {@link E2eePrincipal} of the current request. In controllers
 * {@code @AuthenticationPrincipal E2eePrincipal principal} works as well.
 */
public final class CurrentPrincipal {

    private CurrentPrincipal() {}

    public static Optional<E2eePrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof E2eePrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The current principal, or a 401 {@code UNAUTHENTICATED} problem. */
    public static E2eePrincipal require() {
        return current().orElseThrow(NotAuthenticatedException::new);
    }

    static final class NotAuthenticatedException extends ApiException {
        NotAuthenticatedException() {
            super(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Unauthenticated", "Authentication required.");
        }
    }
}
