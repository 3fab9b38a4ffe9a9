package dev.e2ee.crypto.ehbp;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/** The client side: seals a request body to a server's key configuration and opens the matching response. */
public final class RequestSealer {

    private RequestSealer() {}

    /** Seals {@code plaintext} to {@code config}'s key: a fresh HPKE context per request. */
    public static SealedRequest seal(KeyConfig config, byte[] plaintext) {
        HPKE hpke = Ehbp.hpke();
        HPKEContextWithEncapsulation context =
                hpke.setupBaseS(hpke.deserializePublicKey(config.publicKey()), Ehbp.REQUEST_INFO);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (byte[] chunk : ChunkFraming.chunks(plaintext)) {
                ChunkFraming.writeFrame(body, context.seal(new byte[0], chunk));
            }
        } catch (InvalidCipherTextException e) {
            throw EhbpException.malformed();
        }
        return new SealedRequest(context, context.getEncapsulation(), body.toByteArray());
    }

    /** A sealed request: the header value, the framed body, and the opener of its response. */
    public static final class SealedRequest {

        private final HPKEContextWithEncapsulation context;
        private final byte[] enc;
        private final byte[] body;

        private SealedRequest(HPKEContextWithEncapsulation context, byte[] enc, byte[] body) {
            this.context = context;
            this.enc = enc;
            this.body = body;
        }

        /** The {@code Ehbp-Encapsulated-Key} header value. */
        public String encapsulatedKeyHex() {
            return HexFormat.of().formatHex(enc);
        }

        public byte[] body() {
            return body.clone();
        }

        /**
         * Opens the response of this request.
         *
         * @param nonceHex the {@code Ehbp-Response-Nonce} header (a missing or malformed one fails)
         * @throws EhbpException if the nonce is missing or malformed or any chunk fails to open
         */
        public byte[] openResponse(String nonceHex, byte[] responseBody) {
            byte[] nonce = RequestOpener.parseHex(nonceHex, Ehbp.RESPONSE_NONCE_LENGTH);
            return ResponseKeys.derive(context, enc, nonce).open(responseBody);
        }

        @Override
        public String toString() {
            return "SealedRequest[" + body.length + " bytes]";
        }
    }
}
