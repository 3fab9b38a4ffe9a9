package dev.e2ee.prs.warmup;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.warmup.WarmupContributor;
import dev.e2ee.prs.key.ReceiverKeys;
import dev.e2ee.prs.storage.EncryptedValues;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-envelope hot path without Redis: an envelope sealed to this service's own primary receiver key by a
 * signing key made for the warm-up (never trusted by the service's real opener), then opened with the service's
 * receiver keys (RSA-PSS verify, RSA-OAEP decrypt, AES-GCM) and its JSON read and written; the opened text sealed
 * and opened as a Redis value would be. Nothing is stored and no audit event is sent.
 */
@Component
class EnvelopeWarmup implements WarmupContributor {

    private final ReceiverKeys receivers;
    private final CryptoProvider provider;
    private final EncryptedValues values;
    private final JsonMapper json;
    private final Clock clock;
    private EnvelopeSealer sealer;
    private EnvelopeOpener opener;
    private Recipient recipient;

    EnvelopeWarmup(
            ReceiverKeys receivers, CryptoProvider provider, EncryptedValues values, JsonMapper json, Clock clock) {
        this.receivers = receivers;
        this.provider = provider;
        this.values = values;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "open envelope";
    }

    @Override
    public void round() {
        if (sealer == null) {
            prepare();
        }
        EnvelopeContent content = new EnvelopeContent(UUID.randomUUID(), "warm-up", Map.of("source", "warm-up"));
        String wire = EnvelopeJson.toJson(
                sealer.seal(recipient, content, clock.instant().plusSeconds(300)));
        JsonNode body = json.readValue("{\"envelope\":" + wire + "}", JsonNode.class);
        String opened = opener.open(body.get("envelope").toString()).content().promptText();
        String id = content.promptId().toString();
        values.open(
                "warmup", id, "warm-up", values.seal("warmup", id, "warm-up", opened.getBytes(StandardCharsets.UTF_8)));
        json.writeValueAsString(Map.of("promptId", id, "promptText", opened));
    }

    private void prepare() {
        KeyPair signing = RsaKeys.generate(2048, provider);
        RSAPublicKey signingPublic = (RSAPublicKey) signing.getPublic();
        String signingKid = Jwk.thumbprint(signingPublic);
        Keyring<KeyPair> keyring = Keyring.of(List.of(
                new Keyring.Version<>(signingKid, "warm-up", signing, Keyring.Status.PRIMARY, Instant.now(clock))));
        String kid = receivers.primaryKid();
        RSAPrivateCrtKey receiver = (RSAPrivateCrtKey) receivers.find(kid).orElseThrow();
        recipient = new Recipient(kid, RsaKeys.publicKeyOf(receiver));
        sealer = EnvelopeSealer.create(() -> keyring, provider, clock);
        Duration hour = Duration.ofHours(1);
        opener = EnvelopeOpener.create(
                signer -> signingKid.equals(signer) ? Optional.of(signingPublic) : Optional.empty(),
                receivers,
                new OpeningPolicy(Duration.ofMinutes(1), hour, hour, false),
                provider,
                clock);
    }
}
