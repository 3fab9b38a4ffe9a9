package dev.e2ee.vault.key;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable key into a clear startup message naming the setting (never key material). */
class KeyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<KeyConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyConfigurationException cause) {
        return new FailureAnalysis(
                "vault-service keys are not configured: " + cause.getMessage(),
                "Set SENDER_PRIVATE_KEY_PATH, RECEIVER_PUBLIC_KEY_PATH (or PROMPT_SERVICE_JWKS_URL), E2EE_KEK (or"
                        + " E2EE_KEK_FILE) and E2EE_PEPPER (or E2EE_PEPPER_FILE); see docs/vault-api.md. For local"
                        + " development only, SPRING_PROFILES_ACTIVE=dev generates missing keys into .local/dev-keys/.",
                cause);
    }
}
