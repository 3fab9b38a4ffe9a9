package dev.e2ee.vault.web;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Converts the free-form {@code metadata} objects between requests/responses and jsonb columns. */
@Component
public class JsonMetadata {

    /** Largest accepted metadata object, serialised. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    JsonMetadata(JsonMapper json) {
        this.json = json;
    }

    public String write(Map<String, Object> metadata) {
        return json.writeValueAsString(metadata == null ? Map.of() : metadata);
    }

    public Map<String, Object> read(String stored) {
        return stored == null ? Map.of() : json.readValue(stored, MAP);
    }

    public boolean tooLarge(Map<String, Object> metadata) {
        return metadata != null && write(metadata).length() > MAX_BYTES;
    }
}
