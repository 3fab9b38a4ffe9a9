package dev.e2ee.vault.audit;

import java.util.Locale;

public enum AuditOutcome {
    SUCCESS,
    FAILURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
