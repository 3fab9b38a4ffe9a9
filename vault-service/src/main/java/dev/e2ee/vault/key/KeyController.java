package dev.e2ee.vault.key;
import dev.e2ee.vault.atrest.SearchIndexRebuildService;
import dev.e2ee.vault.atrest.KekRewrapService;
import dev.e2ee.vault.signing.SigningKeyRotation;
import dev.e2ee.vault.signing.SigningKeys;

import dev.e2ee.platform.ApiException;
import dev.e2ee.vault.key.KeyMetadataStore.KeyMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/keys")
@Tag(
        name = "Keys",
        description = "Public JWK Set; admin: key metadata, signing-key rotation and retirement, KEK re-wrap")
class KeyController {

    static final String KID = "[A-Za-z0-9_-]{1,128}";

    /** Optional body of a rotation: which loaded key to promote (default: the first listed). */
    record RotateRequest(@Pattern(regexp = KID) String kid) {}

    private final KeyService keys;
    private final KeyMetadataStore metadata;
    private final KekRewrapService rewrap;
    private final SearchIndexRebuildService searchIndex;
    private final SigningKeyRotation rotation;

    KeyController(
            KeyService keys,
            KeyMetadataStore metadata,
            KekRewrapService rewrap,
            SearchIndexRebuildService searchIndex,
            SigningKeyRotation rotation) {
        this.keys = keys;
        this.metadata = metadata;
        this.rewrap = rewrap;
        this.searchIndex = searchIndex;
        this.rotation = rotation;
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
    @Operation(
            summary = "Admin: promote a loaded vault-sign key (body {\"kid\"}, default the first listed in"
                    + " SENDER_PRIVATE_KEY_PATH) to primary on every instance; the previous primary stays published")
    Map<String, Object> rotate(@PathVariable String name, @Valid @RequestBody(required = false) RotateRequest request) {
        requireSigningKeys(name);
        SigningKeyRotation.Rotated rotated = rotation.rotate(request == null ? null : request.kid());
        return Map.of("name", name, "kid", rotated.kid(), "status", "primary", "previousKid", rotated.previousKid());
    }

    @PostMapping("/{name}/{kid}/retire")
    @Operation(summary = "Admin: retire a non-primary vault-sign key: no longer published nor accepted anywhere")
    Map<String, Object> retire(@PathVariable String name, @PathVariable @Pattern(regexp = KID) String kid) {
        requireSigningKeys(name);
        rotation.retire(kid);
        return Map.of("name", name, "kid", kid, "status", "retired");
    }

    private static void requireSigningKeys(String name) {
        if (!SigningKeys.NAME.equals(name)) {
            throw new NotRotatableException(name);
        }
    }

    @PostMapping("/kek/rewrap")
    @Operation(summary = "Admin: re-wrap stored DEKs to the current KEK in batches; reports progress")
    KekRewrapService.Progress rewrap(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int batchSize,
            @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int maxBatches) {
        return rewrap.run(batchSize, maxBatches);
    }

    @PostMapping("/blind-index/rebuild")
    @Operation(
            summary = "Admin: rebuild search tokens written under the shared blind-index key as per-owner tokens, in"
                    + " batches; reports progress")
    SearchIndexRebuildService.Progress rebuildSearchIndex(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int batchSize,
            @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int maxBatches) {
        return searchIndex.run(batchSize, maxBatches);
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
                        default -> "Only vault-sign can be rotated or retired.";
                    });
        }
    }
}
