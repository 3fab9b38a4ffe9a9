package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.TimeOrderedIds;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.prompt.PromptExceptions.PromptNotFoundException;
import dev.e2ee.vault.prompt.PromptExceptions.VersionConflictException;
import dev.e2ee.vault.prompt.PromptRequests.CreatePromptRequest;
import dev.e2ee.vault.prompt.PromptRequests.UpdatePromptRequest;
import dev.e2ee.vault.web.JsonMetadata;
import dev.e2ee.vault.web.WireValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes prompts; every change is audited with it. */
@Service
class PromptService {

    private final PromptAccess access;
    private final PromptWriter writer;
    private final SecretVerifier verifier;
    private final JsonMetadata metadata;
    private final Clock clock;

    PromptService(
            PromptAccess access,
            PromptWriter writer,
            SecretVerifier secretVerifier,
            JsonMetadata metadata,
            Clock clock) {
        this.access = access;
        this.writer = writer;
        this.verifier = secretVerifier;
        this.metadata = metadata;
        this.clock = clock;
    }

    /** One statement writes the prompt, its first version, its tokens and its audit row (no transaction needed). */
    Prompt create(CreatePromptRequest request, E2eePrincipal principal) {
        UUID id = TimeOrderedIds.next();
        return writer.create(
                id,
                verifier.verifier(id, request.secret()),
                metadata(request.metadata()),
                request.promptText(),
                principal,
                now());
    }

    @Transactional
    Prompt update(UUID id, UpdatePromptRequest request, long expectedVersion, E2eePrincipal principal) {
        Prompt prompt = visible(id, principal);
        if (prompt.version() != expectedVersion) {
            throw new VersionConflictException();
        }
        return writer.update(
                prompt,
                request.promptText() != null ? request.promptText() : access.currentText(prompt),
                request.metadata() != null ? metadata(request.metadata()) : prompt.metadata(),
                request.status() != null ? WireValue.fromWire(PromptStatus.class, request.status()) : prompt.status(),
                principal,
                now());
    }

    @Transactional
    void delete(UUID id, E2eePrincipal principal) {
        visible(id, principal);
        if (!writer.delete(id, now())) {
            throw new PromptNotFoundException();
        }
    }

    Prompt visible(UUID id, E2eePrincipal principal) {
        return access.findVisible(id, principal).orElseThrow(PromptNotFoundException::new);
    }

    private String metadata(Map<String, Object> value) {
        if (metadata.tooLarge(value)) {
            throw new InvalidRequestException("metadata must not exceed " + JsonMetadata.MAX_BYTES + " bytes");
        }
        return metadata.write(value);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
