package dev.e2ee.crypto.ehbp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMParser;

/**
 * The server side: the origin's X25519 private keys (current first, older ones still accepted), their key
 * configurations, and the opening of encrypted request bodies. Immutable and thread-safe.
 */
public final class RequestOpener {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<AsymmetricCipherKeyPair> keys;
    private final List<KeyConfig> configs;

    private RequestOpener(List<AsymmetricCipherKeyPair> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one HPKE private key is required");
        }
        this.keys = List.copyOf(keys);
        List<KeyConfig> published = new ArrayList<>();
        for (AsymmetricCipherKeyPair key : keys) {
            published.add(KeyConfig.of(Ehbp.hpke().serializePublicKey(key.getPublic())));
        }
        this.configs = List.copyOf(published);
    }

    /** From PKCS#8 PEM X25519 private keys ({@code openssl genpkey -algorithm X25519}), current first. */
    public static RequestOpener fromPkcs8Pem(List<String> pems) {
        List<AsymmetricCipherKeyPair> keys = new ArrayList<>();
        for (String pem : pems) {
            keys.add(keyPair(pem));
        }
        return new RequestOpener(keys);
    }

    /** From raw 32-byte X25519 private keys, current first (tests and key generation). */
    public static RequestOpener fromRawPrivateKeys(List<byte[]> privateKeys) {
        List<AsymmetricCipherKeyPair> keys = new ArrayList<>();
        for (byte[] raw : privateKeys) {
            X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(raw, 0);
            keys.add(new AsymmetricCipherKeyPair(key.generatePublicKey(), key));
        }
        return new RequestOpener(keys);
    }

    private static AsymmetricCipherKeyPair keyPair(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof PrivateKeyInfo info
                    && PrivateKeyFactory.createKey(info) instanceof X25519PrivateKeyParameters key) {
                return new AsymmetricCipherKeyPair(key.generatePublicKey(), key);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 PEM X25519 private key");
        }
        throw new IllegalArgumentException("not a PKCS#8 PEM X25519 private key");
    }

    /** The published configurations, current key first. */
    public List<KeyConfig> configs() {
        return configs;
    }

    /** The {@code application/ohttp-keys} body. */
    public byte[] keysBody() {
        return KeyConfig.encodeList(configs);
    }

    /**
     * Opens a request body sealed to one of the keys.
     *
     * @param encapsulatedKeyHex the {@code Ehbp-Encapsulated-Key} header
     * @throws EhbpException {@link EhbpException#keyConfig()} when the first chunk opens under none of the keys;
     *     malformed for anything else
     */
    public OpenedRequest open(String encapsulatedKeyHex, byte[] body) {
        byte[] enc = parseHex(encapsulatedKeyHex, Ehbp.ENC_LENGTH);
        List<byte[]> frames = ChunkFraming.frames(body);
        if (frames.isEmpty()) {
            return new OpenedRequest(enc, setup(enc, keys.get(0)), new byte[0]);
        }
        for (AsymmetricCipherKeyPair key : keys) {
            HPKEContext context = setup(enc, key);
            byte[] first;
            try {
                first = context.open(new byte[0], frames.get(0));
            } catch (InvalidCipherTextException e) {
                continue;
            }
            return new OpenedRequest(enc, context, rest(context, first, frames));
        }
        throw EhbpException.unknownKey();
    }

    private static HPKEContext setup(byte[] enc, AsymmetricCipherKeyPair key) {
        try {
            return Ehbp.hpke().setupBaseR(enc, key, Ehbp.REQUEST_INFO);
        } catch (RuntimeException e) { // e.g. a low-order point: the DH output is all zero
            throw EhbpException.malformed();
        }
    }

    private static byte[] rest(HPKEContext context, byte[] first, List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        for (int i = 1; i < frames.size(); i++) {
            try {
                out.writeBytes(context.open(new byte[0], frames.get(i)));
            } catch (InvalidCipherTextException e) {
                throw EhbpException.malformed();
            }
        }
        return out.toByteArray();
    }

    static byte[] parseHex(String hex, int length) {
        if (hex == null || hex.length() != 2 * length || !hex.chars().allMatch(RequestOpener::lowerHex)) {
            throw EhbpException.malformed();
        }
        return HexFormat.of().parseHex(hex);
    }

    private static boolean lowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** A request opened by the server: its plaintext and the means to seal the response. */
    public static final class OpenedRequest {

        private final byte[] enc;
        private final HPKEContext context;
        private final byte[] plaintext;

        private OpenedRequest(byte[] enc, HPKEContext context, byte[] plaintext) {
            this.enc = enc;
            this.context = context;
            this.plaintext = plaintext;
        }

        public byte[] plaintext() {
            return plaintext.clone();
        }

        /** Seals a response body under a fresh nonce. */
        public SealedResponse sealResponse(byte[] responsePlaintext) {
            byte[] nonce = new byte[Ehbp.RESPONSE_NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            byte[] body = ResponseKeys.derive(context, enc, nonce).seal(responsePlaintext);
            return new SealedResponse(HexFormat.of().formatHex(nonce), body);
        }

        @Override
        public String toString() {
            return "OpenedRequest[" + plaintext.length + " bytes]";
        }
    }

    /** A sealed response: the {@code Ehbp-Response-Nonce} header value and the framed body. */
    public record SealedResponse(String nonceHex, byte[] body) {

        public SealedResponse {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return "SealedResponse[" + body.length + " bytes]";
        }
    }
}
