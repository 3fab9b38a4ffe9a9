package dev.e2ee.vault.receiver;

import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import java.util.List;
import java.util.Optional;

/**
 * The prompt-response service's envelope-encryption keys the vault encrypts to. Only these keys can ever be
 * chosen; a caller may pick one of them by kid or label, never supply a key.
 */
public interface ReceiverKeys {

    /** Name of the receiver keys' rows in the key metadata. */
    String NAME = "prompt-response-enc";

    /** The current key (the first encryption key of the receiver's set). */
    Recipient current();

    /** One of the receiver's known keys by kid or label. */
    Optional<Recipient> find(String kidOrLabel);

    /** Public JWKs of the receiver keys, current first. */
    List<Jwk> publicJwks();

    /** A human description for health and logs (never key material). */
    String source();
}
