package dev.e2ee.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The sealed plaintext: UTF-8 JSON {@code {"promptId": "...", "promptText": "...", "metadata": {...}}}. */
final class ContentJson {

    private static final Set<String> FIELDS = Set.of("promptId", "promptText", "metadata");

    private ContentJson() {}

    static byte[] toBytes(EnvelopeContent content) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("promptId", content.promptId().toString());
        map.put("promptText", content.promptText());
        map.put("metadata", content.metadata());
        return EnvelopeJson.JSON.writeValueAsBytes(map);
    }

    /** The content, or null when the bytes are not exactly that object. */
    static EnvelopeContent fromBytes(byte[] bytes) {
        JsonNode root;
        try {
            root = EnvelopeJson.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return null;
        }
        if (root == null
                || !root.isObject()
                || root.size() != FIELDS.size()
                || !FIELDS.containsAll(root.propertyNames())) {
            return null;
        }
        JsonNode promptId = root.get("promptId");
        JsonNode promptText = root.get("promptText");
        JsonNode metadata = root.get("metadata");
        UUID id = promptId.isString() ? EnvelopeJson.canonicalUuid(promptId.stringValue()) : null;
        if (id == null || !promptText.isString() || !(metadata.isObject() || metadata.isNull())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values =
                metadata.isNull() ? Map.of() : EnvelopeJson.JSON.treeToValue(metadata, LinkedHashMap.class);
        return new EnvelopeContent(id, promptText.stringValue(), values);
    }
}
