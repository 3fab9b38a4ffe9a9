package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.RsaOaep;
import dev.e2ee.crypto.RsaPss;
import dev.e2ee.crypto.TestKeys;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Keys, sealer, opener and helpers to build envelopes a real sender could never produce. */
final class EnvelopeFixture {

    static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().build();

    final CryptoProvider provider;
    final KeyPair signer;
    final KeyPair receiver;

    EnvelopeFixture(CryptoProvider provider, KeyPair signer, KeyPair receiver) {
        this.provider = provider;
        this.signer = signer;
        this.receiver = receiver;
    }

    EnvelopeFixture(CryptoProvider provider) {
        this(provider, TestKeys.signer(), TestKeys.receiver());
    }

    String signerKid() {
        return Jwk.thumbprint((RSAPublicKey) signer.getPublic());
    }

    String receiverKid() {
        return Jwk.thumbprint((RSAPublicKey) receiver.getPublic());
    }

    Recipient recipient() {
        return Recipient.of((RSAPublicKey) receiver.getPublic());
    }

    EnvelopeSealer sealer() {
        return sealer(signer, signerKid());
    }

    EnvelopeSealer sealer(KeyPair signingPair, String kid) {
        Keyring<KeyPair> ring = Keyring.single(kid, "vault-sign-1", signingPair, NOW);
        return EnvelopeSealer.create(() -> ring, provider, CLOCK);
    }

    EnvelopeOpener opener() {
        return opener(CLOCK);
    }

    EnvelopeOpener opener(Clock clock) {
        return EnvelopeOpener.create(
                Keyring.single(signerKid(), null, (RSAPublicKey) signer.getPublic(), NOW),
                Keyring.single(receiverKid(), null, (RSAPrivateKey) receiver.getPrivate(), NOW),
                OpeningPolicy.defaults(),
                provider,
                clock);
    }

    static EnvelopeContent content() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tags", List.of("finance", "q3"));
        metadata.put("priority", 3);
        metadata.put("nested", Map.of("ok", true));
        return new EnvelopeContent(UUID.randomUUID(), "Summarise the quarterly report — ünïcödé ✓", metadata);
    }

    Envelope seal() {
        return sealer().seal(recipient(), content(), NOW.plusSeconds(600));
    }

    /** The envelope's JSON as an ordered, editable map. */
    static Map<String, Object> editable(Envelope envelope) {
        return new LinkedHashMap<>(EnvelopeJson.toMap(envelope));
    }

    static String json(Map<String, Object> map) {
        return JSON.writeValueAsString(map);
    }

    /** Re-signs the envelope as is with the trusted signer, so checks after the signature are reached. */
    Envelope resign(Envelope e) {
        byte[] signature = RsaPss.create(provider)
                .sign((RSAPrivateKey) signer.getPrivate(), EnvelopeBytes.signatureInput(e, EnvelopeBytes.header(e)));
        return e.withBinary(e.iv(), e.encryptedKey(), e.encryptedData(), e.authTag(), signature);
    }

    /** A correctly encrypted and signed envelope around arbitrary plaintext bytes and a wrapped key of any size. */
    Envelope forge(Envelope template, byte[] plaintext, byte[] dek, byte[] wrappedSecret) {
        Envelope draft = new Envelope(
                2,
                template.id(),
                template.promptId(),
                template.algorithm(),
                template.keyAlgorithm(),
                template.signatureAlgorithm(),
                template.receiverPublicKeyId(),
                template.senderPrivateKeyId(),
                template.createdAt(),
                template.expiresAt(),
                new byte[0],
                new byte[0],
                new byte[0],
                new byte[0],
                new byte[0]);
        byte[] header = EnvelopeBytes.header(draft);
        AesGcm.Sealed sealed = AesGcm.create(dek, provider).encrypt(plaintext, header);
        byte[] encryptedKey = RsaOaep.create(provider).wrap((RSAPublicKey) receiver.getPublic(), wrappedSecret);
        return resign(new Envelope(
                2,
                draft.id(),
                draft.promptId(),
                draft.algorithm(),
                draft.keyAlgorithm(),
                draft.signatureAlgorithm(),
                draft.receiverPublicKeyId(),
                draft.senderPrivateKeyId(),
                draft.createdAt(),
                draft.expiresAt(),
                sealed.iv(),
                encryptedKey,
                sealed.ciphertext(),
                sealed.tag(),
                new byte[256]));
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
