package dev.e2ee.vault.prompt;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Request bodies and query parameters of the prompt API. */
final class PromptRequests {

    private PromptRequests() {}

    record CreatePromptRequest(
            @NotBlank @Size(max = 10_000) String promptText,
            @NotEmpty @Size(max = 255) String secret,
            Map<String, Object> metadata) {

        @Override
        public String toString() {
            return "CreatePromptRequest[promptText=(" + length(promptText) + " chars), secret=***]";
        }
    }

    record UpdatePromptRequest(
            @Size(min = 1, max = 10_000) String promptText,
            Map<String, Object> metadata,

            @Pattern(regexp = "active|inactive", message = "must be active or inactive")
            String status,

            @Min(1) Long version) {

        @Override
        public String toString() {
            return "UpdatePromptRequest[promptText=(" + length(promptText) + " chars), version=" + version + "]";
        }
    }

    /**
     * {@code ?page=1&limit=20&status=&search=&sortBy=createdAt&sortOrder=desc}, or {@code cursor=} (the previous
     * page's {@code pagination.nextCursor}) instead of {@code page}.
     */
    record ListQuery(
            @Min(1) Integer page,
            @Size(max = 200) String cursor,
            @Min(1) @Max(100) Integer limit,

            @Pattern(regexp = "active|inactive", message = "must be active or inactive")
            String status,

            @Size(max = 500) String search,

            @Pattern(regexp = "createdAt|updatedAt", message = "must be createdAt or updatedAt")
            String sortBy,

            @Pattern(regexp = "asc|desc", message = "must be asc or desc")
            String sortOrder) {

        int pageOrDefault() {
            return page == null ? 1 : page;
        }

        int limitOrDefault() {
            return limit == null ? 20 : limit;
        }

        String sortByOrDefault() {
            return sortBy == null ? "createdAt" : sortBy;
        }

        boolean ascending() {
            return "asc".equals(sortOrder);
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
