package dev.e2ee.crypto.atrest;

import java.util.Arrays;
import java.util.Objects;

/** A DEK wrapped by the KEK {@code kekId}. */
public record WrappedKey(String kekId, byte[] wrapped) {

    public WrappedKey {
        Objects.requireNonNull(kekId, "kekId");
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey w && kekId.equals(w.kekId) && Arrays.equals(wrapped, w.wrapped);
    }

    @Override
    public int hashCode() {
        return kekId.hashCode() * 31 + Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
        return "WrappedKey[kekId=" + kekId + ", wrapped=" + wrapped.length + " bytes]";
    }
}
