package dev.e2ee.bench.http;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSignature;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a create-envelope answer as a client would: the envelope (the answer without its {@code status}) parses,
 * is for the prompt asked for and is signed by one of the vault's signing keys.
 */
record EnvelopeCheck(JwkSet vaultKeys) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CryptoProvider PROVIDER = CryptoProvider.defaults();

    /** Whether {@code answer} is a valid envelope of {@code promptId}; never throws. */
    boolean valid(String answer, String promptId) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(answer);
            body.remove("status");
            Envelope envelope = EnvelopeJson.parse(JSON.writeValueAsString(body));
            EnvelopeSignature.verify(envelope, this::signer, PROVIDER);
            return envelope.promptId().toString().equals(promptId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<RSAPublicKey> signer(String kid) {
        return vaultKeys.find(kid).filter(k -> Jwk.USE_SIGNING.equals(k.use())).map(Jwk::key);
    }
}
