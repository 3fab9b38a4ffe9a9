package dev.e2ee.prs.processing;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code options} of a process request. {@code format}: {@code json} (default), {@code xml} or {@code text};
 * {@code includeMetadata} (default true); {@code async}; {@code model} overrides the configured model;
 * {@code temperature} and {@code maxTokens} are passed to an LLM processor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessOptions(
        @Pattern(regexp = "json|xml|text", message = "must be json, xml or text")
        String format,

        Boolean includeMetadata,
        Boolean async,

        @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "invalid model name")
        String model,

        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Min(1) @Max(32768) Integer maxTokens) {

    public static ProcessOptions defaults() {
        return new ProcessOptions(null, null, null, null, null, null);
    }

    public boolean asyncRequested() {
        return Boolean.TRUE.equals(async);
    }

    public boolean metadataIncluded() {
        return !Boolean.FALSE.equals(includeMetadata);
    }

    /** The options that can change a processor's result (used for the cache key). */
    public String resultAffectingPart() {
        return "temperature=" + temperature + ";maxTokens=" + maxTokens;
    }
}
