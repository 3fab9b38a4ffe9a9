package dev.e2ee.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * PASETO pre-authentication encoding: {@code LE64(n) ‖ LE64(len(p1)) ‖ p1 ‖ … ‖ LE64(len(pn)) ‖ pn}, where LE64 is
 * the unsigned 64-bit little-endian length with the top bit cleared. Strings are encoded as UTF-8.
 */
public final class Pae {

    private Pae() {}

    public static byte[] encode(byte[]... parts) {
        Objects.requireNonNull(parts, "parts");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 8 * parts.length + totalLength(parts));
        writeLe64(out, parts.length);
        for (byte[] part : parts) {
            Objects.requireNonNull(part, "part");
            writeLe64(out, part.length);
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] encode(String... parts) {
        Objects.requireNonNull(parts, "parts");
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = Objects.requireNonNull(parts[i], "part").getBytes(StandardCharsets.UTF_8);
        }
        return encode(bytes);
    }

    private static int totalLength(byte[][] parts) {
        long total = 0;
        for (byte[] part : parts) {
            total += part == null ? 0 : part.length;
        }
        return (int) Math.min(total, Integer.MAX_VALUE - 64);
    }

    private static void writeLe64(ByteArrayOutputStream out, long value) {
        long v = value & Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            out.write((int) (v & 0xff));
            v >>>= 8;
        }
    }
}
