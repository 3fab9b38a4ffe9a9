package dev.e2ee.crypto.envelope;

/** Why an envelope was rejected: for the audit log only, never for the caller. */
public enum RejectionReason {
    MALFORMED,
    UNSUPPORTED_ALGORITHM,
    UNKNOWN_SENDER_KEY,
    UNKNOWN_RECEIVER_KEY,
    BAD_SIGNATURE,
    DECRYPTION_FAILED,
    EXPIRED,
    NOT_YET_VALID,
    TOO_OLD,
    PROMPT_ID_MISMATCH,
    /** The envelope names another principal as its audience (or the opener was given none). */
    WRONG_AUDIENCE,
    /** The envelope carries no audience and the policy requires one. */
    MISSING_AUDIENCE
}
