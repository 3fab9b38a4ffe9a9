package dev.e2ee.vault.audit;

/** Where decrypt events of the audit stream go (implemented by the envelope feature), inside the event's transaction. */
public interface EnvelopeDecryptionSink {

    void record(AuditStreamEvent event);
}
