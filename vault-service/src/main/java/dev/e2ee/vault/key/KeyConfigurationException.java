package dev.e2ee.vault.key;

/** Startup failure: a key is missing or unusable. The message names the setting, never key material. */
public class KeyConfigurationException extends RuntimeException {

    public KeyConfigurationException(String message) {
        super(message);
    }

    public KeyConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
