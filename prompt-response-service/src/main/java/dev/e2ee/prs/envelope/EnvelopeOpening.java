package dev.e2ee.prs.envelope;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.EnvelopeRejectedException;
import dev.e2ee.crypto.envelope.OpenedEnvelope;
import dev.e2ee.prs.audit.AuditEvent;
import dev.e2ee.prs.audit.AuditPublisher;
import dev.e2ee.prs.audit.AuditUnavailableException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens an envelope with the server's own keys for the calling principal (an envelope with an {@code audience} opens
 * only for that principal, docs/envelope-format.md#audience-and-lifetime), enforces one-time use and publishes the audit event before the plaintext is
 * handed out. Every rejection — including another principal's envelope — looks the same to the caller
 * ({@link EnvelopeRejectedProblem}) and happens before the replay claim, so it never consumes the envelope; the reason
 * goes to the audit event only, under the caller and without the rejected envelope's (unverified) ids (issue 14.5).
 * A replay of an envelope that opens is a 409.
 */
@Service
public class EnvelopeOpening {

    private static final String VAULT_STATUS = "status";

    private final EnvelopeOpener opener;
    private final ReplayGuard replay;
    private final AuditPublisher audit;
    private final OpeningMetrics metrics;
    private final Clock clock;

    EnvelopeOpening(
            EnvelopeOpener opener, ReplayGuard replay, AuditPublisher audit, OpeningMetrics metrics, Clock clock) {
        this.opener = opener;
        this.replay = replay;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Opens the envelope for {@code principal}; see the class comment for the failures. */
    public OpenedPrompt open(JsonNode envelope, String principal) {
        OpenedEnvelope opened = verifyAndDecrypt(envelope, principal);
        UUID envelopeId = opened.envelope().id();
        UUID promptId = opened.content().promptId();
        if (!replay.claim(envelopeId, opened.rememberUntil())) {
            metrics.failed(OpeningMetrics.REPLAYED);
            audit.publish(AuditEvent.failure(AuditEvent.ENVELOPE_DECRYPT_FAILED, principal, "REPLAYED")
                    .withEnvelope(envelopeId, promptId));
            throw new EnvelopeReplayedException();
        }
        try {
            audit.publish(
                    AuditEvent.success(AuditEvent.ENVELOPE_DECRYPT, principal).withEnvelope(envelopeId, promptId));
        } catch (AuditUnavailableException e) {
            replay.release(envelopeId);
            throw e;
        }
        metrics.succeeded();
        return new OpenedPrompt(
                envelopeId,
                promptId,
                opened.content().promptText(),
                opened.content().metadata(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private OpenedEnvelope verifyAndDecrypt(JsonNode envelope, String principal) {
        long started = System.nanoTime();
        try {
            OpenedEnvelope opened = opener.open(wireJson(envelope), principal);
            metrics.recordDuration(opened.envelope().algorithm(), System.nanoTime() - started);
            return opened;
        } catch (CryptoException e) {
            String reason = e instanceof EnvelopeRejectedException rejected
                    ? rejected.reason().name()
                    : "CRYPTO_ERROR";
            metrics.failed(
                    e instanceof EnvelopeRejectedException rejected
                            ? OpeningMetrics.reasonClass(rejected.reason())
                            : OpeningMetrics.CRYPTO_ERROR);
            // no envelopeId/promptId: they come from an envelope that did not open (unverified, or another
            // principal's), so the failure is recorded under the caller only and never in someone else's records
            audit.publish(AuditEvent.failure(AuditEvent.ENVELOPE_DECRYPT_FAILED, principal, reason));
            throw new EnvelopeRejectedProblem();
        }
    }

    private static String wireJson(JsonNode envelope) {
        if (envelope == null || envelope.isNull() || envelope.isMissingNode()) {
            return "";
        }
        if (envelope.isString()) {
            return envelope.asString();
        }
        if (envelope instanceof ObjectNode object && object.path(VAULT_STATUS).isString()) {
            // The vault's envelope response adds an unsigned "status"; docs/architecture.md says the parser
            // tolerates it, but crypto-common does not yet, so it is dropped here (local adapter).
            ObjectNode copy = object.deepCopy();
            copy.remove(VAULT_STATUS);
            return copy.toString();
        }
        return envelope.toString();
    }
}
