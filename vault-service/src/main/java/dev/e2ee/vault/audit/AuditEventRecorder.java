package dev.e2ee.vault.audit;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one stream event idempotently: the audit row's unique event id makes a redelivery a no-op. It runs inside
 * the transaction of the batch it belongs to ({@link AuditStreamEntries}).
 */
@Component
class AuditEventRecorder {

    private final AuditRecorder recorder;
    private final List<EnvelopeDecryptionSink> decryptions;

    AuditEventRecorder(AuditRecorder recorder, List<EnvelopeDecryptionSink> decryptions) {
        this.recorder = recorder;
        this.decryptions = decryptions;
    }

    /** True when the event was new. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean record(AuditStreamEvent event) {
        boolean inserted = recorder.insert(new AuditRow(
                event.eventId(),
                event.timestamp().truncatedTo(ChronoUnit.MICROS),
                event.type(),
                "success".equals(event.outcome()) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                cut(event.principal(), 255),
                cut(event.requestId(), 128),
                cut(event.clientAddress(), 64),
                event.envelopeId() != null ? "envelope" : event.promptId() != null ? "prompt" : null,
                event.envelopeId() != null
                        ? event.envelopeId().toString()
                        : event.promptId() != null ? event.promptId().toString() : null,
                cut(event.reason(), 128),
                details(event),
                "prompt-response-service"));
        if (inserted && event.isDecryption()) {
            decryptions.forEach(sink -> sink.record(event));
        }
        return inserted;
    }

    private static java.util.Map<String, Object> details(AuditStreamEvent event) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (event.promptId() != null) {
            details.put("promptId", event.promptId().toString());
        }
        if (event.count() != null) {
            details.put("count", event.count());
        }
        return details;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
