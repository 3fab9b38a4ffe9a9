package dev.e2ee.systemtest;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Envelopes an attacker (or a skewed clock) would produce: sealed by crypto-common with the run's real keys at
 * another time, sealed by an untrusted signer, or a real envelope with one field altered.
 */
final class Envelopes {

    private final KeyPair vaultSigning;
    private final RSAPublicKey receiver;

    Envelopes(KeyMaterial keys) {
        RSAPrivateCrtKey signing = RsaKeys.readPrivateKey(keys.signingPrivate());
        this.vaultSigning = RsaKeys.pair(signing, RsaKeys.publicKeyOf(signing));
        this.receiver = RsaKeys.readPublicKey(keys.receivingPublic());
    }

    /** Sealed with the vault's real signing key, as if the clock read {@code now + shift}. */
    String sealedAt(Duration shift, Duration lifetimeOrNull, String promptText) {
        Instant now = Instant.now().plus(shift);
        return seal(vaultSigning, now, lifetimeOrNull == null ? null : now.plus(lifetimeOrNull), promptText);
    }

    /** Sealed now by a freshly generated key the receiver does not trust. */
    String sealedByStranger(String promptText) {
        return seal(RsaKeys.generate(2048, CryptoProvider.jdk()), Instant.now(), null, promptText);
    }

    /** Sealed by a stranger's key but claiming the vault's signing kid. */
    String strangerClaimingVaultKid(String promptText) {
        ObjectNode forged = (ObjectNode) Http.JSON.readTree(sealedByStranger(promptText));
        forged.put("senderPrivateKeyId", Jwk.thumbprint((RSAPublicKey) vaultSigning.getPublic()));
        return forged.toString();
    }

    private String seal(KeyPair signer, Instant now, Instant expiresAt, String promptText) {
        String kid = Jwk.thumbprint((RSAPublicKey) signer.getPublic());
        Keyring<KeyPair> ring = Keyring.single(kid, "signer", signer, now);
        EnvelopeSealer sealer =
                EnvelopeSealer.create(() -> ring, CryptoProvider.jdk(), Clock.fixed(now, ZoneOffset.UTC));
        Envelope envelope = sealer.seal(
                Recipient.of(receiver), new EnvelopeContent(UUID.randomUUID(), promptText, Map.of()), expiresAt);
        return EnvelopeJson.toJson(envelope);
    }

    /** A copy with one text field replaced. */
    static ObjectNode with(JsonNode envelope, String field, String value) {
        ObjectNode copy = ((ObjectNode) envelope).deepCopy();
        copy.put(field, value);
        return copy;
    }

    /** A copy with bit 0 of byte {@code index} of a base64 field flipped. */
    static ObjectNode flip(JsonNode envelope, String field, int index) {
        byte[] bytes = Base64.getDecoder().decode(envelope.path(field).asString());
        bytes[Math.floorMod(index, bytes.length)] ^= 1;
        return with(envelope, field, Base64.getEncoder().encodeToString(bytes));
    }

    static ObjectNode without(JsonNode envelope, String field) {
        ObjectNode copy = ((ObjectNode) envelope).deepCopy();
        copy.remove(field);
        return copy;
    }
}
