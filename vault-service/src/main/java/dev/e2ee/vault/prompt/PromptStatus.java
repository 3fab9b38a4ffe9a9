package dev.e2ee.vault.prompt;

import dev.e2ee.vault.web.WireValue;

/** Lifecycle of a prompt; stored and shown in lower case. */
public enum PromptStatus implements WireValue {
    ACTIVE,
    INACTIVE,
    DELETED
}
