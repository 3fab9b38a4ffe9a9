package dev.e2ee.prs.audit;

import dev.e2ee.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The audit log cannot be written; the operation was not performed. */
public final class AuditUnavailableException extends ApiException {

    public AuditUnavailableException(Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "AUDIT_UNAVAILABLE",
                "Audit log unavailable",
                "The audit log cannot be written; the operation was not performed.",
                cause);
    }
}
