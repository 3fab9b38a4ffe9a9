package dev.e2ee.vault.envelope;

import java.util.Locale;

public enum EnvelopeStatus {
    PENDING,
    DECRYPTED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EnvelopeStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
