package dev.e2ee.crypto;

/** Root of crypto-common's unchecked exceptions. Messages are generic and never contain key material. */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
