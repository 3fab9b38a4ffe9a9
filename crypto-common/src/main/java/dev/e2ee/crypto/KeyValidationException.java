package dev.e2ee.crypto;

/** A key was refused: the message says precisely what is wrong (size, exponent, type, mismatch, format). */
public final class KeyValidationException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public KeyValidationException(String message) {
        super(message);
    }

    public KeyValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
