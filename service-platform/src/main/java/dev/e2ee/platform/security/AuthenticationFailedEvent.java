package dev.e2ee.platform.security;

/**
 * Published (synchronously, as a Spring application event) on every 401 the platform answers. The reason is
 * for the audit log only and never reaches the client: {@code missing_credentials}, {@code invalid_token},
 * {@code invalid_api_key}. Listen with {@code @EventListener}; a listener failure is logged and does not change
 * the 401.
 */
public record AuthenticationFailedEvent(
        String requestId, String clientAddress, String method, String path, String reason) {}
