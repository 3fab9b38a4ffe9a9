package dev.e2ee.prs.health;

import dev.e2ee.prs.key.ReceiverKeys;
import dev.e2ee.prs.key.TrustedSigners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public probes. {@code /health} and {@code /health/ready}: healthy (200) when Redis answers and keys are loaded
 * (a receiver key and at least one trusted vault signing key) and the application accepts traffic (not while the
 * start-up warm-up runs or during shutdown), else 503; {@code /health/live}: the process runs.
 */
@RestController
@RequestMapping("/api/v1/health")
@Tag(name = "health")
class HealthController {

    private static final String SERVICE = "prompt-response-service";

    private final StringRedisTemplate redis;
    private final ReceiverKeys receiverKeys;
    private final TrustedSigners signers;
    private final String version;
    private final Clock clock;
    private final ApplicationAvailability availability;

    HealthController(
            StringRedisTemplate redis,
            ReceiverKeys receiverKeys,
            TrustedSigners signers,
            ObjectProvider<BuildProperties> build,
            Clock clock,
            ApplicationAvailability availability) {
        this.availability = availability;
        this.redis = redis;
        this.receiverKeys = receiverKeys;
        this.signers = signers;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "dev";
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Health with checks (503 when not ready)")
    ResponseEntity<Map<String, Object>> health() {
        return ready();
    }

    @GetMapping("/ready")
    @Operation(summary = "Readiness: Redis reachable and keys loaded (503 otherwise)")
    ResponseEntity<Map<String, Object>> ready() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("redis", redisUp() ? "up" : "down");
        checks.put("keys", receiverKeys.size() > 0 && signers.hasKeys() ? "loaded" : "missing");
        boolean accepting = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        checks.put("traffic", accepting ? "accepting" : "refusing");
        boolean healthy = accepting && "up".equals(checks.get("redis")) && "loaded".equals(checks.get("keys"));
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body(healthy, checks));
    }

    @GetMapping("/live")
    @Operation(summary = "Liveness: the process is running")
    Map<String, Object> live() {
        return body(true, Map.of());
    }

    private boolean redisUp() {
        try {
            return "PONG".equalsIgnoreCase(redis.execute(connection -> connection.ping(), true));
        } catch (DataAccessException e) {
            return false;
        }
    }

    private Map<String, Object> body(boolean healthy, Map<String, Object> checks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("service", SERVICE);
        body.put("version", version);
        body.put("timestamp", Instant.now(clock).toString());
        if (!checks.isEmpty()) {
            body.put("checks", checks);
        }
        return body;
    }
}
