package dev.e2ee.prs.session;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.prs.audit.AuditEvent;
import dev.e2ee.prs.audit.AuditPublisher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Conversation sessions; each is visible to its owner only (404 for anyone else). */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "sessions")
class SessionController {

    private final SessionStore sessions;
    private final AuditPublisher audit;

    SessionController(SessionStore sessions, AuditPublisher audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Start a session; pass its id as sessionId to /prompts/process")
    ResponseEntity<SessionView> create(@AuthenticationPrincipal E2eePrincipal principal) {
        audit.publish(AuditEvent.success(AuditEvent.SESSION_CREATE, principal.subject()));
        Session session = sessions.create(principal.subject());
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + session.id()))
                .body(SessionView.of(session, sessions.expiresAt()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Session metadata and number of turns (extends its lifetime)")
    SessionView get(@PathVariable UUID id, @AuthenticationPrincipal E2eePrincipal principal) {
        return SessionView.of(sessions.require(id, principal.subject()), sessions.expiresAt());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "End a session and delete its history")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal E2eePrincipal principal) {
        sessions.require(id, principal.subject());
        audit.publish(AuditEvent.success(AuditEvent.SESSION_DELETE, principal.subject()));
        sessions.delete(id, principal.subject());
        return ResponseEntity.noContent().build();
    }

    /** {@code {id, createdAt, expiresAt, turns}}. */
    record SessionView(UUID id, Instant createdAt, Instant expiresAt, int turns) {

        static SessionView of(Session session, Instant expiresAt) {
            return new SessionView(
                    session.id(),
                    session.createdAt(),
                    expiresAt,
                    session.turns().size());
        }
    }
}
