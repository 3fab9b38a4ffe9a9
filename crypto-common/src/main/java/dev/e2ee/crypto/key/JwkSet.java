package dev.e2ee.crypto.key;

import dev.e2ee.crypto.KeyValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A JWK Set (RFC 7517 §5) of RSA public keys: {@code {"keys":[…]}}. */
public record JwkSet(List<Jwk> keys) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JwkSet {
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    }

    public Optional<Jwk> find(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    public Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>(keys.size());
        for (Jwk key : keys) {
            list.add(key.toMap());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("keys", list);
        return map;
    }

    public String toJson() {
        return JSON.writeValueAsString(toMap());
    }

    /** Parses a JWK Set; every member must be a valid RSA public JWK. */
    public static JwkSet parse(String json) {
        Object root;
        try {
            root = JSON.readValue(Objects.requireNonNull(json, "json"), Object.class);
        } catch (JacksonException e) {
            throw new KeyValidationException("JWK Set is not valid JSON");
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("keys") instanceof List<?> list)) {
            throw new KeyValidationException("JWK Set must be an object with a keys array");
        }
        List<Jwk> keys = new ArrayList<>(list.size());
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> member)) {
                throw new KeyValidationException("JWK Set entry is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) member;
            keys.add(Jwk.fromMap(typed));
        }
        return new JwkSet(keys);
    }
}
