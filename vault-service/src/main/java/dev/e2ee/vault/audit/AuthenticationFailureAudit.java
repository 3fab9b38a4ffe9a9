package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.AuthenticationFailedEvent;
import dev.e2ee.vault.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Records every 401 the platform answers (and every refused token exchange) as an audit row. */
@Component
class AuthenticationFailureAudit {

    private final AuditRecorder recorder;
    private final JsonMapper json;
    private final Clock clock;

    AuthenticationFailureAudit(AuditRecorder recorder, JsonMapper json, ObjectProvider<Clock> clock) {
        this.recorder = recorder;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @EventListener
    void on(AuthenticationFailedEvent event) {
        recorder.insert(new AuditRow(
                TimeOrderedIds.next(),
                Instant.now(clock),
                "auth.failed",
                AuditOutcome.FAILURE,
                null,
                event.requestId(),
                event.clientAddress(),
                "http",
                truncate(event.method() + " " + event.path()),
                event.reason(),
                json.writeValueAsString(java.util.Map.of()),
                "vault"));
    }

    private static String truncate(String value) {
        return value.length() > 128 ? value.substring(0, 128) : value;
    }
}
