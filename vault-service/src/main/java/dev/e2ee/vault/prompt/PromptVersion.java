package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a prompt's text ({@code prompt_versions}, mapped by {@link PromptRepository} only), encrypted under
 * {@code RecordContext("prompt_versions", id, version)}.
 */
record PromptVersion(
        UUID id,
        UUID promptId,
        long version,
        EncryptedRecord text,
        String metadata,
        String createdBy,
        Instant createdAt) {}
