package dev.e2ee.crypto.ehbp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The body framing of EHBP: a series of {@code LEN (4 bytes, big-endian) ‖ ciphertext}; the body ends where the
 * HTTP body ends. Frames longer than {@link #MAX_FRAME} or a truncated frame are malformed.
 */
final class ChunkFraming {

    /** Plaintext chunk size used when sealing (ciphertext adds the 16-byte tag). */
    static final int CHUNK = 64 * 1024;
    /** Largest accepted ciphertext frame: bounds what one length prefix can make the reader allocate. */
    static final int MAX_FRAME = 1024 * 1024 + 16;

    private ChunkFraming() {}

    static void writeFrame(ByteArrayOutputStream out, byte[] ciphertext) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(ciphertext.length).array());
        out.writeBytes(ciphertext);
    }

    /** The ciphertext frames of {@code body}, or {@link EhbpException} (malformed) if the framing is broken. */
    static List<byte[]> frames(byte[] body) {
        List<byte[]> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.hasRemaining()) {
            if (in.remaining() < 4) {
                throw EhbpException.malformed();
            }
            int length = in.getInt();
            if (length < 0 || length > MAX_FRAME || length > in.remaining()) {
                throw EhbpException.malformed();
            }
            if (length == 0) {
                continue;
            }
            byte[] frame = new byte[length];
            in.get(frame);
            frames.add(frame);
        }
        return frames;
    }

    /** Splits a plaintext into sealing chunks; zero-length chunks are skipped, so an empty plaintext has none. */
    static List<byte[]> chunks(byte[] plaintext) {
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < plaintext.length; offset += CHUNK) {
            int end = Math.min(plaintext.length, offset + CHUNK);
            byte[] chunk = new byte[end - offset];
            System.arraycopy(plaintext, offset, chunk, 0, chunk.length);
            chunks.add(chunk);
        }
        return chunks;
    }
}
