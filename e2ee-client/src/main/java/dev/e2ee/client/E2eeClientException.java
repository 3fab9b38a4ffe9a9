package dev.e2ee.client;

/** Root of the client's unchecked exceptions. Messages never contain prompt text, secrets, keys or tokens. */
public class E2eeClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public E2eeClientException(String message) {
        super(message);
    }

    public E2eeClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
