package dev.e2ee.vault.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the API-key and token endpoints. */
final class ApiKeyDtos {

    private ApiKeyDtos() {}

    /**
     * @param owner the subject the key acts as (its prompts); defaults to the name
     * @param roles {@code user}, {@code admin}, {@code auditor}
     */
    record CreateApiKeyRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(min = 1, max = 255) String owner,

            @NotEmpty @Size(max = 3)
            List<@Pattern(regexp = "user|admin|auditor", message = "must be user, admin or auditor") String> roles) {}

    /** A key's metadata; {@code key} is present only in the creation response, once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiKeyResponse(
            UUID id,
            String name,
            String owner,
            List<String> roles,
            String key,
            String createdBy,
            Instant createdAt,
            Instant revokedAt) {

        @Override
        public String toString() {
            return "ApiKeyResponse[id=" + id + ", name=" + name + "]";
        }
    }

    /** Optional body of {@code POST /auth/token} when the key is not sent as {@code X-API-Key}. */
    record TokenRequest(@Size(max = 256) String apiKey) {

        @Override
        public String toString() {
            return "TokenRequest[apiKey=***]";
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
