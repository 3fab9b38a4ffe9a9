package dev.e2ee.vault.warmup;

import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.RecordContext;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.platform.warmup.WarmupContributor;
import dev.e2ee.vault.receiver.ReceiverKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The create-envelope hot path without the database: at-rest AES-GCM of a made-up prompt text (KEK unwrap, decrypt),
 * an envelope sealed with the signing keyring to the current receiver key (RSA-OAEP, AES-GCM, RSA-PSS), and its JSON
 * written and read back. Nothing is stored; the envelope is discarded.
 */
@Component
class EnvelopeWarmup implements WarmupContributor {

    private static final byte[] TEXT = "warm-up prompt text".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeSealer sealer;
    private final ReceiverKeys receivers;
    private final AtRestEncryptor atRest;
    private final JsonMapper json;

    EnvelopeWarmup(EnvelopeSealer sealer, ReceiverKeys receivers, AtRestEncryptor atRest, JsonMapper json) {
        this.sealer = sealer;
        this.receivers = receivers;
        this.atRest = atRest;
        this.json = json;
    }

    @Override
    public String name() {
        return "seal envelope";
    }

    @Override
    public void round() {
        UUID id = UUID.randomUUID();
        RecordContext context = new RecordContext("warmup", id.toString(), 1);
        byte[] text = atRest.decrypt(atRest.encrypt(TEXT, context), context);
        EnvelopeContent content =
                new EnvelopeContent(id, new String(text, StandardCharsets.UTF_8), Map.of("source", "warm-up"));
        String envelope = EnvelopeJson.toJson(
                sealer.seal(receivers.current(), content, Instant.now().plus(5, ChronoUnit.MINUTES), null));
        json.writeValueAsString(json.readValue(envelope, JsonNode.class));
    }
}
