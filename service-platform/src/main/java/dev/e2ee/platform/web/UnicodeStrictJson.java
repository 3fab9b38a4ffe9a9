package dev.e2ee.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * I-JSON (RFC 7493 §2.1) for every request body: a JSON string, property names included, must not contain a lone
 * surrogate (an unpaired {@code \ud800}, which would be stored as {@code ?}) or a Unicode noncharacter. The module
 * replaces the String value and key deserializers, which Jackson also uses for strings inside untyped
 * {@code Map<String, Object>} values (metadata), lists and records; a violation is an input mismatch, which Spring
 * turns into a 400 {@code MALFORMED_REQUEST} problem before any controller runs.
 */
final class UnicodeStrictJson {

    private UnicodeStrictJson() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("e2ee-i-json-strings");
        module.addDeserializer(String.class, new ValidatingStringDeserializer());
        module.addKeyDeserializer(String.class, new ValidatingKeyDeserializer());
        return module;
    }

    /** Whether {@code text} is a sequence of Unicode scalar values none of which is a noncharacter. */
    static boolean isValid(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                if (isNoncharacter(Character.toCodePoint(c, text.charAt(++i)))) {
                    return false;
                }
            } else if (Character.isLowSurrogate(c) || isNoncharacter(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static final class ValidatingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && !isValid(value)) {
                // The message never carries the value: exception messages reach logs.
                return context.reportInputMismatch(this, "invalid Unicode in a JSON string (I-JSON)");
            }
            return value;
        }
    }

    private static final class ValidatingKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            if (key != null && !isValid(key)) {
                return context.reportInputMismatch(String.class, "invalid Unicode in a JSON property name (I-JSON)");
            }
            return key;
        }
    }
}
