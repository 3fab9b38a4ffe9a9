package dev.e2ee.platform.it;

import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.web.RequestContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TestController {

    record Thing(@NotBlank String name, @Size(max = 10) String note) {}

    @GetMapping("/api/v1/health/ping")
    Map<String, Object> ping() {
        return Map.of("ok", true, "requestId", RequestContext.current().requestId());
    }

    /** Whether this request runs on a virtual thread (Thread::isVirtual, Java 21+; the code compiles for 17). */
    @GetMapping("/api/v1/health/thread")
    Map<String, Object> thread() throws ReflectiveOperationException {
        boolean virtual = Runtime.version().feature() >= 21
                && (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
        return Map.of("virtual", virtual);
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me() {
        E2eePrincipal principal = CurrentPrincipal.require();
        return Map.of(
                "subject", principal.subject(),
                "roles",
                        principal.roles().stream()
                                .map(r -> r.claimValue())
                                .sorted()
                                .toList(),
                "method", principal.method().name());
    }

    @GetMapping("/api/v1/admin/stats")
    Map<String, Object> adminStats() {
        return Map.of("ok", true);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @GetMapping("/api/v1/audit/entries")
    Map<String, Object> auditEntries() {
        return Map.of("ok", true);
    }

    @PostMapping("/api/v1/things")
    ResponseEntity<Thing> create(@Valid @RequestBody Thing thing) {
        return ResponseEntity.status(HttpStatus.CREATED).body(thing);
    }

    @GetMapping("/api/v1/things")
    Map<String, Object> list(@org.springframework.web.bind.annotation.RequestParam int page) {
        return Map.of("page", page);
    }

    @PostMapping("/api/v1/limited")
    Map<String, Object> limited() {
        return Map.of("ok", true);
    }

    @GetMapping("/api/v1/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("SELECT secret FROM internals");
    }

    @GetMapping("/api/v1/database-down")
    Map<String, Object> databaseDown() {
        throw new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open JPA EntityManager: Connection to db.internal:5432 refused");
    }

    @GetMapping("/api/v1/connection-lost")
    Map<String, Object> connectionLost() {
        // The shape seen when PostgreSQL goes away inside a transaction: the rollback fails on the pool's closed
        // connection, whose SQLException carries no SQLState; the driver's I/O error is not in the chain.
        java.sql.SQLException closed = new java.sql.SQLException("Connection is closed");
        throw new IllegalStateException("Unable to rollback against JDBC Connection", closed);
    }

    @GetMapping("/api/v1/conflict")
    Map<String, Object> conflict() {
        throw new ThingConflictException();
    }

    static final class ThingConflictException extends ApiException {
        ThingConflictException() {
            super(HttpStatus.CONFLICT, "THING_CONFLICT", "Thing conflict", "The thing changed meanwhile.");
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.add("X-Thing", "changed");
            return headers;
        }
    }
}
