package dev.e2ee.vault.envelope;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.envelope.EnvelopeExceptions.EnvelopeNotFoundException;
import dev.e2ee.vault.prompt.PromptAccess;
import dev.e2ee.vault.prompt.PromptEnvelopes;
import dev.e2ee.vault.web.PageResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Envelope metadata for owners and admins (never the ciphertext). */
@Service
class EnvelopeQueries implements PromptEnvelopes {

    private final EnvelopeRepository envelopes;
    private final PromptAccess prompts;
    private final Clock clock;

    EnvelopeQueries(EnvelopeRepository envelopes, PromptAccess prompts, Clock clock) {
        this.envelopes = envelopes;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    EnvelopeMetadata one(UUID id, E2eePrincipal principal) {
        return envelopes
                .findById(id)
                .filter(e -> principal.isAdmin() || e.owner().equals(principal.subject()))
                .map(e -> EnvelopeMetadata.of(e, clock.instant()))
                .orElseThrow(EnvelopeNotFoundException::new);
    }

    /** Envelopes of a prompt the principal can see; empty when it cannot. */
    @Transactional(readOnly = true)
    Optional<PageResponse<EnvelopeMetadata>> ofPrompt(UUID promptId, int page, int limit, E2eePrincipal principal) {
        if (prompts.findVisible(promptId, principal).isEmpty()) {
            return Optional.empty();
        }
        List<EnvelopeRecord> result = envelopes.ofPrompt(promptId, (long) (page - 1) * limit, limit);
        return Optional.of(PageResponse.of(
                result.stream()
                        .map(e -> EnvelopeMetadata.of(e, clock.instant()))
                        .toList(),
                page,
                limit,
                envelopes.countOfPrompt(promptId)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<?> metadataOf(UUID promptId) {
        return envelopes.ofPrompt(promptId, 0, 100).stream()
                .map(e -> EnvelopeMetadata.of(e, clock.instant()))
                .toList();
    }
}
