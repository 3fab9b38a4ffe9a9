package dev.e2ee.client;

/**
 * The server could not be reached, or an exchange could not be trusted: no HPKE keys published while encryption is
 * required, a response that does not open, a 2xx answer to an encrypted request without a sealed body, an envelope
 * whose signature does not verify.
 */
public final class ConnectionFailedException extends E2eeClientException {

    private static final long serialVersionUID = 1L;

    public ConnectionFailedException(String message) {
        super(message);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
