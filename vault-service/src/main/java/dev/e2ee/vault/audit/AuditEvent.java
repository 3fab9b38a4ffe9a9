package dev.e2ee.vault.audit;

import java.util.Map;

/**
 * What a feature did, for its success audit row: the action ({@code prompt.create}), the resource and details that
 * name no sensitive value. The audit package adds who, when and which request ({@link AuditRecorder#pending}).
 */
public record AuditEvent(String action, String resourceType, Object resourceId, Map<String, ?> details) {

    public AuditEvent {
        details = Map.copyOf(details);
    }
}
