package dev.e2ee.vault.key;

import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.platform.ApiException;
import dev.e2ee.vault.key.KeyMetadataStore.KeyMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "Keys", description = "Public JWK Set; admin: key metadata, rotation, KEK re-wrap")
class KeyController {

    private final KeyService keys;
    private final KeyMetadataStore metadata;
    private final KekRewrapService rewrap;

    KeyController(KeyService keys, KeyMetadataStore metadata, KekRewrapService rewrap) {
        this.keys = keys;
        this.metadata = metadata;
        this.rewrap = rewrap;
    }

    @GetMapping(
            value = "/jwks.json",
            produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Public: vault signing keys and the receiver keys it encrypts to (RFC 7517)")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.jwks());
    }

    @GetMapping
    @Operation(summary = "Admin: key metadata (never key material)")
    List<KeyMetadata> list() {
        return metadata.all();
    }

    @PostMapping("/{name}/rotate")
    @Operation(summary = "Admin: rotate vault-sign (new in-memory primary; old keys stay published until retired)")
    Map<String, Object> rotate(@PathVariable String name) {
        if (!SigningKeys.NAME.equals(name)) {
            throw new NotRotatableException(name);
        }
        Keyring.Version<KeyPair> primary = keys.rotateSigningKey();
        return Map.of("name", name, "kid", primary.kid(), "label", primary.label(), "status", "primary");
    }

    @PostMapping("/kek/rewrap")
    @Operation(summary = "Admin: re-wrap stored DEKs to the current KEK in batches; reports progress")
    KekRewrapService.Progress rewrap(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int batchSize,
            @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int maxBatches) {
        return rewrap.run(batchSize, maxBatches);
    }

    static final class NotRotatableException extends ApiException {
        NotRotatableException(String name) {
            super(
                    HttpStatus.CONFLICT,
                    "KEY_NOT_ROTATABLE",
                    "Key not rotatable here",
                    switch (name) {
                        case KeyService.KEK ->
                            "KEKs come from configuration: put the new KEK first in E2EE_KEK,"
                                    + " restart, then POST /api/v1/keys/kek/rewrap.";
                        case KeyService.RECEIVER -> "Receiver keys are rotated by the prompt-response service.";
                        default -> "Only vault-sign can be rotated.";
                    });
        }
    }
}
