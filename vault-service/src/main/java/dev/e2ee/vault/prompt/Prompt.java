package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored prompt ({@code prompts}, mapped by {@link PromptRepository} only). The text exists here only as
 * crypto-common at-rest ciphertext bound to {@code RecordContext("prompts", id, version)}; the secret only as its
 * peppered verifier.
 */
public record Prompt(
        UUID id,
        String owner,
        PromptStatus status,
        long version,
        EncryptedRecord text,
        byte[] secretVerifier,
        String metadata,
        Instant createdAt,
        Instant updatedAt) {

    public Prompt {
        secretVerifier = secretVerifier.clone();
    }

    @Override
    public byte[] secretVerifier() {
        return secretVerifier.clone();
    }

    /** The next version: its text, metadata and status, changed now. */
    Prompt next(EncryptedRecord nextText, String nextMetadata, PromptStatus nextStatus, Instant now) {
        return new Prompt(id, owner, nextStatus, version + 1, nextText, secretVerifier, nextMetadata, createdAt, now);
    }

    @Override
    public String toString() {
        return "Prompt[id=" + id + ", version=" + version + "]";
    }
}
