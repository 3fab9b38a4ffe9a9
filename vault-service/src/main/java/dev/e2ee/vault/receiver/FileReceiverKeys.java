package dev.e2ee.vault.receiver;

import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;

/** One receiver key from {@code RECEIVER_PUBLIC_KEY_PATH}, also accepted under its design-era label. */
public final class FileReceiverKeys implements ReceiverKeys {

    static final String LABEL = "prompt_response_enc_public";

    private final Recipient recipient;

    public FileReceiverKeys(RSAPublicKey key) {
        this.recipient = new Recipient(Jwk.thumbprint(key), key);
    }

    @Override
    public Recipient current() {
        return recipient;
    }

    @Override
    public Optional<Recipient> find(String kidOrLabel) {
        return recipient.kid().equals(kidOrLabel) || LABEL.equals(kidOrLabel)
                ? Optional.of(recipient)
                : Optional.empty();
    }

    @Override
    public List<Jwk> publicJwks() {
        return List.of(Jwk.encryption(recipient.key()));
    }

    @Override
    public String source() {
        return "file";
    }
}
