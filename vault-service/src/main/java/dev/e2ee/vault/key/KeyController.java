package dev.e2ee.vault.key;

import dev.e2ee.vault.key.KeyMetadataStore.KeyMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public JWK Set and the key inventory; rotation lives with each key's feature (signing, at-rest). */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(
        name = "Keys",
        description = "Public JWK Set; admin: key metadata, signing-key rotation and retirement, KEK re-wrap")
class KeyController {

    private final KeyService keys;
    private final KeyMetadataStore metadata;

    KeyController(KeyService keys, KeyMetadataStore metadata) {
        this.keys = keys;
        this.metadata = metadata;
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
}
