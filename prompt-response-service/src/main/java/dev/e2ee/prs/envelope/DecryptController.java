package dev.e2ee.prs.envelope;

import dev.e2ee.platform.security.E2eePrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Opens an envelope and returns its plaintext to the (user or admin) caller. */
@RestController
@Tag(name = "envelopes")
class DecryptController {

    private final EnvelopeOpening opening;

    DecryptController(EnvelopeOpening opening) {
        this.opening = opening;
    }

    @PostMapping("/api/v1/envelopes/decrypt")
    @Operation(
            summary = "Verify and open a v2 envelope",
            description = "Every rejection (tampered, untrusted signer, unknown key, expired, malformed) is the same"
                    + " 400 ENVELOPE_REJECTED; a second opening of the same envelope is 409.")
    ResponseEntity<DecryptResponse> decrypt(
            @Valid @RequestBody DecryptRequest request, @AuthenticationPrincipal E2eePrincipal principal) {
        OpenedPrompt opened = opening.open(request.envelope(), principal.subject());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(DecryptResponse.of(opened));
    }
}
