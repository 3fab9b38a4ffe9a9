package dev.e2ee.vault.audit;

import dev.e2ee.vault.web.WireValue;

public enum AuditOutcome implements WireValue {
    SUCCESS,
    FAILURE
}
