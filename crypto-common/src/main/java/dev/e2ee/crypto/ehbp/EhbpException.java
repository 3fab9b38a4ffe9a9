package dev.e2ee.crypto.ehbp;

import dev.e2ee.crypto.CryptoException;

/**
 * An encrypted body could not be opened. {@link #keyConfig()} is true only when the first chunk opened under none
 * of the configured keys (the client should refetch the keys and retry); the message never says more.
 */
public final class EhbpException extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final boolean keyConfig;

    private EhbpException(boolean keyConfig) {
        super("encrypted body could not be opened");
        this.keyConfig = keyConfig;
    }

    static EhbpException malformed() {
        return new EhbpException(false);
    }

    static EhbpException unknownKey() {
        return new EhbpException(true);
    }

    public boolean keyConfig() {
        return keyConfig;
    }
}
