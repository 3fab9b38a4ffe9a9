package dev.e2ee.vault.envelope;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the envelope API. */
final class EnvelopeRequests {

    private EnvelopeRequests() {}

    /**
     * @param receiverPublicKeyId optional kid or label of one of the receiver's known keys (never a key)
     * @param expiresAt optional RFC 3339 instant in the future, within the maximum lifetime (default: now + 1 h)
     * @param audience optional principal (its {@code sub}) that alone may open the envelope (default: the caller)
     * @param metadata optional object sealed inside the envelope (confidential and authenticated)
     */
    record CreateEnvelopeRequest(
            @NotNull UUID promptId,
            @NotEmpty @Size(max = 255) String secret,
            @Size(min = 1, max = 128) String receiverPublicKeyId,
            Instant expiresAt,

            @Size(min = 1, max = 255) @Pattern(regexp = "[^\\p{Cc}]*")
            String audience,

            Map<String, Object> metadata) {

        @Override
        public String toString() {
            return "CreateEnvelopeRequest[promptId=" + promptId + ", secret=***]";
        }
    }
}
