package dev.e2ee.vault.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public health endpoints: overall, liveness (the process runs) and readiness (PostgreSQL reachable, and the
 * application accepts traffic: not while the start-up warm-up runs or during shutdown).
 */
@RestController
@RequestMapping("/api/v1/health")
@Tag(name = "Health")
class HealthController {

    private final HealthChecks checks;
    private final ApplicationAvailability availability;

    HealthController(HealthChecks checks, ApplicationAvailability availability) {
        this.checks = checks;
        this.availability = availability;
    }

    @GetMapping
    @Operation(summary = "Overall health with checks of database, redis and keys; 503 when unhealthy")
    ResponseEntity<HealthChecks.Report> health() {
        HealthChecks.Report report = checks.report();
        return ResponseEntity.status(report.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(report);
    }

    @GetMapping("/live")
    @Operation(summary = "Liveness: the process answers")
    Map<String, String> live() {
        return Map.of("status", "healthy");
    }

    @GetMapping("/ready")
    @Operation(summary = "Readiness: 503 when PostgreSQL is unreachable or the service is warming up or stopping")
    ResponseEntity<HealthChecks.Report> ready() {
        HealthChecks.Report report = checks.readiness();
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            report = report.refusingTraffic();
        }
        return ResponseEntity.status(report.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(report);
    }
}
