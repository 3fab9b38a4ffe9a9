package dev.e2ee.crypto.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What an envelope carries confidentially: {@code {"promptId", "promptText", "metadata"}} (docs/envelope-format.md#json-shape). */
public record EnvelopeContent(UUID promptId, String promptText, Map<String, Object> metadata) {

    public EnvelopeContent {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(promptText, "promptText");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public String toString() {
        return "EnvelopeContent[promptId=" + promptId + ", promptText=" + promptText.length() + " chars, metadata="
                + metadata.size() + " entries]";
    }
}
