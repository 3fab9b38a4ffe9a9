package dev.e2ee.prs.audit;

import dev.e2ee.platform.security.AuthenticationFailedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the platform's 401s into {@code auth.failed} audit events (the reason stays in the audit log). */
@Component
class AuthFailureAuditor {

    private final AuditPublisher publisher;

    AuthFailureAuditor(AuditPublisher publisher) {
        this.publisher = publisher;
    }

    @EventListener
    void on(AuthenticationFailedEvent event) {
        publisher.publish(AuditEvent.failure(AuditEvent.AUTH_FAILED, "anonymous", event.reason())
                .withRequest(event.requestId(), event.clientAddress()));
    }
}
