package dev.e2ee.prs.key;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes this service's envelope-receiver public keys (public endpoint). */
@RestController
@Tag(name = "keys")
class JwksController {

    private final ReceiverKeys keys;

    JwksController(ReceiverKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/api/v1/keys/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "JWK Set of the receiver public keys (primary first) the vault encrypts envelopes to")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicKeys().toMap());
    }
}
