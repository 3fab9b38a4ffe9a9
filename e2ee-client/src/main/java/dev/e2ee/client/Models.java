package dev.e2ee.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The values the client returns. Prompt text and results are held as given; {@code toString} never prints them. */
public final class Models {

    private Models() {}

    /** An access token and when it expires. */
    public record Token(String accessToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    /** A stored prompt without its text (what creation, updates and lists answer). */
    public record PromptInfo(String id, int version, String status, Map<String, Object> metadata) {}

    /** A prompt with its text. */
    public record Prompt(String id, int version, String status, String text, Map<String, Object> metadata) {
        @Override
        public String toString() {
            return "Prompt[id=" + id + ", version=" + version + ", status=" + status + ", text=" + text.length()
                    + " chars]";
        }
    }

    /** One page of prompts. */
    public record PromptPage(List<PromptInfo> prompts, int page, int totalPages, long total) {}

    /** An envelope issued by the vault, as JSON, after its signature was checked against the vault's JWK Set. */
    public record IssuedEnvelope(String id, String promptId, String json) {
        @Override
        public String toString() {
            return "IssuedEnvelope[id=" + id + ", promptId=" + promptId + "]";
        }
    }

    /** A processed prompt: the body in the format asked for, and the parsed fields when it was JSON. */
    public record ProcessResult(String id, String result, String contentType, String body) {
        @Override
        public String toString() {
            return "ProcessResult[id=" + id + ", contentType=" + contentType + ", body=" + body.length() + " chars]";
        }
    }

    /** An accepted asynchronous job: poll {@link E2eeClient#response(String)} with its id. */
    public record Accepted(String id) {}

    /** A conversation session. */
    public record SessionInfo(String id, Instant createdAt, Instant expiresAt, int turns) {}
}
