package dev.e2ee.crypto.ehbp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The response key of one exchange: {@code secret = Export("ehbp response", 32)}, {@code prk = HKDF-Extract(enc ‖
 * nonce, secret)}, {@code key = HKDF-Expand(prk, "key", 32)}, {@code iv = HKDF-Expand(prk, "nonce", 12)}; chunk
 * {@code i} is AES-256-GCM under {@code key} with nonce {@code iv XOR i} and empty associated data.
 */
final class ResponseKeys {

    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] iv;

    private ResponseKeys(byte[] key, byte[] iv) {
        this.key = new SecretKeySpec(key, "AES");
        this.iv = iv;
    }

    static ResponseKeys derive(HPKEContext context, byte[] enc, byte[] nonce) {
        byte[] secret = context.export(Ehbp.RESPONSE_EXPORT_LABEL, 32);
        byte[] salt = new byte[enc.length + nonce.length];
        System.arraycopy(enc, 0, salt, 0, enc.length);
        System.arraycopy(nonce, 0, salt, enc.length, nonce.length);
        return new ResponseKeys(expand(secret, salt, "key", 32), expand(secret, salt, "nonce", 12));
    }

    private static byte[] expand(byte[] ikm, byte[] salt, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    byte[] seal(byte[] plaintext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> chunks = ChunkFraming.chunks(plaintext);
        for (int i = 0; i < chunks.size(); i++) {
            ChunkFraming.writeFrame(out, run(Cipher.ENCRYPT_MODE, i, chunks.get(i)));
        }
        return out.toByteArray();
    }

    byte[] open(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> frames = ChunkFraming.frames(body);
        for (int i = 0; i < frames.size(); i++) {
            out.writeBytes(run(Cipher.DECRYPT_MODE, i, frames.get(i)));
        }
        return out.toByteArray();
    }

    private byte[] run(int mode, long sequence, byte[] input) {
        byte[] nonce = iv.clone();
        for (int b = 0; b < 8; b++) {
            nonce[nonce.length - 1 - b] ^= (byte) (sequence >>> (8 * b));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw EhbpException.malformed();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw EhbpException.malformed();
        }
    }
}
