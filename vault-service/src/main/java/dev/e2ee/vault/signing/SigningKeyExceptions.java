package dev.e2ee.vault.signing;

import dev.e2ee.platform.ApiException;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Problems of signing-key rotation and retirement (never echo the caller's kid). */
final class SigningKeyExceptions {

    private SigningKeyExceptions() {}

    /** A refused change; {@link #reason()} (the code in lower case) goes to the audit log. */
    abstract static class SigningKeyException extends ApiException {

        SigningKeyException(HttpStatus status, String code, String title, String detail) {
            super(status, code, title, detail);
        }

        String reason() {
            return code().toLowerCase(Locale.ROOT);
        }
    }

    /** Rotate without a kid while the first listed key is already primary. */
    static final class NoNewKey extends SigningKeyException {
        NoNewKey() {
            super(
                    HttpStatus.CONFLICT,
                    "NO_NEW_SIGNING_KEY",
                    "No new signing key",
                    "The first key listed in SENDER_PRIVATE_KEY_PATH is already the primary signing key. Add the new"
                            + " key file first in SENDER_PRIVATE_KEY_PATH and roll it out to every instance (it is"
                            + " then published but not signing), then rotate.");
        }
    }

    static final class AlreadyPrimary extends SigningKeyException {
        AlreadyPrimary() {
            super(
                    HttpStatus.CONFLICT,
                    "SIGNING_KEY_ALREADY_PRIMARY",
                    "Signing key already primary",
                    "This key is already the primary signing key.");
        }
    }

    /** Rotate to a kid that is not loaded from SENDER_PRIVATE_KEY_PATH on this instance. */
    static final class NotLoaded extends SigningKeyException {
        NotLoaded() {
            super(
                    HttpStatus.NOT_FOUND,
                    "SIGNING_KEY_NOT_FOUND",
                    "Signing key not found",
                    "No key with this kid is loaded from SENDER_PRIVATE_KEY_PATH on this instance. Roll out the key"
                            + " file to every instance before promoting it.");
        }
    }

    /** Retire a kid that has no vault-sign row. */
    static final class NotRecorded extends SigningKeyException {
        NotRecorded() {
            super(
                    HttpStatus.NOT_FOUND,
                    "SIGNING_KEY_NOT_FOUND",
                    "Signing key not found",
                    "No vault signing key with this kid is recorded.");
        }
    }

    static final class Retired extends SigningKeyException {
        Retired() {
            super(
                    HttpStatus.CONFLICT,
                    "SIGNING_KEY_RETIRED",
                    "Signing key retired",
                    "A retired signing key never signs again. Add a new key file first in SENDER_PRIVATE_KEY_PATH,"
                            + " roll it out, then rotate.");
        }
    }

    static final class RetiringPrimary extends SigningKeyException {
        RetiringPrimary() {
            super(
                    HttpStatus.CONFLICT,
                    "SIGNING_KEY_IS_PRIMARY",
                    "Signing key is primary",
                    "The primary signing key cannot be retired: rotate to another key first.");
        }
    }
}
