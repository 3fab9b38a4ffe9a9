package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.StrictBase64;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of an envelope (docs/envelope-format.md#json-shape). {@link #parse} is strict: exactly the 15 fields, plus the optional
 * {@code audience} (a non-empty string when present, never null), with the right JSON types, no duplicates, canonical lower-case UUIDs, millisecond RFC 3339 UTC timestamps, strict base64, IV 12 and tag
 * 16 bytes, RSA-sized key and signature, at most 1 MiB in total; anything else is
 * {@link RejectionReason#MALFORMED}.
 */
public final class EnvelopeJson {

    public static final int MAX_BYTES = 1024 * 1024;
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** The 15 wire field names of docs/envelope-format.md#json-shape, in wire order. */
    public static final List<String> FIELDS = List.of(
            "version",
            "id",
            "promptId",
            "algorithm",
            "keyAlgorithm",
            "signatureAlgorithm",
            "receiverPublicKeyId",
            "senderPrivateKeyId",
            "createdAt",
            "expiresAt",
            "iv",
            "encryptedKey",
            "encryptedData",
            "authTag",
            "signature");

    /** The optional field of docs/envelope-format.md#audience-and-lifetime, written after {@code expiresAt} when the envelope has one. */
    public static final String AUDIENCE = "audience";

    private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

    private EnvelopeJson() {}

    public static Envelope parse(String json) {
        if (json == null || utf8Length(json) > MAX_BYTES) {
            throw malformed();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw malformed();
        }
        if (root == null || !root.isObject()) {
            throw malformed();
        }
        int expected = root.has(AUDIENCE) ? FIELDS.size() + 1 : FIELDS.size();
        if (root.size() != expected) {
            throw malformed();
        }
        for (String name : root.propertyNames()) {
            if (!FIELD_SET.contains(name) && !AUDIENCE.equals(name)) {
                throw malformed();
            }
        }
        Envelope envelope = fromTree(root);
        if (!EnvelopeStructure.valid(envelope)) {
            throw malformed();
        }
        return envelope;
    }

    private static Envelope fromTree(JsonNode root) {
        JsonNode version = root.get("version");
        if (!version.isInt() || version.intValue() != Envelope.VERSION) {
            throw malformed();
        }
        JsonNode expiresAt = root.get("expiresAt");
        if (!expiresAt.isNull() && !expiresAt.isString()) {
            throw malformed();
        }
        return new Envelope(
                Envelope.VERSION,
                uuid(root, "id"),
                uuid(root, "promptId"),
                text(root, "algorithm"),
                text(root, "keyAlgorithm"),
                text(root, "signatureAlgorithm"),
                text(root, "receiverPublicKeyId"),
                text(root, "senderPrivateKeyId"),
                text(root, "createdAt"),
                expiresAt.isNull() ? null : expiresAt.stringValue(),
                root.has(AUDIENCE) ? text(root, AUDIENCE) : null,
                binary(root, "iv"),
                binary(root, "encryptedKey"),
                binary(root, "encryptedData"),
                binary(root, "authTag"),
                binary(root, "signature"));
    }

    public static String toJson(Envelope envelope) {
        return JSON.writeValueAsString(toMap(envelope));
    }

    /** The wire fields in wire order (binary fields base64, expiresAt possibly null, audience only when set). */
    public static Map<String, Object> toMap(Envelope envelope) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", envelope.version());
        map.put("id", envelope.id().toString());
        map.put("promptId", envelope.promptId().toString());
        map.put("algorithm", envelope.algorithm());
        map.put("keyAlgorithm", envelope.keyAlgorithm());
        map.put("signatureAlgorithm", envelope.signatureAlgorithm());
        map.put("receiverPublicKeyId", envelope.receiverPublicKeyId());
        map.put("senderPrivateKeyId", envelope.senderPrivateKeyId());
        map.put("createdAt", envelope.createdAt());
        map.put("expiresAt", envelope.expiresAt());
        if (envelope.audience() != null) {
            map.put(AUDIENCE, envelope.audience());
        }
        map.put("iv", StrictBase64.encode(envelope.iv()));
        map.put("encryptedKey", StrictBase64.encode(envelope.encryptedKey()));
        map.put("encryptedData", StrictBase64.encode(envelope.encryptedData()));
        map.put("authTag", StrictBase64.encode(envelope.authTag()));
        map.put("signature", StrictBase64.encode(envelope.signature()));
        return map;
    }

    static UUID canonicalUuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(JsonNode root, String field) {
        UUID uuid = canonicalUuid(text(root, field));
        if (uuid == null) {
            throw malformed();
        }
        return uuid;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw malformed();
        }
        return node.stringValue();
    }

    private static byte[] binary(JsonNode root, String field) {
        try {
            return StrictBase64.decode(text(root, field));
        } catch (CryptoException e) {
            throw malformed();
        }
    }

    private static int utf8Length(String json) {
        if (json.length() > MAX_BYTES) {
            return json.length();
        }
        return json.length() <= MAX_BYTES / 3 ? json.length() : json.getBytes(StandardCharsets.UTF_8).length;
    }

    private static EnvelopeRejectedException malformed() {
        return new EnvelopeRejectedException(RejectionReason.MALFORMED);
    }
}
