package dev.e2ee.prs.envelope;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/envelopes/decrypt}. {@code envelope} is the v2 envelope object (or the vault's envelope
 * response, whose extra {@code status} is ignored). The original design let the caller name the server's keys;
 * those legacy fields are accepted for compatibility and <strong>ignored</strong>: keys are chosen by the server
 * from the envelope's own kids. Any other unknown field is a 400.
 */
record DecryptRequest(
        @NotNull @Schema(description = "The v2 envelope issued by the vault", implementation = Object.class)
        JsonNode envelope,

        @Schema(hidden = true) @Deprecated String privateKeyId,
        @Schema(hidden = true) @Deprecated String publicKeyId,
        @Schema(hidden = true) @Deprecated String receiverPrivateKeyId,
        @Schema(hidden = true) @Deprecated String senderPublicKeyId) {

    @Override
    public String toString() {
        return "DecryptRequest[envelope]";
    }
}
