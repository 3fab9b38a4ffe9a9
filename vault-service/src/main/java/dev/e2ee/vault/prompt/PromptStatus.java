package dev.e2ee.vault.prompt;

import java.util.Locale;

/** Lifecycle of a prompt; stored and shown in lower case. */
public enum PromptStatus {
    ACTIVE,
    INACTIVE,
    DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PromptStatus fromWire(String value) {
        for (PromptStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown prompt status");
    }
}
