package dev.e2ee.vault.web;

import java.util.Locale;

/** An enum shown in the API and stored in its column as its lower-case name ({@code ACTIVE} ↔ {@code "active"}). */
public interface WireValue {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is {@code value}; an unknown value is an {@link IllegalArgumentException}. */
    static <E extends Enum<E> & WireValue> E fromWire(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " value");
    }
}
