package dev.e2ee.vault.envelope;

import dev.e2ee.vault.web.WireValue;

/** Lifecycle of an envelope; stored and shown in lower case. */
public enum EnvelopeStatus implements WireValue {
    PENDING,
    DECRYPTED,
    EXPIRED
}
