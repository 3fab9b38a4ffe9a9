package dev.e2ee.vault.signing;

import dev.e2ee.platform.ApiException;
import dev.e2ee.vault.key.KeyMetadataStore;
import dev.e2ee.vault.receiver.ReceiverKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: signing-key rotation and retirement under {@code /api/v1/keys/{name}}; only vault-sign can be rotated. */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "Keys")
class SigningKeyController {

    static final String KID = "[A-Za-z0-9_-]{1,128}";

    /** Optional body of a rotation: which loaded key to promote (default: the first listed). */
    record RotateRequest(@Pattern(regexp = KID) String kid) {}

    private final SigningKeyRotation rotation;

    SigningKeyController(SigningKeyRotation rotation) {
        this.rotation = rotation;
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

    static final class NotRotatableException extends ApiException {
        NotRotatableException(String name) {
            super(
                    HttpStatus.CONFLICT,
                    "KEY_NOT_ROTATABLE",
                    "Key not rotatable here",
                    switch (name) {
                        case KeyMetadataStore.KEK ->
                            "KEKs come from configuration: put the new KEK first in E2EE_KEK,"
                                    + " restart, then POST /api/v1/keys/kek/rewrap.";
                        case ReceiverKeys.NAME -> "Receiver keys are rotated by the prompt-response service.";
                        default -> "Only vault-sign can be rotated or retired.";
                    });
        }
    }
}
