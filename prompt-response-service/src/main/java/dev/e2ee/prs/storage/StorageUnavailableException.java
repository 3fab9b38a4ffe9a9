package dev.e2ee.prs.storage;

import dev.e2ee.platform.ApiException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/** Redis is unreachable or failing: 503, and the operation was not performed. */
public final class StorageUnavailableException extends ApiException {

    public StorageUnavailableException(Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "STORAGE_UNAVAILABLE",
                "Storage unavailable",
                "The service's storage is unavailable; try again later.",
                cause);
    }

    /** Runs a Redis operation, turning a data access failure into this 503. */
    public static <T> T guard(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            throw new StorageUnavailableException(e);
        }
    }
}
