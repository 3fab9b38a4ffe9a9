package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.CryptoException;
import java.util.Objects;

/**
 * The one failure of opening an envelope. The message is always {@value #MESSAGE}; {@link #reason()} says which
 * check failed and belongs in the audit log only, never in a response. No cause is attached.
 */
public final class EnvelopeRejectedException extends CryptoException {

    public static final String MESSAGE = "envelope rejected";
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public EnvelopeRejectedException(RejectionReason reason) {
        super(MESSAGE);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }
}
