package dev.e2ee.crypto.ehbp;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.hpke.HPKE;

/** The one EHBP suite and its protocol constants. */
public final class Ehbp {

    /** Request header carrying {@code hex(enc)} (64 lowercase hex characters). */
    public static final String ENCAPSULATED_KEY_HEADER = "Ehbp-Encapsulated-Key";
    /** Response header carrying {@code hex(nonce)} (64 lowercase hex characters). */
    public static final String RESPONSE_NONCE_HEADER = "Ehbp-Response-Nonce";
    /** Key discovery path and media type (RFC 9458 §3.2 key configurations). */
    public static final String KEYS_PATH = "/.well-known/hpke-keys";

    public static final String KEYS_MEDIA_TYPE = "application/ohttp-keys";
    /** Problem type of the 422 answer when the request was sealed to a key the server does not hold. */
    public static final String KEY_CONFIG_PROBLEM_TYPE = "urn:ietf:params:ehbp:error:key-config";

    public static final short KEM_ID = HPKE.kem_X25519_SHA256;
    public static final short KDF_ID = HPKE.kdf_HKDF_SHA256;
    public static final short AEAD_ID = HPKE.aead_AES_GCM256;
    /** Size of {@code enc} and of a raw X25519 public key. */
    public static final int ENC_LENGTH = 32;

    public static final int RESPONSE_NONCE_LENGTH = 32;

    static final byte[] REQUEST_INFO = "ehbp request".getBytes(StandardCharsets.US_ASCII);
    static final byte[] RESPONSE_EXPORT_LABEL = "ehbp response".getBytes(StandardCharsets.US_ASCII);

    private Ehbp() {}

    /** A fresh HPKE instance of the suite (instances are cheap and not shared across threads). */
    static HPKE hpke() {
        return new HPKE(HPKE.mode_base, KEM_ID, KDF_ID, AEAD_ID);
    }
}
